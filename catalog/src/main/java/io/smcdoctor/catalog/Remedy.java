package io.smcdoctor.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A fix: one sentence saying what to do and the exact commands that do it (may be empty when the fix
 * is not a command, e.g. "use AF_INET instead of AF_INET6 in the application").
 */
public record Remedy(LocalizedText summary, List<String> commands) {
    public Remedy {
        Objects.requireNonNull(summary, "summary");
        commands = List.copyOf(commands);
    }
}
