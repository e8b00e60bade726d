package io.smcdoctor.cli.mcp;

import java.util.List;
import java.util.Objects;

/**
 * What a tool returns: on success the JSON document the CLI prints for the same request (schema
 * {@code smc-doctor/...}); on failure a message for the model (unknown code, bad input), with suggestions.
 *
 * @param json        the structured result (a JSON object) when {@code error} is false, else empty
 * @param error       true when the call failed
 * @param message     the failure message when {@code error} is true, else empty
 * @param suggestions "did you mean" candidates for a failed call
 */
public record ToolResult(String json, boolean error, String message, List<String> suggestions) {
    public ToolResult {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(message, "message");
        suggestions = List.copyOf(suggestions);
        if (error == message.isEmpty()) {
            throw new IllegalArgumentException("an error result needs a message and a success result none");
        }
        if (!error && json.isBlank()) {
            throw new IllegalArgumentException("a success result needs its JSON");
        }
    }

    /** A successful result carrying a JSON object. */
    public static ToolResult ok(String json) {
        return new ToolResult(json, false, "", List.of());
    }

    /** A failed call with a message for the model. */
    public static ToolResult error(String message) {
        return new ToolResult("", true, message, List.of());
    }

    /** A failed call with "did you mean" suggestions. */
    public static ToolResult error(String message, List<String> suggestions) {
        return new ToolResult("", true, message, suggestions);
    }
}
