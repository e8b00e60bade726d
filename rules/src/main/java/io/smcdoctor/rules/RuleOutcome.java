package io.smcdoctor.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one rule execution concluded, unranked. The inputs the rules needed and did not get follow from the findings
 * and {@link RuleBase#declaredInputs()}.
 *
 * @param findings every finding, in firing order (the same cause may appear several times); findings whose cause
 *                 the evidence contradicts (catalog preconditions) are already left out
 * @param ruledOut causes a rule concluded but the evidence contradicts, each with the reason (English, one phrase)
 */
public record RuleOutcome(List<Finding> findings, Map<String, String> ruledOut) {
    public RuleOutcome {
        findings = List.copyOf(findings);
        ruledOut = Collections.unmodifiableMap(new LinkedHashMap<>(ruledOut));
    }

    /** An outcome with nothing ruled out. */
    public RuleOutcome(List<Finding> findings) {
        this(findings, Map.of());
    }
}
