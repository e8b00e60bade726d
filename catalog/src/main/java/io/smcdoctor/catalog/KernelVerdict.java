package io.smcdoctor.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a socket option behaves on AF_SMC sockets of a range of mainline kernels where that differs from the seed
 * FAQ's verdict ({@link SocketOption#support()}, written for Alibaba Cloud Linux 3), as data: the support letter on
 * those kernels, the range, and what the call does there.
 *
 * <p>The range holds for a mainline kernel when its series is at least {@code since} (or, for a stable series
 * listed in {@code stable}, its patch level is at least the backport's), and its series is before {@code before}.
 * A bound that is absent does not constrain. Example: {@code since 6.13, stable [6.12.9, 6.1.124]} holds for 6.13,
 * 6.14, 6.12.9 and 6.1.200, not for 6.12.8 or 6.6.1 unless 6.6 is listed too.
 *
 * @param support       Y, M or N on these kernels
 * @param since         first mainline release ({@code major.minor}) with this behaviour
 * @param before        first mainline release without it
 * @param stable        stable releases ({@code major.minor.patch}) of older series that carry the change
 * @param errno         for N: the error {@code setsockopt} returns while the socket stays SMC ({@code EOPNOTSUPP})
 * @param fallbackCodes for N without errno: the reason codes the connection falls back with
 * @param commit        the mainline commit that brought (or, for a {@code before} range, ended) the behaviour
 * @param note          what happens on these kernels and why
 */
public record KernelVerdict(Support support, Optional<String> since, Optional<String> before, List<String> stable,
                            Optional<String> errno, List<Integer> fallbackCodes, Optional<String> commit,
                            LocalizedText note) {
    public KernelVerdict {
        Objects.requireNonNull(support, "support");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(errno, "errno");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(note, "note");
        stable = List.copyOf(stable);
        fallbackCodes = List.copyOf(fallbackCodes);
    }

    /** Whether a range holds for a kernel: yes, no, or not decidable from what is known of the kernel. */
    public enum Holds {
        YES, NO, UNKNOWN
    }

    /**
     * Whether this range holds for a mainline kernel. {@link Holds#UNKNOWN} when the kernel's series or, where a
     * stable backport decides, its patch level is unknown, or it is a release candidate of a bounding series.
     * Kernels of other kinds ({@link TargetKernel.Kind#SEED}, {@link TargetKernel.Kind#VENDOR},
     * {@link TargetKernel.Kind#ANY}) are not decided by mainline numbers: {@link Holds#UNKNOWN}.
     */
    public Holds holdsFor(TargetKernel kernel) {
        Objects.requireNonNull(kernel, "kernel");
        if (kernel.kind() != TargetKernel.Kind.MAINLINE || !kernel.seriesKnown()) {
            return Holds.UNKNOWN;
        }
        Holds lower = Holds.YES;
        if (since.isPresent() || !stable.isEmpty()) {
            lower = Holds.NO;
            if (since.isPresent() && kernel.compareSeries(since.get()) >= 0) {
                lower = kernel.compareSeries(since.get()) == 0 && kernel.preRelease() ? Holds.UNKNOWN : Holds.YES;
            } else {
                for (String s : stable) {
                    int cut = s.lastIndexOf('.');
                    if (kernel.compareSeries(s.substring(0, cut)) == 0) {
                        int patch = Integer.parseInt(s.substring(cut + 1));
                        lower = kernel.patch() < 0 ? Holds.UNKNOWN
                                : kernel.patch() >= patch ? Holds.YES : Holds.NO;
                    }
                }
            }
        }
        Holds upper = Holds.YES;
        if (before.isPresent()) {
            int c = kernel.compareSeries(before.get());
            upper = c < 0 ? Holds.YES : c == 0 && kernel.preRelease() ? Holds.UNKNOWN : Holds.NO;
        }
        if (lower == Holds.NO || upper == Holds.NO) {
            return Holds.NO;
        }
        return lower == Holds.YES && upper == Holds.YES ? Holds.YES : Holds.UNKNOWN;
    }

    /**
     * The kernels of the range in words: {@code mainline 6.13+, 6.12.9+, 6.1.124+}, {@code mainline before 6.1},
     * {@code mainline 6.1 to 6.12}.
     */
    public LocalizedText kernels() {
        List<String> parts = new ArrayList<>();
        since.ifPresent(s -> parts.add(s + "+"));
        stable.forEach(s -> parts.add(s + "+"));
        String lower = String.join(", ", parts);
        if (before.isEmpty()) {
            return new LocalizedText("mainline " + lower, "メインライン " + lower);
        }
        if (lower.isEmpty()) {
            return new LocalizedText("mainline before " + before.get(), "メインライン " + before.get() + " より前");
        }
        return new LocalizedText("mainline " + lower + " before " + before.get(),
                "メインライン " + lower + " (" + before.get() + " より前)");
    }
}
