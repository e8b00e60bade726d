package io.smcdoctor.evidence;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of evidence input, with the bundle file name of DESIGN.md and the command that produces it
 * (used for "missing evidence" hints).
 */
public enum SourceKind {
    SMCSS("smcss.txt", "smcss -a"),
    SMCR_DEVICE("smcr-device.txt", "smcr -d device"),
    SMCR_LINKGROUP("smcr-linkgroup.txt", "smcr -d linkgroup"),
    SMCR_STATS("smcr-stats.txt", "smcr -d stats"),
    SMCR_INFO("smcr-info.txt", "smcr info"),
    SMCR_UEID("smcr-ueid.txt", "smcr ueid show"),
    SMC_PNET("smc-pnet.txt", "smc_pnet -s"),
    SMCD_DEVICE("smcd-device.txt", "smcd -d device"),
    SMCD_LINKGROUP("smcd-linkgroup.txt", "smcd -d linkgroup"),
    SMCD_STATS("smcd-stats.txt", "smcd -d stats"),
    DMESG("dmesg.txt", "dmesg"),
    SYSCTL("sysctl.txt", "sysctl -a"),
    UNAME("uname.txt", "uname -a"),
    LSMOD("lsmod.txt", "lsmod"),
    IP_ADDR("ip-addr.txt", "ip addr"),
    IBV_DEVINFO("ibv_devinfo.txt", "ibv_devinfo -v"),
    RDMA_SYSTEM("rdma-system.txt", "rdma system"),
    RDMA_DEV("rdma-dev.txt", "rdma dev"),
    RDMA_LINK("rdma-link.txt", "rdma link"),
    SOCKOPT_PROBE("sockopt-probe.json", "smc-doctor collect (socket probe)"),
    SYMPTOM("symptom.txt", "describe what you observed in symptom.txt"),
    MANIFEST("manifest.json", "smc-doctor collect"),
    BINARY("(binary)", "smc-doctor diagnose BUNDLE /path/to/the/program");

    private final String fileName;
    private final String command;

    SourceKind(String fileName, String command) {
        this.fileName = fileName;
        this.command = command;
    }

    /** The canonical bundle file name, e.g. {@code smcr-device.txt}. */
    public String fileName() {
        return fileName;
    }

    /** The command whose output the file holds, e.g. {@code smcr -d device}. */
    public String command() {
        return command;
    }

    /**
     * The kind a bundle file name denotes: the canonical names of DESIGN.md plus {@code smcss-*.txt}
     * (more smcss listings of the same host). Case-insensitive; directories in the name are ignored.
     */
    public static Optional<SourceKind> ofFileName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (base.startsWith("smcss") && base.endsWith(".txt")) {
            return Optional.of(SMCSS);
        }
        for (SourceKind k : values()) {
            if (k.fileName.equals(base)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** Kinds that are text listings parsed line by line (everything except JSON and binaries). */
    public static List<SourceKind> textKinds() {
        return List.of(SMCSS, SMCR_DEVICE, SMCR_LINKGROUP, SMCR_STATS, SMCR_INFO, SMCR_UEID, SMC_PNET, SMCD_DEVICE,
                SMCD_LINKGROUP, SMCD_STATS, DMESG, SYSCTL, UNAME, LSMOD, IP_ADDR, IBV_DEVINFO, RDMA_SYSTEM, RDMA_DEV,
                RDMA_LINK, SYMPTOM);
    }
}
