package io.smcdoctor.cli.mcp;

import io.smcdoctor.catalog.Language;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The knowledge behind the MCP resources: every entry of a kind ({@link #KINDS}) by its key, as the JSON the CLI
 * prints for it ({@code explain}, {@code sockopt}). Implementations must be thread-safe and must not throw on unknown
 * keys (return empty instead).
 */
public interface SmcDoctorKnowledge {
    /**
     * The kinds, as they appear in resource URIs ({@code smc-doctor://reason-code/0x03030000}); the index of a kind is
     * the plural ({@code smc-doctor://reason-codes}).
     */
    List<String> KINDS = List.of("reason-code", "socket-option", "sysctl", "tool", "kernel-feature", "known-bug",
            "application");

    /** No knowledge: no resources are offered. */
    SmcDoctorKnowledge NONE = new SmcDoctorKnowledge() {
        @Override
        public List<Item> items(String kind, Language language) {
            return List.of();
        }

        @Override
        public Optional<String> json(String kind, String key, Language language) {
            return Optional.empty();
        }

        @Override
        public List<String> suggestions(String kind, String key) {
            return List.of();
        }
    };

    /** Every entry of a kind, in catalog order; empty for an unknown kind. */
    List<Item> items(String kind, Language language);

    /**
     * One entry as JSON ({@code smc-doctor/reason-code/v1}, {@code sockopt/v1}, {@code sysctl/v1}, {@code tool/v1},
     * {@code kernel-feature/v1}, {@code known-bug/v1}, {@code application/v1}), or empty when the key is unknown.
     */
    Optional<String> json(String kind, String key, Language language);

    /** Keys close to an unknown one, for "did you mean". */
    List<String> suggestions(String kind, String key);

    /**
     * An entry of an index.
     *
     * @param key   the entry's key in its URI: a reason code ({@code 0x03030000}), {@code SOL_TCP/TCP_FASTOPEN}, a
     *              sysctl's full name ({@code net.smc.wmem}) or a fact id without its prefix ({@code smcr-stats})
     * @param title one line in the requested language
     */
    record Item(String key, String title) {
        public Item {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(title, "title");
        }
    }
}
