package io.smcdoctor.adapters.host;

import io.smcdoctor.catalog.SmcDoctorException;

/** Live collection failed as a whole (e.g. the output directory cannot be written). A missing tool is not this. */
public class CollectionException extends SmcDoctorException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public CollectionException(String message) {
        super(message);
    }

    /** Creates the exception with its cause. */
    public CollectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
