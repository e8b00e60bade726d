package io.smcdoctor.evidence;

/** The Mode column of smcss. */
public enum SocketMode {
    /** SMC-R in use. */
    SMCR,
    /** SMC-D in use. */
    SMCD,
    /** Fell back to TCP (with reason codes). */
    TCP,
    /** No mode printed: LISTEN, INIT and CLOSED rows, or a {@code -} placeholder. */
    NONE
}
