package io.smcdoctor.fleet;

import io.smcdoctor.catalog.SmcDoctorException;

/**
 * The fleet job cannot start on its inputs or output: an input matches nothing or cannot be listed, no bundle was
 * found, or the output already exists. The message names the path and says what would be right. Bundles that
 * cannot be read never throw this: each becomes a row with its error.
 */
public class FleetInputException extends SmcDoctorException {
    private static final long serialVersionUID = 1L;

    /** An input or output problem with an actionable message. */
    public FleetInputException(String message) {
        super(message);
    }

    /** An input or output problem with an actionable message and its cause. */
    public FleetInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
