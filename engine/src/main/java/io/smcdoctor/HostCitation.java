package io.smcdoctor;

import io.smcdoctor.evidence.facts.Provenance;
import java.util.Objects;

/**
 * An evidence line of one host in a report of several hosts, cited as {@code host:file:line}.
 *
 * @param host the host's name in the report
 * @param line the file, line and text
 */
public record HostCitation(String host, Provenance line) {
    public HostCitation {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(line, "line");
    }

    /** {@code host:file:line} ({@code host:file} for a whole file). */
    @Override
    public String toString() {
        return host + ":" + line.source() + (line.line() > 0 ? ":" + line.line() : "");
    }
}
