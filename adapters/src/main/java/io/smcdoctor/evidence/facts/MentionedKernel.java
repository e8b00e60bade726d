package io.smcdoctor.evidence.facts;

import java.util.Objects;

/**
 * A kernel release named in the user's own words: a release string with a build suffix ({@code 5.10.134-16.al8},
 * {@code 6.8.0-rc1}, {@code 6.1.0-18-amd64}) anywhere, or a version after a word such as "kernel", "Linux" or "uname"
 * ({@code kernel 6.12}, {@code Linux v6.5}). Not the running kernel of the evidence ({@link KernelRelease} is): the
 * reporter may name the kernel a bug was fixed in, or another host.
 *
 * @param provenance the line of the text
 * @param release    the release as written, without a leading {@code v}
 * @param text       the words as written
 */
public record MentionedKernel(Provenance provenance, String release, String text) implements Fact {
    public MentionedKernel {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(text, "text");
    }
}
