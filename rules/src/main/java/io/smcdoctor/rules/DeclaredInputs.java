package io.smcdoctor.rules;

import io.smcdoctor.evidence.facts.SourceKind;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The inputs a rule declares it needs ({@code @needs("SMCR_DEVICE IBV_DEVINFO")} after its name in the DRL): without
 * them it cannot decide. The engine lists a missing one when the rule fired or when one of the causes it concludes
 * is among the diagnoses, so "missing evidence" follows from what the rules needed and did not get.
 *
 * @param rule   the rule's name
 * @param causes the causes it concludes: the cause id its name starts with ({@code "<cause-id>: ..."}) and any named
 *               by {@code @concludes("...")}
 * @param needs  the inputs it needs, in declaration order
 */
public record DeclaredInputs(String rule, Set<String> causes, List<SourceKind> needs) {
    public DeclaredInputs {
        Objects.requireNonNull(rule, "rule");
        causes = Set.copyOf(causes);
        needs = List.copyOf(needs);
    }
}
