/**
 * Evidence adapters: host evidence (files, archives, text an embedder holds, a live host) parsed into immutable facts.
 *
 * <p>Embedding API: {@code io.smcdoctor.evidence} (Evidence, EvidenceBundle and the input around them). SPI for rule
 * packs: {@code io.smcdoctor.evidence.facts} (the fact records DRL rules match). The parsers and the bundle reader
 * ({@code io.smcdoctor.evidence.internal}) and the live collector ({@code io.smcdoctor.adapters.host}) are exported
 * only to the project's modules that use them.
 */
module io.smcdoctor.adapters {
    requires transitive io.smcdoctor.catalog;
    requires com.fasterxml.jackson.databind;
    requires com.sun.jna;
    requires org.apache.commons.compress;
    requires static org.jspecify;

    exports io.smcdoctor.evidence;
    exports io.smcdoctor.evidence.facts;
    exports io.smcdoctor.evidence.internal to io.smcdoctor.rules, io.smcdoctor.engine, io.smcdoctor.cli;
    exports io.smcdoctor.adapters.host to io.smcdoctor.cli;
}
