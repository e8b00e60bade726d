/**
 * The diagnosis engine and the embedding API: {@code io.smcdoctor} (Diagnoser, the reports, KnowledgeBase,
 * SockoptAdvisor) and {@code io.smcdoctor.lint} (the socket-option source scanner). Report assembly, the two-host
 * join and the knowledge index ({@code io.smcdoctor.engine.internal}, {@code io.smcdoctor.engine.internal.pair},
 * {@code io.smcdoctor.knowledge.internal}) are not exported; {@code io.smcdoctor.engine.internal.project} (the entry
 * points over a catalog instance the project's own modules share) is exported only to them.
 *
 * <p>The evidence adapters, the rule engine, Lucene and Caffeine are {@code requires static}: the socket-option
 * advisor and the source scanner need only the catalog, and the language server ({@code io.smcdoctor.lsp}) embeds
 * this jar without the others (its LspDependenciesTest checks that they are absent). An embedder that diagnoses on
 * the module path puts them in its module graph with {@code requires io.smcdoctor.rules} (which requires the
 * adapters transitively), and Lucene and Caffeine for KnowledgeBase questions. Splitting the advisor and the scanner into a
 * module of their own would make these plain {@code requires}.
 */
module io.smcdoctor.engine {
    requires static io.smcdoctor.adapters;
    requires transitive io.smcdoctor.catalog;
    requires static io.smcdoctor.rules;
    requires static org.apache.lucene.core;
    requires static org.apache.lucene.analysis.common;
    requires static org.apache.lucene.analysis.kuromoji;
    requires static com.github.benmanes.caffeine;
    requires com.fasterxml.jackson.databind;
    requires static org.jspecify;

    exports io.smcdoctor;
    exports io.smcdoctor.lint;
    exports io.smcdoctor.engine.internal.project to io.smcdoctor.lsp, io.smcdoctor.cli, io.smcdoctor.fleet;
}
