package io.smcdoctor.catalog;

import java.util.List;
import java.util.Locale;

/**
 * A piece of SMC knowledge beyond reason codes, symptoms and socket options: an smc-tools command, a sysctl, a
 * kernel feature, a fixed kernel bug or an application under SMC. Every fact has a catalog-wide id with a kind
 * prefix ({@code tool:smcss}, {@code sysctl:net.smc.limit_smc_hs}, {@code feature:loopback-ism},
 * {@code bug:smc-cdc-tx-handler-uaf}, {@code app:nginx}), an English and Japanese title and text, the reason codes
 * and other facts it relates to, and its sources.
 *
 * <p>The kinds share this interface so that search, {@code explain} and MCP resources can treat them alike; each
 * record adds the fields of its kind.
 */
public sealed interface KnowledgeFact permits Tool, Sysctl, KernelFeature, KnownBug, Application {

    /** The catalog-wide id, {@code <prefix>:<name>}. */
    String id();

    /** One line. */
    LocalizedText title();

    /**
     * The main explanation: a tool's purpose, a sysctl's meaning, a feature's impact on users, a bug's description,
     * an application's summary.
     */
    LocalizedText summary();

    /** Reason codes the fact relates to. */
    List<Integer> relatedCodes();

    /** Ids of other facts it relates to, each resolved when the catalog is loaded. */
    List<String> relatedIds();

    /** Where the knowledge comes from. */
    List<String> references();

    /** What kind of fact this is. */
    Kind kind();

    /** The kinds of facts and their id prefixes. */
    enum Kind {
        /** An smc-tools command ({@code tool:}). */
        TOOL("tool"),
        /** A sysctl ({@code sysctl:}). */
        SYSCTL("sysctl"),
        /** A kernel feature with the release that added it ({@code feature:}). */
        FEATURE("feature"),
        /** A fixed kernel (or smc-tools) bug ({@code bug:}). */
        BUG("bug"),
        /** An application or workload under SMC ({@code app:}). */
        APPLICATION("app");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** The id prefix without the colon, e.g. {@code tool}. */
        public String prefix() {
            return prefix;
        }

        /** The kind in JSON and MCP resource URIs: {@code tool}, {@code sysctl}, {@code kernel-feature}, {@code known-bug}, {@code application}. */
        public String json() {
            switch (this) {
                case FEATURE: return "kernel-feature";
                case BUG: return "known-bug";
                case APPLICATION: return "application";
                default: return name().toLowerCase(Locale.ROOT);
            }
        }
    }
}
