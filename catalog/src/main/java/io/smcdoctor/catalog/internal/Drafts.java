package io.smcdoctor.catalog.internal;

import io.smcdoctor.catalog.Cause;
import io.smcdoctor.catalog.LocalizedText;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.internal.YamlNode.Mark;
import java.util.List;

/**
 * What one knowledge file contributes, before files are merged and cross-references are checked. Each entry
 * keeps the position it was written at, for messages about duplicates and unknown references.
 */
final class Drafts {
    private Drafts() {
    }

    /** A value and where it was written. */
    record Located<T>(T value, Mark at) {
    }

    /**
     * A reason code entry. {@code code} holds the causes written inline; {@code causes} lists every slot in file
     * order, references ({@code ref: id}) to causes defined elsewhere included, resolved when files are linked.
     */
    record CodeEntry(ReasonCode code, Mark at, List<CauseSlot> causes) {
    }

    /** A cause of a reason code or symptom: written out, or a reference ({@code ref: id}) to a cause defined elsewhere. */
    sealed interface CauseSlot permits InlineCause, CauseRef {
    }

    /** A cause written inside its reason code or symptom. */
    record InlineCause(Cause cause, Mark at) implements CauseSlot {
    }

    /** A reference to a cause defined elsewhere in the catalog. */
    record CauseRef(String id, Mark at) implements CauseSlot {
    }

    /** A symptom entry with unresolved cause references. */
    record SymptomDraft(String id, Mark at, LocalizedText title, LocalizedText description, List<CauseSlot> causes,
                        List<Located<Integer>> relatedCodes, List<String> phrases, List<String> references) {
    }

    /** A socket option entry; its fallback codes are checked against the merged reason codes. */
    record OptionEntry(SocketOption option, Mark at, List<Located<Integer>> fallbackCodes,
                       List<Located<String>> names) {
        /** The override key: level and canonical name. */
        String key() {
            return option.level().name() + ":" + option.name();
        }
    }

    /** Everything one file holds. */
    record FileContent(List<CodeEntry> codes, List<SymptomDraft> symptoms, List<OptionEntry> options) {
    }
}
