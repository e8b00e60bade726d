package io.smcdoctor.cli;

import java.util.List;

/**
 * The user asked for something that does not exist (an unknown reason code or socket option). Printed as one line
 * on stderr, exit status 2, no stack trace.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    /** "unknown WHAT 'INPUT'; did you mean A, B? HINT" */
    static UsageException unknown(String what, String input, List<String> suggestions, String hint) {
        StringBuilder sb = new StringBuilder("unknown ").append(what).append(" '").append(input).append('\'');
        if (!suggestions.isEmpty()) {
            sb.append("; did you mean ").append(String.join(", ", suggestions)).append('?');
        }
        if (!hint.isEmpty()) {
            sb.append(' ').append(hint);
        }
        return new UsageException(sb.toString());
    }
}
