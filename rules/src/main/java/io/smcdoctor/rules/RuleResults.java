package io.smcdoctor.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The global the rules report into (one per execution). Not thread-safe; confined to one rule session.
 */
public final class RuleResults {
    private final List<Finding> findings = new ArrayList<>();
    private final List<EvidenceNeeded> needed = new ArrayList<>();

    RuleResults() {
    }

    /** Called by the collecting rule for every finding in working memory. */
    public void add(Finding finding) {
        findings.add(finding);
    }

    /** Called by the collecting rule for every evidence request in working memory. */
    public void add(EvidenceNeeded request) {
        needed.add(request);
    }

    RuleOutcome outcome() {
        return new RuleOutcome(findings, needed);
    }
}
