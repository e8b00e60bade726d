package io.smcdoctor.rules;

import io.smcdoctor.catalog.Symptom;
import io.smcdoctor.evidence.SymptomText;
import java.util.Objects;

/**
 * Fact: the user's symptom text contains one of a catalog symptom's phrases (case-insensitive). Computed in Java
 * before the rules run, so rules match on the symptom id.
 *
 * @param symptomId the catalog symptom id, e.g. {@code no-speedup}
 * @param symptom   the catalog symptom
 * @param phrase    the phrase that matched
 * @param text      the symptom text it matched in
 */
public record SymptomMatch(String symptomId, Symptom symptom, String phrase, SymptomText text) {
    public SymptomMatch {
        Objects.requireNonNull(symptomId, "symptomId");
        Objects.requireNonNull(symptom, "symptom");
        Objects.requireNonNull(phrase, "phrase");
        Objects.requireNonNull(text, "text");
    }
}
