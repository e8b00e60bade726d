package io.smcdoctor.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one rule execution concluded, unranked.
 *
 * @param findings every finding, in firing order (the same cause may appear several times); findings whose cause
 *                 the evidence contradicts (catalog preconditions) are already left out
 * @param needed   inputs that would let rules decide more
 * @param ruledOut causes a rule concluded but the evidence contradicts, each with the reason (English, one phrase)
 */
public record RuleOutcome(List<Finding> findings, List<EvidenceNeeded> needed, Map<String, String> ruledOut) {
    public RuleOutcome {
        findings = List.copyOf(findings);
        needed = List.copyOf(needed);
        ruledOut = Collections.unmodifiableMap(new LinkedHashMap<>(ruledOut));
    }

    /** An outcome with nothing ruled out. */
    public RuleOutcome(List<Finding> findings, List<EvidenceNeeded> needed) {
        this(findings, needed, Map.of());
    }
}
