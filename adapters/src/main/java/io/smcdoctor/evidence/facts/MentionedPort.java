package io.smcdoctor.evidence.facts;

import java.util.Objects;

/**
 * A TCP port named in the user's own words with a word saying it is one: {@code port 65510}, {@code bind ... :65510},
 * {@code listen on 8080}, {@code ports 65500-65515}.
 *
 * @param provenance the line of the text
 * @param port       the port (the first of a range)
 * @param lastPort   the last port of a range, {@code port} for a single one
 * @param context    the word that made it a port: {@code port}, {@code bind}, {@code listen}, {@code connect} or
 *                   {@code address} (an {@code address:port})
 * @param text       the words as written
 */
public record MentionedPort(Provenance provenance, int port, int lastPort, String context, String text) implements Fact {
    public MentionedPort {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(text, "text");
        if (port < 0 || port > 65535 || lastPort < port || lastPort > 65535) {
            throw new IllegalArgumentException("not a port or port range: " + port + "-" + lastPort);
        }
    }
}
