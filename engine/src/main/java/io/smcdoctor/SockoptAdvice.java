package io.smcdoctor;

import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.LocalizedText;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.SockoptLevel;
import io.smcdoctor.catalog.Support;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What {@link SockoptAdvisor} says about one socket option: support, consequence and advice.
 *
 * @param option          the catalog row
 * @param fallbackReasons the catalog entries of {@link SocketOption#fallbackCodes()} that the catalog knows
 */
public record SockoptAdvice(SocketOption option, List<ReasonCode> fallbackReasons) {
    public SockoptAdvice {
        Objects.requireNonNull(option, "option");
        fallbackReasons = List.copyOf(fallbackReasons);
    }

    /** Canonical option name, e.g. {@code TCP_FASTOPEN}. */
    public String name() {
        return option.name();
    }

    /** The option's level. */
    public SockoptLevel level() {
        return option.level();
    }

    /** Y, M or N. */
    public Support support() {
        return option.support();
    }

    /** What happens on an SMC socket. */
    public Consequence consequence() {
        return Consequence.of(option.support());
    }

    /** The fallback reason codes setting the option causes (N options), as lower-case hex; empty otherwise. */
    public List<String> fallbackCodes() {
        return option.fallbackCodes().stream().map(ReasonCode::hex).collect(Collectors.toUnmodifiableList());
    }

    /** What to do about it, in English and Japanese (the catalog note). */
    public LocalizedText advice() {
        return option.note();
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
            sb.append(language == Language.JA ? "。" : ". ").append(note);
        }
        return sb.toString();
    }

    /** The consequence as a sentence fragment, with the fallback codes and their titles for N options. */
    public String consequenceText(Language language) {
        Objects.requireNonNull(language, "language");
        String base = consequence().text(language);
        if (option.fallbackCodes().isEmpty()) {
            return base;
        }
        List<String> parts = new ArrayList<>();
        for (int code : option.fallbackCodes()) {
            String title = fallbackReasons.stream().filter(r -> r.code() == code).findFirst()
                    .map(r -> " (" + r.title().get(language) + ")").orElse("");
            parts.add(ReasonCode.hex(code) + title);
        }
        String joined = String.join(language == Language.JA ? "、" : " or ", parts);
        return language == Language.JA ? base + ": 理由コード " + joined : base + " with " + joined;
    }

    /** What setting an option does to an SMC connection, one per support level. */
    public enum Consequence {
        /** Y: works as on TCP. */
        WORKS("works as on TCP", "TCP と同様に動作します"),
        /** M: can be set and read but behaves differently on SMC. */
        BEHAVES_DIFFERENTLY("works but behaves differently on SMC sockets",
                "設定・取得はできますが SMC では TCP と異なる動作になります"),
        /** N: not supported; setting it makes the connection fall back to TCP (or fails). */
        FALLS_BACK_TO_TCP("not supported on SMC sockets: falls back to TCP",
                "SMC ではサポートされていません: TCP へフォールバックします");

        private final String en;
        private final String ja;

        Consequence(String en, String ja) {
            this.en = en;
            this.ja = ja;
        }

        /** The consequence for a support level. */
        public static Consequence of(Support support) {
            switch (support) {
                case Y:
                    return WORKS;
                case M:
                    return BEHAVES_DIFFERENTLY;
                default:
                    return FALLS_BACK_TO_TCP;
            }
        }

        /** The consequence as text. */
        public String text(Language language) {
            return language == Language.JA ? ja : en;
        }
    }
}
