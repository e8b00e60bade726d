package io.smcdoctor.rules;

import io.smcdoctor.catalog.Symptom;
import io.smcdoctor.evidence.facts.SymptomText;
import java.util.Objects;

/**
 * Fact: the user's symptom text contains one of a catalog symptom's phrases (case-insensitive). Computed in Java
 * before the rules run, so rules match on the symptom id.
 *
 * @param symptomId the catalog symptom id, e.g. {@code no-speedup}
 * @param symptom   the catalog symptom
 * @param phrase    the phrase that matched
 * @param text      the symptom text it matched in
 * @param phrases   how many different phrases of the symptom the text holds (at least 1): a report that says
 *                  "KASAN", "use-after-free" and "call trace" describes the symptom more surely than one word does
 */
public record SymptomMatch(String symptomId, Symptom symptom, String phrase, SymptomText text, int phrases) {
    public SymptomMatch {
        Objects.requireNonNull(symptomId, "symptomId");
        Objects.requireNonNull(symptom, "symptom");
        Objects.requireNonNull(phrase, "phrase");
        Objects.requireNonNull(text, "text");
        if (phrases < 1) {
            throw new IllegalArgumentException("phrases must be >= 1, was " + phrases);
        }
    }

    /** A match of one phrase. */
    public SymptomMatch(String symptomId, Symptom symptom, String phrase, SymptomText text) {
        this(symptomId, symptom, phrase, text, 1);
    }
}
