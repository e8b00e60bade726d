package io.smcdoctor.evidence.facts;

import java.util.Objects;

/**
 * An errno named in the user's own words: its symbolic name ({@code EADDRINUSE}) or the message {@code strerror()}
 * prints for it ({@code Address already in use}, {@code Connection timed out}, {@code Address family not supported by
 * protocol}); names and messages are those of Linux {@code include/uapi/asm-generic/errno-base.h}, {@code errno.h} and
 * glibc's messages. Rules weigh it below an errno observed by the socket probe.
 *
 * @param provenance the line of the text
 * @param name       the symbolic name, e.g. {@code ETIMEDOUT}
 * @param text       the words as written
 */
public record MentionedErrno(Provenance provenance, String name, String text) implements Fact {
    public MentionedErrno {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }
}
