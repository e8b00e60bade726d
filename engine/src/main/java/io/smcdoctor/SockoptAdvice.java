package io.smcdoctor;

import static io.smcdoctor.engine.internal.Texts.TEXTS;

import io.smcdoctor.catalog.KernelVerdict;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.LocalizedText;
import io.smcdoctor.catalog.OptionVerdict;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.SockoptLevel;
import io.smcdoctor.catalog.Support;
import io.smcdoctor.catalog.TargetKernel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@link SockoptAdvisor} says about one socket option on a kernel: support, consequence and advice. The
 * support is the verdict for the {@link #kernel() kernel} asked for ({@link SocketOption#verdictFor}); when that
 * kernel does not decide it (no kernel given, a vendor kernel, a stable series whose patch level is unknown), the
 * strictest of the possible verdicts, and the text names each with its kernels.
 *
 * @param option          the catalog row
 * @param fallbackReasons the catalog entries of the fallback codes (of the option and its kernel ranges) the catalog
 *                        knows
 * @param kernel          the kernel the advice is for; {@link TargetKernel#ANY} when none was given
 */
public record SockoptAdvice(SocketOption option, List<ReasonCode> fallbackReasons, TargetKernel kernel) {
    public SockoptAdvice {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(kernel, "kernel");
        fallbackReasons = List.copyOf(fallbackReasons);
    }

    /** Advice for no particular kernel ({@link TargetKernel#ANY}). */
    public SockoptAdvice(SocketOption option, List<ReasonCode> fallbackReasons) {
        this(option, fallbackReasons, TargetKernel.ANY);
    }

    /** What the option does on the kernel: one outcome, or every outcome the kernel leaves possible. */
    public OptionVerdict verdict() {
        return option.verdictFor(kernel);
    }

    /** The seed FAQ's Y/M/N (Alibaba Cloud Linux 3), whatever the kernel. */
    public Support seedSupport() {
        return option.support();
    }

    /** Canonical option name, e.g. {@code TCP_FASTOPEN}. */
    public String name() {
        return option.name();
    }

    /** The option's level. */
    public SockoptLevel level() {
        return option.level();
    }

    /** Y, M or N on the kernel; the strictest possible one when the kernel does not decide. */
    public Support support() {
        return verdict().strictest();
    }

    /**
     * The fallback reason codes setting the option causes on the kernel (the possible outcomes of the strictest
     * support), as lower-case hex; empty when it does not fall back (it works, or the call fails instead).
     */
    public List<String> fallbackCodes() {
        Support strictest = support();
        Set<String> codes = new LinkedHashSet<>();
        for (OptionVerdict.Outcome o : verdict().outcomes()) {
            if (o.support() == strictest) {
                o.fallbackCodes().forEach(c -> codes.add(ReasonCode.hex(c)));
            }
        }
        return List.copyOf(codes);
    }

    /**
     * What to do about it, in English and Japanese: the note of the kernel range that decides the verdict, else the
     * catalog note of the option.
     */
    public LocalizedText advice() {
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
        sb.append(name()).append(" (").append(level().name()).append("): ").append(consequenceText(language));
        String note = advice().get(language).strip();
        if (!note.isEmpty()) {
            sb.append(TEXTS.get("sockopt.noteSeparator", language)).append(note);
        }
        return sb.toString();
    }

    /**
     * What setting the option does on an SMC socket ({@link Support#consequence}) as a sentence fragment, with the
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
}
