/**
 * The knowledge catalog: reason codes, causes, symptoms, socket options and kernel notes in English and Japanese,
 * loaded from the YAML files in this jar (and validated rule-pack overlays).
 *
 * <p>{@code io.smcdoctor.catalog} is the catalog model the embedding API returns and rule packs refer to;
 * {@code io.smcdoctor.catalog.internal} (loader, YAML reader, interface strings, JSON output settings) is exported
 * only to the project's own modules that share it.
 */
module io.smcdoctor.catalog {
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;
    requires static org.jspecify;

    exports io.smcdoctor.catalog;
    exports io.smcdoctor.catalog.internal to io.smcdoctor.rules, io.smcdoctor.engine, io.smcdoctor.cli;
}
