package io.smcdoctor.evidence.facts;

import java.util.Objects;

/**
 * What the user observed, as free text (symptom.txt or {@code --symptom}).
 */
public record SymptomText(Provenance provenance, String text) implements Fact {
    public SymptomText {
        Objects.requireNonNull(provenance, "provenance");
    }
}
