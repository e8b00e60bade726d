package io.smcdoctor.evidence.facts;

import java.util.Map;
import java.util.Objects;

/**
 * A recognised kernel log line.
 *
 * @param provenance where it was read
 * @param kind       what it means
 * @param fields     named values from the line (see {@link KernelEventKind} for each kind's fields)
 * @param timestamp  the timestamp as printed ({@code 812.402117}, {@code Thu Nov 26 16:10:08 2026},
 *                   {@code Nov 26 16:10:08}), {@code ""} when none
 */
public record KernelEvent(Provenance provenance, KernelEventKind kind, Map<String, String> fields, String timestamp)
        implements Fact {
    public KernelEvent {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(timestamp, "timestamp");
        fields = Map.copyOf(fields);
    }

    /** A field's value, {@code ""} when the line had none. */
    public String field(String name) {
        return fields.getOrDefault(name, "");
    }
}
