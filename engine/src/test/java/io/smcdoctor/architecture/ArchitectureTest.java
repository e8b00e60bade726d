package io.smcdoctor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * House rules of the project's style guide, checked on the library's main classes (catalog, adapters, rules, engine):
 * the data flow goes one way, public API and SPI signatures (the rules package included) never expose third-party
 * types, and library code never writes to System.out/err. The module boundaries are in {@link ModuleBoundariesTest}.
 */
class ArchitectureTest {
    private static JavaClasses library;

    @BeforeAll
    static void importClasses() {
        library = ModuleBoundariesTest.importLibrary();
    }

    @Test
    void dataFlowsOneWay_catalogAdaptersRulesEngine() {
        ArchRule catalogIsTheBottom = noClasses().that().resideInAPackage("io.smcdoctor.catalog..")
                .should().dependOnClassesThat().resideInAnyPackage("io.smcdoctor.evidence..", "io.smcdoctor.adapters..",
                        "io.smcdoctor.rules..", "io.smcdoctor.engine..", "io.smcdoctor.knowledge..", "io.smcdoctor.lint..");
        ArchRule evidenceKnowsNoRules = noClasses().that().resideInAnyPackage("io.smcdoctor.evidence..",
                        "io.smcdoctor.adapters..")
                .should().dependOnClassesThat().resideInAnyPackage("io.smcdoctor.rules..", "io.smcdoctor.engine..",
                        "io.smcdoctor.knowledge..", "io.smcdoctor.lint..");
        ArchRule rulesKnowNoEngine = noClasses().that().resideInAPackage("io.smcdoctor.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("io.smcdoctor", "io.smcdoctor.engine..",
                        "io.smcdoctor.knowledge..", "io.smcdoctor.lint..", "io.smcdoctor.adapters.host..");
        catalogIsTheBottom.check(library);
        evidenceKnowsNoRules.check(library);
        rulesKnowNoEngine.check(library);
    }

    @Test
    void publicApi_exposesNoThirdPartyTypes() {
        ArchRule rule = methods().that().arePublic()
                .and().areDeclaredInClassesThat().resideInAnyPackage("io.smcdoctor", "io.smcdoctor.catalog",
                        "io.smcdoctor.evidence", "io.smcdoctor.evidence.facts", "io.smcdoctor.rules",
                        "io.smcdoctor.lint", "io.smcdoctor.adapters.host")
                .and().areDeclaredInClassesThat().arePublic()
                .and().doNotHaveModifier(JavaModifier.SYNTHETIC)
                .should().notHaveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "a third-party type", t -> isThirdParty(t.getName())))
                .andShould().notHaveRawParameterTypes(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "a third-party type", (java.util.List<com.tngtech.archunit.core.domain.JavaClass> ps) ->
                                ps.stream().anyMatch(p -> isThirdParty(p.getName()))));
        rule.check(library);
    }

    @Test
    void libraryCode_neverWritesToStandardStreams() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(library);
    }

    private static boolean isThirdParty(String name) {
        return name.startsWith("org.kie.") || name.startsWith("org.drools.") || name.startsWith("com.sun.jna.")
                || name.startsWith("com.fasterxml.jackson.") || name.startsWith("org.apache.lucene.")
                || name.startsWith("org.apache.commons.compress.") || name.startsWith("com.github.benmanes.");
    }
}
