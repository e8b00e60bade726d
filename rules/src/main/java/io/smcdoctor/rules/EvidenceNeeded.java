package io.smcdoctor.rules;

import io.smcdoctor.evidence.SourceKind;
import java.util.Objects;

/**
 * A rule could conclude more if this input were present: the report lists it with the command that produces it.
 *
 * @param kind    the missing input ({@link SourceKind#fileName()}, {@link SourceKind#command()})
 * @param why     what it would tell (English, one sentence)
 * @param causeId the cause it would confirm or rule out, {@code ""} when general
 */
public record EvidenceNeeded(SourceKind kind, String why, String causeId) {
    public EvidenceNeeded {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(causeId, "causeId");
    }
}
