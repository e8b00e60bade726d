package io.smcdoctor.evidence;

import io.smcdoctor.catalog.SmcDoctorException;

/** Input that cannot be read at all (missing file, refused archive). Garbage content is a warning, not this. */
public class EvidenceParseException extends SmcDoctorException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message names the file and, where known, the line. */
    public EvidenceParseException(String message) {
        super(message);
    }

    /** Creates the exception with its cause. */
    public EvidenceParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
