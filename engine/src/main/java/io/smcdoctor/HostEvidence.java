package io.smcdoctor;

import io.smcdoctor.evidence.Evidence;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One host's evidence in a diagnosis of several hosts ({@link Diagnoser#diagnose(java.util.List)}): the evidence and
 * a label for the host. The report names the host by the name its bundle gives ({@code manifest.json}'s host, else
 * the node name of {@code uname -a}), else by the label.
 *
 * @param label    what the caller calls this host, e.g. {@code client}; letters, digits, {@code . _ -}, at most 63
 *                 characters
 * @param evidence the host's evidence
 */
public record HostEvidence(String label, Evidence evidence) {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    public HostEvidence {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(evidence, "evidence");
        if (!LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException("a host label is 1 to 63 letters, digits, '.', '_' or '-' starting with"
                    + " a letter or digit, was '" + label + "'");
        }
    }

    /** A host's evidence with a label. */
    public static HostEvidence of(String label, Evidence evidence) {
        return new HostEvidence(label, evidence);
    }
}
