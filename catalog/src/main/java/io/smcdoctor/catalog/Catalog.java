package io.smcdoctor.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The SMC knowledge: reason codes, symptoms and socket options, and the facts around them (smc-tools commands,
 * sysctls, kernel features, known kernel bugs, applications; see {@link KnowledgeFact}). Immutable and thread-safe.
 *
 * <p>Obtain it with {@link #bundled()} (loaded once from the YAML inside the jar) or {@link #load(Path...)}
 * (the bundled catalog plus overlays that add or override entries). Lookups never return {@code null}.
 */
public interface Catalog {

    /** The catalog shipped in the jar; loaded on first use, then shared. */
    static Catalog bundled() {
        return io.smcdoctor.catalog.internal.CatalogLoader.bundled();
    }

    /**
     * The bundled catalog with the given YAML overlay files applied in order (later files override earlier
     * entries with the same code, id or option name; facts are replaced by id).
     *
     * @throws KnowledgeValidationException listing every problem with {@code file:line:column}
     */
    static Catalog load(Path... overlays) {
        return io.smcdoctor.catalog.internal.CatalogLoader.load(List.of(overlays));
    }

    /**
     * A catalog of exactly these entries, without the bundled knowledge: for tests and tools that need a small
     * catalog in memory. Lookups, code parsing and suggestions behave as on the bundled catalog.
     *
     * @throws IllegalArgumentException naming the entry when a reason code, symptom id, cause id or socket option
     *                                  (level and name) occurs twice
     */
    static Catalog of(List<ReasonCode> reasonCodes, List<Symptom> symptoms, List<SocketOption> socketOptions) {
        return io.smcdoctor.catalog.internal.CatalogLoader.of(reasonCodes, symptoms, socketOptions);
    }

    /** All reason codes, ordered by code. */
    List<ReasonCode> reasonCodes();

    /** All symptoms, in file order. */
    List<Symptom> symptoms();

    /** All socket options, SOL_SOCKET first, each level by value. */
    List<SocketOption> socketOptions();

    /** The reason code with this value. */
    Optional<ReasonCode> reasonCode(int code);

    /**
     * Every reason code named in text users paste: {@code 0x03030000}, {@code 3030000}, {@code 0X0303000C},
     * {@code 0x05000000/0x03030000} (both, in order), {@code TCP 0x03010000}, a constant name
     * ({@code SMC_CLC_DECL_NOSMCDEV}, {@code NOSMCDEV}) or a stats name ({@code PEER_NO_SMC}).
     * Codes not in the catalog are left out; see {@link #parseCodes(String)} for the raw values.
     */
    List<ReasonCode> reasonCodes(String userText);

    /** The raw 32-bit values in user text, in order, whether or not the catalog knows them. */
    List<Integer> parseCodes(String userText);

    /** A socket option by name or alias, case-insensitive, with or without a level prefix ({@code SOL_TCP:TCP_NODELAY}). */
    Optional<SocketOption> socketOption(String name);

    /** A socket option by level and name or alias. */
    Optional<SocketOption> socketOption(SockoptLevel level, String name);

    /** A socket option by level and numeric value. */
    Optional<SocketOption> socketOption(SockoptLevel level, int value);

    /** A symptom by id. */
    Optional<Symptom> symptom(String id);

    /** A cause (of a reason code or a symptom) by its catalog-wide id. */
    Optional<Cause> cause(String id);

    /** Closest known names/codes to a misspelt input, best first, at most {@code limit}; for "did you mean". */
    List<String> suggestions(String input, int limit);

    /** All smc-tools commands, in file order. Empty for a catalog without facts. */
    default List<Tool> tools() {
        return List.of();
    }

    /** All sysctls, in file order (mainline, Alibaba, related). */
    default List<Sysctl> sysctls() {
        return List.of();
    }

    /** All kernel features, in file order. */
    default List<KernelFeature> kernelFeatures() {
        return List.of();
    }

    /** All known (fixed) bugs, in file order. */
    default List<KnownBug> knownBugs() {
        return List.of();
    }

    /** All applications, in file order. */
    default List<Application> applications() {
        return List.of();
    }

    /**
     * A fact by its id or by the name users type, case-insensitive: an id ({@code tool:smcss},
     * {@code bug:listen-loop}, {@code feature:loopback-ism}), an id without its prefix ({@code loopback-ism}), a
     * command ({@code smcss}, {@code smcr stats}, {@code smcr -d stats}, {@code smc_run}), a sysctl
     * ({@code net.smc.limit_smc_hs}, {@code limit_smc_hs}, {@code /proc/sys/net/smc/limit_smc_hs}), a feature's alias
     * ({@code IPPROTO_SMC}), a CVE id or an application's name ({@code nginx}).
     */
    default Optional<KnowledgeFact> fact(String idOrName) {
        return Optional.empty();
    }
}
