package io.smcdoctor.rules;

import io.smcdoctor.evidence.SourceKind;
import java.util.Objects;

/**
 * Fact: no input of this kind was given, so rules that need it cannot decide.
 *
 * @param kind the input kind
 */
public record InputMissing(SourceKind kind) {
    public InputMissing {
        Objects.requireNonNull(kind, "kind");
    }
}
