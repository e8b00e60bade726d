package io.smcdoctor;

import java.util.List;
import java.util.Objects;

/**
 * A fix for a diagnosis, in the report's language: what to do and the exact commands (possibly none).
 *
 * @param summary  one sentence
 * @param commands commands to run, never executed by SMC Doctor
 */
public record SuggestedRemedy(String summary, List<String> commands) {
    public SuggestedRemedy {
        Objects.requireNonNull(summary, "summary");
        commands = List.copyOf(commands);
    }
}
