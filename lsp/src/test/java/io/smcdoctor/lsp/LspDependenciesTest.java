package io.smcdoctor.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The language server needs the catalog, the socket-option advisor and the scanner, nothing heavy: the rule engine,
 * the search index and the cache are not on this module's class path (the other tests of this module show the
 * server works without them).
 */
class LspDependenciesTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "org/kie/api/KieServices.class",
        "org/drools/model/Model.class",
        "org/apache/lucene/index/IndexWriter.class",
        "com/github/benmanes/caffeine/cache/Caffeine.class",
        "io/smcdoctor/evidence/Evidence.class"})
    void notOnTheClassPath(String resource) {
        assertThat(LspDependenciesTest.class.getClassLoader().getResource(resource)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "io/smcdoctor/SockoptAdvisor.class",
        "io/smcdoctor/lint/SourceScanner.class",
        "org/eclipse/lsp4j/launch/LSPLauncher.class"})
    void onTheClassPath(String resource) {
        assertThat(LspDependenciesTest.class.getClassLoader().getResource(resource)).isNotNull();
    }
}
