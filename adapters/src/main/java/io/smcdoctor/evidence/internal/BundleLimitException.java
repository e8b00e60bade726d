package io.smcdoctor.evidence.internal;

import java.io.IOException;

/**
 * A bundle limit was exceeded while streaming. An {@link IOException} so that it passes unchanged through the
 * parsers and JSON readers that consume the stream; {@link BundleReader} turns it into an
 * {@code EvidenceParseException}.
 */
public final class BundleLimitException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message names the archive or file and the entry. */
    public BundleLimitException(String message) {
        super(message);
    }
}
