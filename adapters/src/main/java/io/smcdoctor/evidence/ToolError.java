package io.smcdoctor.evidence;

import java.util.Objects;

/**
 * An error a tool printed instead of its listing, e.g. {@code Error: SMC module not loaded}.
 */
public record ToolError(Provenance provenance, String tool, ToolErrorKind kind, String message) implements Fact {
    public ToolError {
        Objects.requireNonNull(provenance, "provenance");
    }
}
