package io.smcdoctor.lint;

import io.smcdoctor.catalog.SockoptLevel;
import org.jspecify.annotations.Nullable;

/**
 * A raw match before catalog lookup: where the option expression starts, how it is used, the level if the code
 * names one (else null: inferred from the name), and either a name or a numeric value.
 */
record Hit(int offset, LintFinding.Usage usage, @Nullable SockoptLevel level, String name, int value,
           String symbol) {
    static final int NO_VALUE = -1;

    boolean numeric() {
        return value != NO_VALUE;
    }
}
