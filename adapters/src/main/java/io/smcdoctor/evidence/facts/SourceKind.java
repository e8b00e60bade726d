package io.smcdoctor.evidence.facts;

import io.smcdoctor.evidence.internal.EvidenceSpecs;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of evidence input. Each is declared once in the evidence-spec registry (bundle file names, the command
 * that produces it, its parser and content signature); this enum is the name the API and the rules use for it.
 */
public enum SourceKind {
    /** {@code smcss} listings: {@code smcss.txt} and {@code smcss-*.txt}. */
    SMCSS,
    /** {@code smcr -d device}. */
    SMCR_DEVICE,
    /** {@code smcr -d linkgroup}. */
    SMCR_LINKGROUP,
    /** {@code smcr -d stats}. */
    SMCR_STATS,
    /** {@code smcr info}. */
    SMCR_INFO,
    /** {@code smcr ueid show}. */
    SMCR_UEID,
    /** {@code smc_pnet -s}. */
    SMC_PNET,
    /** {@code smcd -d device}. */
    SMCD_DEVICE,
    /** {@code smcd -d linkgroup}. */
    SMCD_LINKGROUP,
    /** {@code smcd -d stats}. */
    SMCD_STATS,
    /** {@code dmesg} or {@code journalctl -k}. */
    DMESG,
    /** {@code sysctl -a} (or a {@code proc/sys} tree). */
    SYSCTL,
    /** {@code uname -a}. */
    UNAME,
    /** {@code lsmod}. */
    LSMOD,
    /** {@code ip addr}. */
    IP_ADDR,
    /** {@code ibv_devinfo -v}. */
    IBV_DEVINFO,
    /** {@code rdma system}. */
    RDMA_SYSTEM,
    /** {@code rdma dev}. */
    RDMA_DEV,
    /** {@code rdma link}. */
    RDMA_LINK,
    /** The socket probe's {@code sockopt-probe.json}. */
    SOCKOPT_PROBE,
    /** What the user observed, free text. */
    SYMPTOM,
    /** {@code manifest.json}, written by {@code collect}. */
    MANIFEST,
    /** An executable given with the evidence (is it statically linked?). */
    BINARY,
    /** {@code rdma resource}: the objects (memory regions, queue pairs, ...) each RDMA device holds. */
    RDMA_RESOURCE;

    /** The canonical bundle file name, e.g. {@code smcr-device.txt}. */
    public String fileName() {
        return EvidenceSpecs.of(this).fileName();
    }

    /** The command whose output the file holds, e.g. {@code smcr -d device}. */
    public String command() {
        return EvidenceSpecs.of(this).hint();
    }

    /**
     * The kind a bundle file name denotes: the canonical names of {@code docs/bundle.md} plus {@code smcss-*.txt}
     * (more smcss listings of the same host). Case-insensitive; directories in the name are ignored.
     */
    public static Optional<SourceKind> ofFileName(String name) {
        return EvidenceSpecs.ofFileName(name);
    }

    /** Kinds that are text listings parsed line by line (everything except JSON and binaries). */
    public static List<SourceKind> textKinds() {
        return EvidenceSpecs.textKinds();
    }
}
