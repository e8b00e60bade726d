package io.smcdoctor.evidence.facts;

/** The two SMC technologies, as smc-tools names them: SMC-R (RDMA, {@code smcr}) and SMC-D (ISM, {@code smcd}). */
public enum SmcTechnology {
    /** SMC over RDMA (RoCE, iWARP, eRDMA). */
    SMCR("smcr"),
    /** SMC over ISM (s390 internal shared memory, or loopback-ism). */
    SMCD("smcd");

    private final String tool;

    SmcTechnology(String tool) {
        this.tool = tool;
    }

    /** The smc-tools command for this technology: {@code smcr} or {@code smcd}. */
    public String tool() {
        return tool;
    }
}
