package io.smcdoctor.evidence.facts;

import java.util.Objects;

/**
 * An error a tool printed instead of (or within) its output, e.g. {@code Error: SMC module not loaded}: evidence that
 * the tool, or what it needs, failed; the line is not also reported as garbage. See {@link ToolErrorKind} for the
 * texts of each kind, what they imply and what they hide.
 *
 * @param provenance where it was read
 * @param tool       the tool that printed it ({@code smcss}, {@code smcr}, {@code rdma}, {@code lsmod}, ...): the tool a
 *                   {@code tool:} prefix names, else the tool of the file
 * @param kind       why it failed
 * @param message    the error text without its prefix
 */
public record ToolError(Provenance provenance, String tool, ToolErrorKind kind, String message) implements Fact {
    public ToolError {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
