package io.smcdoctor;

import static io.smcdoctor.engine.internal.Texts.TEXTS;

import io.smcdoctor.catalog.KernelVerdict;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.LocalizedText;
import io.smcdoctor.catalog.OptionVerdict;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.TargetKernel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link SockoptAdvisor} says about one socket option on a kernel: support, consequence and advice. The
 * support is the verdict for the {@link #kernel() kernel} asked for; when that kernel does not decide it (no kernel
 * given, a vendor kernel, a stable series whose patch level is unknown), the strictest of the possible verdicts, and
 * the text names each with its kernels. Immutable; equal when option, kernel and catalog entries are.
 */
public final class SockoptAdvice {
    /** Whether an option works on an SMC socket: the seed FAQ's Y/M/N. */
    public enum Support {
        /** Works as on TCP. */
        Y,
        /** Accepted, but behaves differently on SMC (or only until the connection is SMC). */
        M,
        /** Not supported: the socket falls back to TCP, or the call fails. */
        N
    }

    private final SocketOption option;
    private final List<ReasonCode> fallbackReasons;
    private final TargetKernel kernel;

    /**
     * Advice on an option of the catalog.
     *
     * @param option          the catalog row
     * @param fallbackReasons the catalog entries of the fallback codes (of the option and its kernel ranges) the
     *                        catalog knows
     * @param kernel          the kernel the advice is for; {@link TargetKernel#ANY} when none was given
     */
    SockoptAdvice(SocketOption option, List<ReasonCode> fallbackReasons, TargetKernel kernel) {
        this.option = Objects.requireNonNull(option, "option");
        this.fallbackReasons = List.copyOf(fallbackReasons);
        this.kernel = Objects.requireNonNull(kernel, "kernel");
    }

    /** What the option does on the kernel: one outcome, or every outcome the kernel leaves possible. */
    private OptionVerdict verdict() {
        return option.verdictFor(kernel);
    }

    /** The seed FAQ's Y/M/N (Alibaba Cloud Linux 3), whatever the kernel. */
    public Support seedSupport() {
        return Support.valueOf(option.support().name());
    }

    /** Canonical option name, e.g. {@code TCP_FASTOPEN}. */
    public String name() {
        return option.name();
    }

    /** The option's level as the C constant, e.g. {@code SOL_TCP}. */
    public String level() {
        return option.level().name();
    }

    /** The option's Linux numeric value at its level ({@code TCP_FASTOPEN} is 23). */
    public int value() {
        return option.value();
    }

    /** Y, M or N on the kernel; the strictest possible one when the kernel does not decide. */
    public Support support() {
        return Support.valueOf(verdict().strictest().name());
    }

    /**
     * The kernel the advice is for, as given to {@link SockoptAdvisor#forKernel(String)} ({@code 6.12.9},
     * {@code seed}); {@code ""} when none was given.
     */
    public String kernel() {
        return kernel.text();
    }

    /** How the kernel is named in messages: {@code kernel 6.12.9}, {@code any kernel}. */
    public String kernelLabel(Language language) {
        return kernel.label().get(Objects.requireNonNull(language, "language"));
    }

    /**
     * The fallback reason codes setting the option causes on the kernel (the possible outcomes of the strictest
     * support), as lower-case hex; empty when it does not fall back (it works, or the call fails instead).
     */
    public List<String> fallbackCodes() {
        io.smcdoctor.catalog.Support strictest = verdict().strictest();
        Set<String> codes = new LinkedHashSet<>();
        for (OptionVerdict.Outcome o : verdict().outcomes()) {
            if (o.support() == strictest) {
                o.fallbackCodes().forEach(c -> codes.add(ReasonCode.hex(c)));
            }
        }
        return List.copyOf(codes);
    }

    /**
     * What to do about it: the note of the kernel range that decides the verdict, else the catalog note of the
     * option.
     */
    public String advice(Language language) {
        return adviceText().get(Objects.requireNonNull(language, "language"));
    }

    private LocalizedText adviceText() {
        OptionVerdict v = verdict();
        return v.definite() ? v.outcomes().get(0).range().map(KernelVerdict::note).orElse(option.note())
                : option.note();
    }

    /**
     * One line for people: name, level, consequence (with fallback codes) and the catalog note, e.g.
     * {@code TCP_FASTOPEN (SOL_TCP): not supported on SMC sockets: falls back to TCP with 0x03060000. <note>}.
     */
    public String summary(Language language) {
        Objects.requireNonNull(language, "language");
        StringBuilder sb = new StringBuilder();
        sb.append(name()).append(" (").append(level()).append("): ").append(consequenceText(language));
        String note = adviceText().get(language).strip();
        if (!note.isEmpty()) {
            sb.append(TEXTS.get("sockopt.noteSeparator", language)).append(note);
        }
        return sb.toString();
    }

    /**
     * What setting the option does on an SMC socket as a sentence fragment, with the
     * fallback codes and their titles for N options that fall back or the errno for those whose call fails. When the kernel does not decide, every possible verdict with its
     * kernels: {@code depends on the kernel: N on mainline 6.13+, 6.12.9+ (...); Y on other kernels (...)}. A
     * verdict that a given kernel decides from a kernel range names that kernel.
     */
    public String consequenceText(Language language) {
        return consequenceText(language, true);
    }

    /** {@link #consequenceText(Language)} without naming the kernel, for output that names it already. */
    public String verdictText(Language language) {
        return consequenceText(language, false);
    }

    private String consequenceText(Language language, boolean namingKernel) {
        Objects.requireNonNull(language, "language");
        boolean ja = language == Language.JA;
        OptionVerdict v = verdict();
        if (v.definite()) {
            OptionVerdict.Outcome o = v.outcomes().get(0);
            String text = outcomeText(o, language);
            if (namingKernel && o.range().isPresent() && kernel.kind() != TargetKernel.Kind.ANY) {
                return kernel.label().get(language) + (ja ? " では " : ": ") + text;
            }
            return text;
        }
        List<String> parts = new ArrayList<>();
        for (OptionVerdict.Outcome o : v.outcomes()) {
            parts.add(ja ? o.kernels().get(language) + " では " + o.support() + " (" + outcomeText(o, language) + ")"
                    : o.support() + " on " + o.kernels().get(language) + " (" + outcomeText(o, language) + ")");
        }
        return (ja ? "カーネルによって異なります: " : "depends on the kernel: ") + String.join(ja ? "。" : "; ", parts);
    }

    private String outcomeText(OptionVerdict.Outcome o, Language language) {
        boolean ja = language == Language.JA;
        if (o.errno().isPresent()) {
            return ja ? "SMC ではサポートされていません: setsockopt が " + o.errno().get()
                    + " で失敗します (フォールバックせず、ソケットは SMC のまま)"
                    : "not supported on SMC sockets: setsockopt fails with " + o.errno().get()
                    + " (no fallback; the socket stays SMC)";
        }
        String base = o.support().consequence(language);
        if (o.fallbackCodes().isEmpty()) {
            return base;
        }
        List<String> parts = new ArrayList<>();
        for (int code : o.fallbackCodes()) {
            String title = fallbackReasons.stream().filter(r -> r.code() == code).findFirst()
                    .map(r -> " (" + r.title().get(language) + ")").orElse("");
            parts.add(ReasonCode.hex(code) + title);
        }
        return TEXTS.format("sockopt.withCodes", language, base, String.join(TEXTS.get("sockopt.codeJoin", language), parts));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SockoptAdvice a && option.equals(a.option) && fallbackReasons.equals(a.fallbackReasons)
                && kernel.equals(a.kernel);
    }

    @Override
    public int hashCode() {
        return Objects.hash(option, fallbackReasons, kernel);
    }

    @Override
    public String toString() {
        return "SockoptAdvice[" + level() + ":" + name() + ", " + support() + (kernel.text().isEmpty() ? ""
                : " on " + kernel.text()) + "]";
    }
}
