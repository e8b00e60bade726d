package io.smcdoctor.rules;

import java.util.List;

/**
 * What one rule execution concluded, unranked. The inputs the rules needed and did not get follow from the findings
 * and {@link RuleBase#declaredInputs()}.
 *
 * @param findings every finding, in firing order (the same cause may appear several times)
 */
public record RuleOutcome(List<Finding> findings) {
    public RuleOutcome {
        findings = List.copyOf(findings);
    }
}
