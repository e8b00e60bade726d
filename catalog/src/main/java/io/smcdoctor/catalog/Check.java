package io.smcdoctor.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A way to confirm a cause: what to run and what to look for in the output.
 *
 * @param summary  what the check establishes
 * @param commands exact commands to run (never executed through a shell by SMC Doctor)
 * @param lookFor  what in the output confirms or rules out the cause
 */
public record Check(LocalizedText summary, List<String> commands, LocalizedText lookFor) {
    public Check {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(lookFor, "lookFor");
        commands = List.copyOf(commands);
    }
}
