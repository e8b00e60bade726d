package io.smcdoctor.cli.report;

import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.Severity;
import io.smcdoctor.catalog.Side;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The fixed wording of the reports in one language, from {@code ReportStrings.properties} (English) and
 * {@code ReportStrings_ja.properties} (Japanese). Both files have the same keys (a test checks it), so no Japanese page
 * shows an English phrase by falling back to the base file. Immutable.
 */
final class ReportStrings {
    private static final String BUNDLE = "io.smcdoctor.cli.report.ReportStrings";

    private final ResourceBundle bundle;
    private final Locale locale;

    private ReportStrings(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The wording in a language. */
    static ReportStrings of(Language language) {
        Locale locale = language == Language.JA ? Locale.JAPANESE : Locale.ROOT;
        return new ReportStrings(bundle(locale), locale);
    }

    /** The bundle of a locale only (no fallback to the default locale's bundle). */
    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The text of a key with its arguments filled in (arguments are used as given, never formatted as numbers). */
    String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = String.valueOf(args[i]);
        }
        return new MessageFormat(pattern, locale).format(texts);
    }

    String severity(Severity severity) {
        return get("severity." + severity.json());
    }

    String side(Side side) {
        return get("side." + side.json());
    }
}
