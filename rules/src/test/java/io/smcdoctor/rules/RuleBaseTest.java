package io.smcdoctor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RuleBaseTest {
    private static final Pattern RULE = Pattern.compile("(?m)^rule \"");

    @Test
    void bundled_isOneSharedRuleBaseWithEveryRule() {
        RuleBase shared = RuleBase.bundled();
        assertThat(RuleBase.bundled()).isSameAs(shared);
        assertThat(shared.ruleCount()).isEqualTo(RuleBase.load().ruleCount()).isPositive();
    }

    @Test
    void load_precompiledModel_hasEveryRuleOfTheDrlSources() throws IOException {
        int declared = 0;
        try (Stream<Path> drl = Files.walk(Path.of("src/main/resources"))) {
            for (Path p : drl.filter(f -> f.toString().endsWith(".drl")).toList()) {
                Matcher m = RULE.matcher(Files.readString(p));
                while (m.find()) {
                    declared++;
                }
            }
        }

        RuleBase rules = RuleBase.load();

        assertThat(declared).isGreaterThanOrEqualTo(58);
        assertThat(rules.ruleCount()).isEqualTo(declared);
    }
}
