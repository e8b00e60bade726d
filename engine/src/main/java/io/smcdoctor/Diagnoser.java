package io.smcdoctor;

import io.smcdoctor.evidence.Evidence;

/**
 * Turns evidence into ranked, explained diagnoses. Immutable and thread-safe: build once, share freely.
 * (Placeholder: the implementation lands with the rules.)
 */
public final class Diagnoser {
    private Diagnoser() {
    }

    /** A Diagnoser with the bundled catalog and rules. */
    public static Diagnoser create() {
        return new Diagnoser();
    }

    /** Diagnoses the evidence. */
    public DiagnosisReport diagnose(Evidence evidence) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
