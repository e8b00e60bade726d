package io.smcdoctor.catalog;

import java.util.Locale;

/** How a cause is reported when a diagnosis concludes it. */
public enum Severity {
    /** A problem to fix: SMC falls back, fails or slows down because of it. */
    PROBLEM,
    /** Worth knowing, may or may not hurt (e.g. traffic invisible to tcpdump). */
    WARNING,
    /** Status, not a problem (e.g. SMC-R is in use and working). */
    INFO;

    /** The lower-case JSON form. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
