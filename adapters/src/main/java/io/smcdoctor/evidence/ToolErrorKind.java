package io.smcdoctor.evidence;

/** What kind of tool error a listing holds. */
public enum ToolErrorKind {
    /** {@code Error: SMC module not loaded}, {@code smc_pnet: SMC module not loaded}. */
    SMC_MODULE_NOT_LOADED,
    /** The tool is not installed ({@code command not found}). */
    NOT_INSTALLED,
    /** Permission denied / operation not permitted. */
    PERMISSION_DENIED,
    /** A netlink error such as {@code RTNETLINK answers: ...}. */
    NETLINK,
    /** Anything else. */
    OTHER
}
