package io.smcdoctor;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.SockoptLevel;
import io.smcdoctor.catalog.TargetKernel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Says whether a socket option works on SMC sockets, what happens when it is set and what to do about it.
 *
 * <p>Backed by the socket-option table of the catalog (the seed FAQ's Y/M/N table and the kernel ranges where
 * mainline kernels differ). The advice is for the {@link #kernel() kernel} of the advisor ({@link #forKernel});
 * without one it names every possible verdict and reports the strictest. Immutable and
 * thread-safe: build once, share freely. Unknown options are an empty {@link Optional}, never an exception;
 * {@link #suggestions(String)} gives "did you mean" candidates for them.
 *
 * <pre>{@code
 * SockoptAdvisor advisor = SockoptAdvisor.bundled();
 * advisor.forKernel("6.12.9").check("SOL_TCP", "TCP_FASTOPEN")
 *        .ifPresent(a -> System.out.println(a.summary(Language.EN)));
 * }</pre>
 */
public final class SockoptAdvisor {
    /** Default number of suggestions for an unknown option. */
    public static final int DEFAULT_SUGGESTIONS = 3;

    private final Catalog catalog;
    private final TargetKernel kernel;

    private SockoptAdvisor(Catalog catalog, TargetKernel kernel) {
        this.catalog = catalog;
        this.kernel = kernel;
    }

    /**
     * The advisor over the bundled catalog.
     *
     * @throws io.smcdoctor.catalog.KnowledgeValidationException if the bundled catalog is invalid
     */
    public static SockoptAdvisor bundled() {
        return new SockoptAdvisor(Catalog.bundled(), TargetKernel.ANY);
    }

    /**
     * The advisor over the bundled catalog with the given YAML overlay files applied in order (a site's own notes
     * on socket options), as {@link Diagnoser.Builder#catalogOverlays} applies them.
     *
     * @throws io.smcdoctor.catalog.KnowledgeValidationException listing every problem of an overlay with
     *                                                           {@code file:line:column}
     */
    public static SockoptAdvisor withOverlays(Path... overlays) {
        return new SockoptAdvisor(Catalog.load(overlays), TargetKernel.ANY);
    }

    /** Over a catalog instance: for the project's own modules, through {@code engine.internal.project}. */
    private static SockoptAdvisor overCatalog(Catalog catalog) {
        return new SockoptAdvisor(Objects.requireNonNull(catalog, "catalog"), TargetKernel.ANY);
    }

    /**
     * This advisor for a kernel: its advice gives the verdict on that kernel ({@code 6.12.9}: SO_REUSEPORT is N)
     * instead of every possible one. The kernel is a release as {@code uname -r} prints it ({@code 6.12.9},
     * {@code 5.10.134-16.al8.x86_64}), a mainline series ({@code 6.12}, {@code upstream-6.12}), {@code mainline},
     * {@code seed} (the seed FAQ's Alibaba Cloud Linux 3 kernels), or {@code any} / {@code ""} for no kernel.
     *
     * @throws IllegalArgumentException when the text is none of these
     */
    public SockoptAdvisor forKernel(String kernelRelease) {
        Objects.requireNonNull(kernelRelease, "kernelRelease");
        TargetKernel target = TargetKernel.parse(kernelRelease).orElseThrow(() -> new IllegalArgumentException(
                "not a kernel release, series, 'mainline', 'seed' or 'any': '" + kernelRelease + "'"));
        return new SockoptAdvisor(catalog, target);
    }

    /** The kernel the advice is for, as given to {@link #forKernel(String)}; {@code ""} when none was given. */
    public String kernel() {
        return kernel.text();
    }

    /**
     * Advice for an option given by name or alias, case-insensitive, with or without a level prefix
     * ({@code TCP_FASTOPEN}, {@code SOL_TCP:TCP_NODELAY}, {@code so_keepalive}).
     *
     * @return empty when the catalog does not know the option (see {@link #suggestions(String)})
     */
    public Optional<SockoptAdvice> check(String name) {
        Objects.requireNonNull(name, "name");
        return catalog.socketOption(name.trim()).map(this::advice);
    }

    /**
     * Advice for an option at a level, by name or alias ({@code check("SOL_TCP", "TCP_FASTOPEN")}).
     *
     * @param level the level as the C constant: {@code SOL_SOCKET}, {@code SOL_TCP}, {@code SOL_IP},
     *              {@code SOL_IPV6} (case-insensitive)
     * @return empty when the catalog has no such option at that level, or does not know the level
     */
    public Optional<SockoptAdvice> check(String level, String name) {
        Objects.requireNonNull(name, "name");
        return level(level).flatMap(l -> catalog.socketOption(l, name.trim())).map(this::advice);
    }

    /**
     * Advice for an option at a level by its Linux numeric value ({@code check("SOL_TCP", 23)} is
     * {@code TCP_FASTOPEN}).
     *
     * @return empty when the catalog has no option with that value at that level, or does not know the level
     */
    public Optional<SockoptAdvice> check(String level, int value) {
        return level(level).flatMap(l -> catalog.socketOption(l, value)).map(this::advice);
    }

    private static Optional<SockoptLevel> level(String level) {
        Objects.requireNonNull(level, "level");
        String l = level.trim().toUpperCase(Locale.ROOT);
        for (SockoptLevel known : SockoptLevel.values()) {
            if (known.name().equals(l)) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }

    /**
     * Advice for the {@code MSG_FASTOPEN} flag of {@code send}/{@code sendto}/{@code sendmsg}: on an SMC socket
     * that has not connected yet it has the same effect as setting {@code TCP_FASTOPEN} (fallback with
     * {@code 0x03060000}), so the {@code TCP_FASTOPEN} row is returned.
     *
     * @return empty when the catalog has no {@code TCP_FASTOPEN} row
     */
    public Optional<SockoptAdvice> checkSendFlagFastOpen() {
        return check(SockoptLevel.SOL_TCP.name(), "TCP_FASTOPEN");
    }

    /**
     * Known option names closest to a misspelt or unknown one, best first, at most {@code limit}; empty when
     * nothing is close.
     */
    public List<String> suggestions(String name, int limit) {
        Objects.requireNonNull(name, "name");
        if (limit <= 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : catalog.suggestions(name.trim(), Math.max(limit * 4, 8))) {
            if (out.size() < limit && catalog.socketOption(s).isPresent() && !out.contains(s)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** {@link #suggestions(String, int)} with {@link #DEFAULT_SUGGESTIONS}. */
    public List<String> suggestions(String name) {
        return suggestions(name, DEFAULT_SUGGESTIONS);
    }

    private SockoptAdvice advice(SocketOption option) {
        List<ReasonCode> reasons = new ArrayList<>();
        List<Integer> codes = new ArrayList<>(option.fallbackCodes());
        option.kernelVerdicts().forEach(v -> codes.addAll(v.fallbackCodes()));
        for (int code : codes.stream().distinct().toList()) {
            catalog.reasonCode(code).ifPresent(reasons::add);
        }
        return new SockoptAdvice(option, reasons, kernel);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SockoptAdvisor[%d options, kernel %s]", catalog.socketOptions().size(),
                kernel.kind() == TargetKernel.Kind.ANY ? "any" : kernel.text());
    }
}
