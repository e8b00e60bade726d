package io.smcdoctor.rules;

import java.util.List;

/**
 * What one rule execution concluded, unranked.
 *
 * @param findings every finding, in firing order (the same cause may appear several times)
 * @param needed   inputs that would let rules decide more
 */
public record RuleOutcome(List<Finding> findings, List<EvidenceNeeded> needed) {
    public RuleOutcome {
        findings = List.copyOf(findings);
        needed = List.copyOf(needed);
    }
}
