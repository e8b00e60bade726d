package io.smcdoctor.lsp;

import io.smcdoctor.catalog.LocalizedText;
import java.util.Objects;

/**
 * One socket option found in a document.
 *
 * @param start    offset (UTF-16 code units) of the option name in the document
 * @param end      offset just after it
 * @param subject  the option or flag the finding is about ({@code TCP_FASTOPEN}, {@code MSG_FASTOPEN})
 * @param usage    set, read, or the send flag
 * @param error    true for an error-level finding (an N option set, or the send flag), false for a warning
 * @param entry    the catalog entry
 * @param message  the finding as a sentence, in English and Japanese
 */
record OptionUse(int start, int end, String subject, Usage usage, boolean error, OptionEntry entry,
                 LocalizedText message) {
    OptionUse {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(message, "message");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range " + start + ".." + end);
        }
    }

    /** How the option is used in the code. */
    enum Usage {
        SET,
        GET,
        SEND_FLAG
    }
}
