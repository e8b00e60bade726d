package io.smcdoctor.rules;

import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.facts.SourceKind;
import java.util.Objects;

/**
 * Fact: an input of this kind was given (even if empty: an empty {@code smcr-ueid.txt} means "no UEID").
 *
 * @param kind   the input kind
 * @param source the name of the (first) input of that kind, e.g. {@code smcr-ueid.txt}
 */
public record InputPresent(SourceKind kind, String source) {
    public InputPresent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
    }

    /** A citation of the whole input, with a note saying what its content shows (e.g. that it is empty). */
    public Provenance cite(String note) {
        return new Provenance(source, 0, note);
    }
}
