package io.smcdoctor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.facts.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

        assertThat(declared).isPositive();
        assertThat(rules.ruleCount()).isEqualTo(declared);
    }

    @Test
    void declaredInputs_comeFromNeedsAndConcludes_withTheCauseOfTheRuleName() {
        List<DeclaredInputs> declared = RuleBase.load().declaredInputs();

        assertThat(declared).filteredOn(d -> d.rule().equals(
                        "nosmcdev-rdma-netns-exclusive: exclusive mode, devices of this namespace unknown"))
                .singleElement().satisfies(d -> {
                    assertThat(d.needs()).containsExactly(SourceKind.RDMA_SYSTEM, SourceKind.RDMA_LINK);
                    assertThat(d.causes()).containsExactlyInAnyOrder("nosmcdev-rdma-netns-exclusive",
                            "nosmcrdev-rdma-netns-exclusive");
                });
        assertThat(declared).filteredOn(d -> d.rule().startsWith("nosmcdev-nic-without-erdma: "))
                .hasSize(2).allSatisfy(d -> assertThat(d.needs()).contains(SourceKind.IP_ADDR))
                .anySatisfy(d -> assertThat(d.needs()).contains(SourceKind.IBV_DEVINFO))
                .anySatisfy(d -> assertThat(d.needs()).contains(SourceKind.RDMA_LINK));
        assertThat(declared).extracting(DeclaredInputs::rule).doesNotHaveDuplicates()
                .noneMatch(r -> r.startsWith("smc-working: "));
    }
}
