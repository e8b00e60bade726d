package io.smcdoctor.catalog;

/**
 * Root of every exception SMC Doctor throws on purpose. Callers that embed the library catch this
 * type; adapters (CLI, MCP, IDE) catch the specific subtypes.
 */
public class SmcDoctorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with an actionable message (what, where, what would be right). */
    public SmcDoctorException(String message) {
        super(message);
    }

    /** Creates an exception with an actionable message and its cause. */
    public SmcDoctorException(String message, Throwable cause) {
        super(message, cause);
    }
}
