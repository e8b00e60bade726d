package io.smcdoctor.lsp;

import io.smcdoctor.catalog.KernelNote;
import io.smcdoctor.catalog.LocalizedText;
import io.smcdoctor.catalog.OptionVerdict;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.Support;
import io.smcdoctor.catalog.TargetKernel;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the catalog says about one socket option, as the language server shows it.
 *
 * @param option        the catalog row
 * @param reasons       the catalog entries of the option's fallback codes
 * @param consequenceOn what setting it does on an SMC socket of a kernel, with the fallback codes and their titles
 *                      or the errno (every possible verdict, each with its kernels, when the kernel does not decide)
 */
record OptionEntry(SocketOption option, List<ReasonCode> reasons, Function<TargetKernel, LocalizedText> consequenceOn) {
    OptionEntry {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(consequenceOn, "consequenceOn");
        reasons = List.copyOf(reasons);
    }

    String name() {
        return option.name();
    }

    /** The seed FAQ's letter (Alibaba Cloud Linux 3). */
    Support seedSupport() {
        return option.support();
    }

    /** The letter on a kernel: the strictest possible one when the kernel does not decide. */
    Support support(TargetKernel kernel) {
        return option.verdictFor(kernel).strictest();
    }

    /** What the option does on a kernel. */
    OptionVerdict verdict(TargetKernel kernel) {
        return option.verdictFor(kernel);
    }

    LocalizedText consequence(TargetKernel kernel) {
        return consequenceOn.apply(kernel);
    }

    LocalizedText note() {
        return option.note();
    }

    List<KernelNote> kernelNotes() {
        return option.kernelNotes();
    }

    /**
     * True when a catalog kernel note is about the target: notes measured on an upstream series
     * ({@code "upstream 6.12 (measured)"}) for a mainline kernel of that series.
     */
    static boolean noteMatches(KernelNote note, TargetKernel kernel) {
        return kernel.kind() == TargetKernel.Kind.MAINLINE && kernel.seriesKnown()
                && note.kernels().toLowerCase(Locale.ROOT).startsWith("upstream " + kernel.major() + "."
                        + kernel.minor() + " ");
    }

    /** The fallback codes as lower-case hex ({@code 0x03060000}). */
    List<String> fallbackCodes() {
        return option.fallbackCodes().stream().map(ReasonCode::hex).toList();
    }
}
