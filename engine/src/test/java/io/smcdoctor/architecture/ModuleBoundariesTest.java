package io.smcdoctor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of docs/api.md, checked on the main classes of catalog, adapters, rules and engine (the rules
 * package included; the executable model Drools generates into it is left out: its names change per build): the API
 * and SPI packages expose no internal type in a public signature, internal packages are used only by the modules
 * their module-info exports them to, and the components do not depend on each other in a cycle.
 */
class ModuleBoundariesTest {
    /** Exported to everyone: the embedding API and the rule-pack SPI. */
    private static final String[] PUBLISHED = {
        "io.smcdoctor", "io.smcdoctor.lint", "io.smcdoctor.evidence", "io.smcdoctor.catalog",
        "io.smcdoctor.evidence.facts", "io.smcdoctor.rules"};

    private static final Pattern GENERATED_RULE_MODEL =
            Pattern.compile(".*/io/smcdoctor/rules/((Rules|DomainClassesMetadata)[^/]*\\.class|P[^/]*/.*)");

    private static JavaClasses library;

    @BeforeAll
    static void importClasses() {
        library = importLibrary();
    }

    /** The library's main classes under io.smcdoctor, without the rule model Drools generates per build. */
    static JavaClasses importLibrary() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ModuleBoundariesTest::isNotGeneratedRuleModel)
                .importPackages("io.smcdoctor");
    }

    @Test
    void importsTheRulesPackage() {
        // the rules below would pass vacuously if the rules jar were not on this class path
        assertThat(library.containPackage("io.smcdoctor.rules")).isTrue();
        assertThat(library.contain("io.smcdoctor.rules.Finding")).isTrue();
    }

    @Test
    void publishedPackages_exposeNoInternalTypeInPublicSignatures() {
        ArchRule rule = ArchRuleDefinition.classes().that().resideInAnyPackage(PUBLISHED).and().arePublic()
                .should(exposeNoInternalType());
        rule.check(library);
    }

    @Test
    void internalPackages_areUsedOnlyWhereModuleInfoExportsThem() {
        // catalog: exports io.smcdoctor.catalog.internal to rules, engine, cli
        noClasses().that().resideOutsideOfPackages("io.smcdoctor.catalog..", "io.smcdoctor.rules",
                        "io.smcdoctor", "io.smcdoctor.engine..", "io.smcdoctor.knowledge..", "io.smcdoctor.lint")
                .should().dependOnClassesThat().resideInAPackage("io.smcdoctor.catalog.internal")
                .check(library);
        // adapters: exports io.smcdoctor.evidence.internal to rules, engine, cli; io.smcdoctor.adapters.host to cli
        noClasses().that().resideOutsideOfPackages("io.smcdoctor.evidence..", "io.smcdoctor.adapters..",
                        "io.smcdoctor.rules", "io.smcdoctor", "io.smcdoctor.engine..", "io.smcdoctor.knowledge..",
                        "io.smcdoctor.lint")
                .should().dependOnClassesThat().resideInAPackage("io.smcdoctor.evidence.internal")
                .check(library);
        noClasses().that().resideOutsideOfPackage("io.smcdoctor.adapters..")
                .should().dependOnClassesThat().resideInAPackage("io.smcdoctor.adapters.host..")
                .check(library);
        // engine: exports io.smcdoctor.engine.internal.project only to lsp, cli and fleet (none of them imported here)
        noClasses().that().resideOutsideOfPackages("io.smcdoctor", "io.smcdoctor.engine..",
                        "io.smcdoctor.knowledge..", "io.smcdoctor.lint")
                .should().dependOnClassesThat().resideInAnyPackage("io.smcdoctor.engine..", "io.smcdoctor.knowledge..")
                .check(library);
    }

    /**
     * No cycles between the components: each published package together with the internal package that implements it
     * (a facade and its implementation refer to each other by design), the live collector, the rules, the lint
     * scanner.
     */
    @Test
    void components_haveNoCycles() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String p = javaClass.getPackageName();
                if (p.startsWith("io.smcdoctor.catalog")) {
                    return SliceIdentifier.of("catalog");
                }
                if (p.startsWith("io.smcdoctor.evidence")) {
                    return SliceIdentifier.of("evidence");
                }
                if (p.startsWith("io.smcdoctor.adapters.host")) {
                    return SliceIdentifier.of("live collection");
                }
                if (p.equals("io.smcdoctor.rules")) {
                    return SliceIdentifier.of("rules");
                }
                if (p.equals("io.smcdoctor.lint")) {
                    return SliceIdentifier.of("lint");
                }
                if (p.equals("io.smcdoctor") || p.startsWith("io.smcdoctor.engine")
                        || p.startsWith("io.smcdoctor.knowledge")) {
                    return SliceIdentifier.of("engine");
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "components of the library";
            }
        }).should().beFreeOfCycles().check(library);
    }

    private static ArchCondition<JavaClass> exposeNoInternalType() {
        return new ArchCondition<>("expose no internal type in a public or protected signature") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                if (!enclosingClassesArePublic(c)) {
                    return;
                }
                List<String> leaks = new ArrayList<>();
                c.getRawSuperclass().filter(ModuleBoundariesTest::isInternal)
                        .ifPresent(t -> leaks.add("extends " + t.getName()));
                c.getRawInterfaces().stream().filter(ModuleBoundariesTest::isInternal)
                        .forEach(t -> leaks.add("implements " + t.getName()));
                for (JavaMember m : c.getMembers()) {
                    if (m.getModifiers().contains(JavaModifier.SYNTHETIC) || !(m.getModifiers()
                            .contains(JavaModifier.PUBLIC) || m.getModifiers().contains(JavaModifier.PROTECTED))) {
                        continue;
                    }
                    List<JavaClass> types = new ArrayList<>();
                    if (m instanceof JavaCodeUnit u) {
                        types.add(u.getRawReturnType());
                        types.addAll(u.getRawParameterTypes());
                    } else if (m instanceof JavaField f) {
                        types.add(f.getRawType());
                    }
                    types.stream().filter(ModuleBoundariesTest::isInternal)
                            .forEach(t -> leaks.add(m.getFullName() + " uses " + t.getName()));
                }
                for (String leak : leaks) {
                    events.add(SimpleConditionEvent.violated(c, leak));
                }
            }
        };
    }

    private static boolean enclosingClassesArePublic(JavaClass c) {
        for (JavaClass e = c; e.getEnclosingClass().isPresent(); ) {
            e = e.getEnclosingClass().get();
            if (!e.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isInternal(JavaClass t) {
        String p = t.getPackageName();
        return p.endsWith(".internal") || p.contains(".internal.") || p.startsWith("io.smcdoctor.adapters.host");
    }

    /**
     * False for the classes of the Drools executable model (Rules&lt;id&gt;, DomainClassesMetadata&lt;id&gt; and the
     * P&lt;xx&gt; packages in io.smcdoctor.rules): generated per build, they implement Drools' interfaces.
     */
    static boolean isNotGeneratedRuleModel(Location location) {
        return !location.matches(GENERATED_RULE_MODEL);
    }
}
