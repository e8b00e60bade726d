package io.smcdoctor.rules;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Collects what one rule execution concludes, as the rules insert it: every {@link Finding}, stamped with the name of
 * the rule whose consequence inserted it (so no rule has to name itself). Not thread-safe; one per execution.
 */
final class RuleResults implements RuleRuntimeEventListener {
    private final List<Finding> findings = new ArrayList<>();

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        Object fact = event.getObject();
        if (fact instanceof Finding f) {
            findings.add(event.getRule() == null ? f : f.withRule(event.getRule().getName()));
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // findings are immutable and never updated
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // no rule retracts a finding
    }

    RuleOutcome outcome() {
        return new RuleOutcome(findings);
    }
}
