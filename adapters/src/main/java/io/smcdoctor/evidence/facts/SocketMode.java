package io.smcdoctor.evidence.facts;

/** The Mode column of smcss. */
public enum SocketMode {
    /** SMC-R in use. */
    SMCR,
    /** SMC-D in use. */
    SMCD,
    /** Fell back to TCP (with reason codes). */
    TCP,
    /** No mode printed: LISTEN, INIT and CLOSED rows, or a {@code -} placeholder. */
    NONE;

    /** True for the modes in which the socket uses SMC: {@link #SMCR} and {@link #SMCD}. */
    public boolean smc() {
        return this == SMCR || this == SMCD;
    }
}
