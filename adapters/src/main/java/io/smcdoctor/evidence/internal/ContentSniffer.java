package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.SourceKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises the kind of an evidence file from its first lines, for single files whose name says nothing
 * (e.g. {@code out.log}). Looks at the first {@link #HEAD_BYTES} bytes; the first line that matches a
 * signature decides. Free text ({@code symptom.txt}) and bare UEID lists have no signature and are only
 * recognised by name.
 */
final class ContentSniffer {
    /** Bytes looked at. */
    static final int HEAD_BYTES = 8 * 1024;
    private static final int MAX_LINES = 60;

    private record Signature(SourceKind kind, Pattern pattern) {
    }

    // order matters where two signatures could match one line (dmesg before uname: "Linux version ...")
    private static final List<Signature> SIGNATURES = List.of(
            sig(SourceKind.SMCSS, "^State\\s+UID\\s+Inode\\b"),
            sig(SourceKind.SMCR_DEVICE, "^Net-Dev\\s+IB-Dev\\b"),
            sig(SourceKind.SMCD_DEVICE, "^FID\\s+Type\\s+PCI-ID\\b"),
            sig(SourceKind.SMCR_LINKGROUP, "^LG-ID\\s+LG-Role\\b"),
            sig(SourceKind.SMCR_LINKGROUP, "^LG-Role\\s*:"),
            sig(SourceKind.SMCD_LINKGROUP, "^LG-ID\\s+VLAN\\b"),
            sig(SourceKind.SMCD_LINKGROUP, "^DMB\\s*:"),
            sig(SourceKind.SMCR_STATS, "^SMC-R Connections Summary\\b"),
            sig(SourceKind.SMCD_STATS, "^SMC-D Connections Summary\\b"),
            sig(SourceKind.SMCR_INFO, "^(Kernel Capabilities|SMC Version:)"),
            sig(SourceKind.DMESG, "^\\[\\s*\\d+\\.\\d+\\]"),
            sig(SourceKind.DMESG, "^\\[[A-Z][a-z]{2} [A-Z][a-z]{2}\\s+\\d+ \\d\\d:\\d\\d:\\d\\d \\d{4}\\]"),
            sig(SourceKind.DMESG, "^\\S+(\\s+\\d+)?(\\s+\\d\\d:\\d\\d:\\d\\d)?\\s+\\S+\\s+kernel:\\s"),
            sig(SourceKind.DMESG, "^-- (Journal|Logs) begins\\b"),
            sig(SourceKind.UNAME, "^Linux (?!version )\\S+ \\d+\\.\\d+\\S*\\s"),
            sig(SourceKind.LSMOD, "^Module\\s+Size\\s+Used by\\b"),
            sig(SourceKind.IP_ADDR, "^\\d+: \\S+: <[A-Z_,]*>"),
            sig(SourceKind.RDMA_DEV, "^\\d+: \\S+: node_type\\b"),
            sig(SourceKind.RDMA_LINK, "^link \\S+/\\d+ state\\b"),
            sig(SourceKind.RDMA_SYSTEM, "^netns (shared|exclusive)\\b"),
            sig(SourceKind.IBV_DEVINFO, "^hca_id:"),
            sig(SourceKind.SMC_PNET, "^smc_pnet: "),
            sig(SourceKind.SMC_PNET, "^\\S+ (\\S+ n/a|n/a \\S+) \\d+\\s*$"),
            sig(SourceKind.SYSCTL, "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_/@:-]+)+\\s*=\\s*"));

    private ContentSniffer() {
    }

    private static Signature sig(SourceKind kind, String regex) {
        return new Signature(kind, Pattern.compile(regex));
    }

    /** The kinds this sniffer can recognise, for messages. */
    static String recognisedKinds() {
        return "smcss, smcr/smcd device, linkgroup, stats and info, smc_pnet, dmesg/journalctl -k, sysctl "
                + "(key = value), uname -a, lsmod, ip addr, ibv_devinfo, rdma system/dev/link, manifest.json, "
                + "sockopt-probe.json";
    }

    /** The kind of a file whose first bytes are {@code head[0..length)}, if recognised. */
    static Optional<SourceKind> sniff(byte[] head, int length) {
        String text = new String(head, 0, Math.min(length, head.length), StandardCharsets.UTF_8);
        if (text.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{")) {
            if (trimmed.contains("\"smc-doctor/manifest/")) {
                return Optional.of(SourceKind.MANIFEST);
            }
            if (trimmed.contains("\"smc-doctor/sockopt-probe/")) {
                return Optional.of(SourceKind.SOCKOPT_PROBE);
            }
            return Optional.empty();
        }
        int lines = 0;
        for (String line : text.split("\r?\n", -1)) {
            if (line.isBlank()) {
                continue;
            }
            if (++lines > MAX_LINES) {
                break;
            }
            for (Signature s : SIGNATURES) {
                if (s.pattern().matcher(line).find()) {
                    return Optional.of(s.kind());
                }
            }
        }
        return Optional.empty();
    }
}
