package io.smcdoctor;

import static io.smcdoctor.engine.internal.Texts.TEXTS;

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
            sb.append(TEXTS.get("sockopt.noteSeparator", language)).append(note);
        }
        return sb.toString();
    }

    /**
     * What setting the option does on an SMC socket ({@link Support#consequence}), with the fallback codes and their
     * titles for N options.
     */
    public String consequenceText(Language language) {
        Objects.requireNonNull(language, "language");
        String base = option.support().consequence(language);
        if (option.fallbackCodes().isEmpty()) {
            return base;
        }
        List<String> parts = new ArrayList<>();
        for (int code : option.fallbackCodes()) {
            String title = fallbackReasons.stream().filter(r -> r.code() == code).findFirst()
                    .map(r -> " (" + r.title().get(language) + ")").orElse("");
            parts.add(ReasonCode.hex(code) + title);
        }
        return TEXTS.format("sockopt.withCodes", language, base, String.join(TEXTS.get("sockopt.codeJoin", language), parts));
    }
}
