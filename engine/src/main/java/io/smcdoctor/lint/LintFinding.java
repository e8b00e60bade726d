package io.smcdoctor.lint;

import static io.smcdoctor.engine.internal.Texts.TEXTS;

import io.smcdoctor.SockoptAdvice;
import io.smcdoctor.catalog.Language;
import java.util.Locale;
import java.util.Objects;

/**
 * One socket option (or {@code MSG_FASTOPEN} send flag) found in source code.
 *
 * @param file   the file: relative to the scan base with forward slashes, or an absolute path when outside it
 * @param line   1-based line
 * @param column 1-based column in UTF-16 code units (SARIF's default column unit) of the expression that names
 *               the option ({@code socket.TCP_FASTOPEN}, {@code ChannelOption.SO_KEEPALIVE}, {@code set_keepalive})
 * @param level  how serious it is
 * @param usage  whether the option is set, read, or is the send flag
 * @param symbol the expression as written in the source
 * @param advice what the catalog says about the option
 */
public record LintFinding(String file, int line, int column, Level level, Usage usage, String symbol,
                          SockoptAdvice advice) {
    /** Rule id prefix for socket options: {@code SMC-SOCKOPT-TCP_FASTOPEN}. */
    public static final String SOCKOPT_RULE_PREFIX = "SMC-SOCKOPT-";
    /** Rule id of the {@code MSG_FASTOPEN} send flag. */
    public static final String MSG_FASTOPEN_RULE = "SMC-SENDFLAG-MSG_FASTOPEN";

    public LintFinding {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(advice, "advice");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, were " + line + ":" + column);
        }
    }

    /** How the option is used in the code. */
    public enum Usage {
        /** {@code setsockopt} or an equivalent setter. */
        SET,
        /** {@code getsockopt} or an equivalent getter. */
        GET,
        /** The {@code MSG_FASTOPEN} flag of a send call. */
        SEND_FLAG
    }

    /** The rule id: {@code SMC-SOCKOPT-<NAME>}, or {@link #MSG_FASTOPEN_RULE}. */
    public String ruleId() {
        return usage == Usage.SEND_FLAG ? MSG_FASTOPEN_RULE : SOCKOPT_RULE_PREFIX + advice.name();
    }

    /** The option or flag name the rule is about ({@code TCP_FASTOPEN}, {@code MSG_FASTOPEN}). */
    public String subject() {
        return usage == Usage.SEND_FLAG ? "MSG_FASTOPEN" : advice.name();
    }

    /** The message for people, in the given language. */
    public String message(Language language) {
        Objects.requireNonNull(language, "language");
        switch (usage) {
            case SEND_FLAG:
                return TEXTS.get("lint.sendFlag", language) + advice.consequenceText(language)
                        + TEXTS.get("sockopt.noteSeparator", language) + advice.advice(language).strip();
            case GET:
                return TEXTS.get("lint.reading", language) + advice.summary(language);
            default:
                return advice.summary(language);
        }
    }

    /** Compiler-style line: {@code file:line:col: error: message}. */
    public String toCompilerLine(Language language) {
        return file + ":" + line + ":" + column + ": " + level.sarif() + ": " + message(language);
    }

    /** How serious a finding is; the names match SARIF's {@code level} values. */
    public enum Level {
        /** The option is not supported (N): SMC falls back to TCP. */
        ERROR,
        /** The option works differently on SMC (M), or an N option is only read. */
        WARNING,
        /** Supported (Y); reported only on request. */
        NOTE;

        /** The SARIF / compiler-style spelling: {@code error}, {@code warning}, {@code note}. */
        public String sarif() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
