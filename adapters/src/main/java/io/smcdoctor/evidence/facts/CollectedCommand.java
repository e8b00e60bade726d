package io.smcdoctor.evidence.facts;

import java.util.List;
import java.util.Objects;

/**
 * One command recorded in {@code manifest.json} by {@code collect}.
 */
public record CollectedCommand(Provenance provenance, String file, List<String> argv, int exitCode, long durationMillis, String status) implements Fact {
    public CollectedCommand {
        Objects.requireNonNull(provenance, "provenance");
        argv = List.copyOf(argv);
    }
}
