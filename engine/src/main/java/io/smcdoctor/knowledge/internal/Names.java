package io.smcdoctor.knowledge.internal;

import java.util.regex.Pattern;

/**
 * Finds the {@link Entry#names() names} of entries in a question: a command ({@code smcr stats}, also typed as
 * {@code smcr -d stats}), a sysctl, a kernel function of a pasted splat, an application. Names match as whole words
 * of the lower-cased question ({@link Topic#contains}). Stateless.
 */
public final class Names {
    /** Options between an smc-tools command and its object: {@code smcr -d stats}, {@code smcss -a -W}. */
    private static final Pattern COMMAND_OPTIONS = Pattern.compile("(?<=\\b(?:smcr|smcd|smcss))(?:\\s+--?[a-z]+)+");

    private Names() {
    }

    /** The question as names are matched against it: normalised, lower case, options after a command dropped. */
    public static String normalise(String question) {
        return COMMAND_OPTIONS.matcher(Topic.normalise(question)).replaceAll("");
    }

    /** How many distinct names of the entry the normalised question contains. */
    public static int count(Entry e, String normalisedQuestion) {
        int n = 0;
        for (String name : e.names()) {
            if (Topic.contains(normalisedQuestion, name)) {
                n++;
            }
        }
        return n;
    }
}
