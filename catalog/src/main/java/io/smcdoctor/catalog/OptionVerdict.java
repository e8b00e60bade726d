package io.smcdoctor.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a socket option does on AF_SMC sockets of one {@link TargetKernel}: one outcome when the kernel decides it,
 * else every outcome the kernel leaves possible, each with the kernels it holds for. Made by
 * {@link SocketOption#verdictFor(TargetKernel)}.
 *
 * @param kernel   the kernel asked for
 * @param outcomes the possible outcomes, in catalog order (the kernel ranges first, the seed FAQ's verdict last)
 */
public record OptionVerdict(TargetKernel kernel, List<Outcome> outcomes) {
    public OptionVerdict {
        Objects.requireNonNull(kernel, "kernel");
        outcomes = List.copyOf(outcomes);
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("a verdict needs at least one outcome");
        }
    }

    /**
     * One possible outcome.
     *
     * @param support       Y, M or N
     * @param errno         for N: the error setsockopt returns while the socket stays SMC; empty for a fallback
     * @param fallbackCodes for N without errno: the codes the connection falls back with
     * @param range         the catalog's kernel range this outcome comes from; empty for the seed FAQ's verdict
     * @param kernels       the kernels it holds for, in words
     */
    public record Outcome(Support support, Optional<String> errno, List<Integer> fallbackCodes,
                          Optional<KernelVerdict> range, LocalizedText kernels) {
        public Outcome {
            Objects.requireNonNull(support, "support");
            Objects.requireNonNull(errno, "errno");
            Objects.requireNonNull(range, "range");
            Objects.requireNonNull(kernels, "kernels");
            fallbackCodes = List.copyOf(fallbackCodes);
        }

        /** True for the seed FAQ's own verdict. */
        public boolean seed() {
            return range.isEmpty();
        }
    }

    /** True when the kernel decides the outcome. */
    public boolean definite() {
        return outcomes.size() == 1;
    }

    /** The strictest possible support (N before M before Y): what a linter reports when the kernel is unknown. */
    public Support strictest() {
        Support s = Support.Y;
        for (Outcome o : outcomes) {
            if (o.support() == Support.N || (o.support() == Support.M && s == Support.Y)) {
                s = o.support();
            }
        }
        return s;
    }

    /** The outcome with the strictest support (the first such one). */
    public Outcome strictestOutcome() {
        Support s = strictest();
        return outcomes.stream().filter(o -> o.support() == s).findFirst().orElseThrow();
    }

    /** True when the possible outcomes differ in their support letter. */
    public boolean lettersDiffer() {
        return outcomes.stream().map(Outcome::support).distinct().count() > 1;
    }

    static OptionVerdict of(SocketOption o, TargetKernel kernel) {
        List<Outcome> out = new ArrayList<>();
        boolean seedOnly = kernel.kind() == TargetKernel.Kind.SEED;
        boolean decided = false;
        if (!seedOnly) {
            boolean mainlineKnown = kernel.kind() == TargetKernel.Kind.MAINLINE && kernel.seriesKnown();
            for (KernelVerdict v : o.kernelVerdicts()) {
                KernelVerdict.Holds h = v.holdsFor(kernel);
                if (mainlineKnown && h == KernelVerdict.Holds.NO) {
                    continue;
                }
                out.add(new Outcome(v.support(), v.errno(), v.fallbackCodes(), Optional.of(v), v.kernels()));
                if (h == KernelVerdict.Holds.YES) {
                    decided = true;
                    break;
                }
            }
        }
        if (!decided) {
            LocalizedText kernels = seedOnly || o.kernelVerdicts().isEmpty()
                    ? new LocalizedText("seed FAQ (Alibaba Cloud Linux 3)", "シード FAQ (Alibaba Cloud Linux 3)")
                    : new LocalizedText("other kernels (as in the seed FAQ)", "その他のカーネル (シード FAQ のとおり)");
            out.add(new Outcome(o.support(), Optional.empty(), o.fallbackCodes(), Optional.empty(), kernels));
        }
        return new OptionVerdict(kernel, out);
    }
}
