package io.smcdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Symptom;
import io.smcdoctor.rules.DeclaredInputs;
import io.smcdoctor.rules.RuleBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every id the rules name is in the bundled catalog: the causes they conclude or rule out (also ids chosen in a
 * ternary and ids of {@code @concludes}), the symptoms they match, and the causes their {@code @needs} declarations
 * belong to. Otherwise the report would only carry a warning where a diagnosis belongs, or missing evidence would
 * silently not be derived.
 */
class RuleCatalogConsistencyTest {
    private static final Path DRL = Path.of("../rules/src/main/resources/io/smcdoctor/rules");
    /** A quoted kebab-case id anywhere in a rule (rule names hold spaces and colons, so they never match). */
    private static final Pattern ID = Pattern.compile("\"([a-z0-9]+(?:-[a-z0-9]+)+)\"");
    private static final Pattern SYMPTOM_ID = Pattern.compile("symptomId\\s*==\\s*\"([a-z0-9-]+)\"");
    private static final Pattern CONCLUDES = Pattern.compile("@concludes\\(\"([^\"]*)\"\\)");
    private static final Catalog CATALOG = Catalog.bundled();

    private static String rules;

    @BeforeAll
    static void readRules() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(DRL)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                sb.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
            }
        }
        rules = sb.toString();
    }

    private static Set<String> all(Pattern p, String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everySymptomIdTheRulesMatch_isACatalogSymptom() {
        Set<String> symptoms = all(SYMPTOM_ID, rules);

        assertThat(symptoms).isNotEmpty().allSatisfy(id -> assertThat(CATALOG.symptom(id)).as(id).isPresent());
    }

    @Test
    void everyOtherIdTheRulesName_isACatalogCause_includingTernariesAndConcludes() {
        Set<String> ids = all(ID, rules);
        ids.removeAll(all(SYMPTOM_ID, rules));
        for (String concluded : all(CONCLUDES, rules)) {
            ids.addAll(Set.of(concluded.split("[\\s,]+")));
        }

        // ids chosen in a ternary (NOSMCDEV vs NOSMCRDEV) are seen too
        assertThat(ids).contains("nosmcrdev-rdma-netns-exclusive", "nosmcrdev-nic-without-erdma",
                "nosmcdev-rdma-netns-exclusive");
        assertThat(ids).allSatisfy(id -> assertThat(CATALOG.cause(id)).as(id).isPresent());
    }

    @Test
    void everyRuleThatDeclaresInputs_belongsToCatalogCauses_orIsABaselineRule() {
        for (DeclaredInputs d : RuleBase.load().declaredInputs()) {
            assertThat(d.needs()).as(d.rule()).isNotEmpty();
            if (d.rule().startsWith("baseline: ")) {
                continue;
            }
            assertThat(d.causes()).as("causes of rule %s", d.rule()).isNotEmpty()
                    .allSatisfy(id -> assertThat(CATALOG.cause(id)).as("%s of rule %s", id, d.rule()).isPresent());
        }
    }

    @Test
    void everySymptomTheRulesMatch_hasCausesTheRulesCanConclude() {
        Set<String> causeIds = all(ID, rules);
        for (String id : all(SYMPTOM_ID, rules)) {
            Symptom s = CATALOG.symptom(id).orElseThrow();
            assertThat(s.causes().stream().map(c -> c.id()).collect(Collectors.toSet()))
                    .as("causes of symptom %s", id).containsAnyElementsOf(causeIds);
        }
    }
}
