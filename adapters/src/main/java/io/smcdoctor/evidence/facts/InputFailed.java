package io.smcdoctor.evidence.facts;

import java.util.Objects;

/**
 * An input that holds no data because its tool failed: the listing is unavailable, not empty. Emitted for an input
 * (a bundle file, or a part of a paste) that holds a {@link ToolError} and no other fact, e.g. an {@code smcss.txt}
 * holding {@code RTNETLINK answers: ...} and a header: the socket list is unknown, so "0 sockets" must not be concluded
 * from it ({@link SocketSummary#unavailable()} says the same for the sockets).
 *
 * @param provenance the first tool error of the input
 * @param kind       the kind of input that failed
 * @param source     the input's name (a bundle file, or a paste's part)
 * @param reason     the first error's kind
 * @param tool       the tool that failed
 * @param message    the first error's text
 */
public record InputFailed(Provenance provenance, SourceKind kind, String source, ToolErrorKind reason, String tool,
                          String message) implements Fact {
    public InputFailed {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(message, "message");
    }
}
