package io.smcdoctor.lint;

import java.util.Locale;

/** How serious a finding is; the names match SARIF's {@code level} values. */
public enum LintLevel {
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
