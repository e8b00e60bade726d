package io.smcdoctor.lsp;

import io.smcdoctor.catalog.LocalizedText;
import io.smcdoctor.catalog.Support;
import io.smcdoctor.catalog.TargetKernel;
import java.util.Objects;
import java.util.function.Function;

/**
 * One socket option found in a document.
 *
 * @param start    offset (UTF-16 code units) of the option name in the document
 * @param end      offset just after it
 * @param subject  the option or flag the finding is about ({@code TCP_FASTOPEN}, {@code MSG_FASTOPEN})
 * @param usage    set, read, or the send flag
 * @param entry    the catalog entry
 * @param messages the finding as a sentence for a kernel, in English and Japanese
 */
record OptionUse(int start, int end, String subject, Usage usage, OptionEntry entry,
                 Function<TargetKernel, LocalizedText> messages) {
    OptionUse {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(messages, "messages");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range " + start + ".." + end);
        }
    }

    /** The finding as a sentence for a kernel. */
    LocalizedText message(TargetKernel kernel) {
        return messages.apply(kernel);
    }

    /**
     * How serious the use is on a kernel, as the linter rates it: setting an N option or the send flag is an error,
     * setting an M option or reading an N option a warning; anything else is no finding ({@code null}).
     */
    Settings.Level level(TargetKernel kernel) {
        if (usage == Usage.SEND_FLAG) {
            return Settings.Level.ERROR;
        }
        Support s = entry.support(kernel);
        if (usage == Usage.GET) {
            return s == Support.N ? Settings.Level.WARNING : Settings.Level.OFF;
        }
        return s == Support.N ? Settings.Level.ERROR : s == Support.M ? Settings.Level.WARNING : Settings.Level.OFF;
    }

    /** How the option is used in the code. */
    enum Usage {
        SET,
        GET,
        SEND_FLAG
    }
}
