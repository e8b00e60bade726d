package io.smcdoctor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuleBaseTest {
    @Test
    void load_precompiledModel_hasEveryRule() {
        RuleBase rules = RuleBase.load();

        // collect (2) + baseline (2) + nosmcdev (9) + peer (5) + options (5) + host (12) + performance (4) + missing (13)
        assertThat(rules.ruleCount()).isEqualTo(52);
    }
}
