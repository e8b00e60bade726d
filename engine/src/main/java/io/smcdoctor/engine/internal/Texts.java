package io.smcdoctor.engine.internal;

import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.internal.Bilingual;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ResourceBundle;

/** The engine's interface strings ({@code texts.properties} and {@code texts_ja.properties} in this package). */
public final class Texts {
    private static final String BUNDLE = "io.smcdoctor.engine.internal.texts";

    /** The strings, English and Japanese. */
    public static final Bilingual TEXTS = Bilingual.of(bundle(Language.EN), bundle(Language.JA));

    private Texts() {
    }

    /**
     * A confidence for people: two decimals, rounded half up, as {@code String.format("%.2f")} writes it. Not with
     * java.util.Formatter: in a new JVM its first floating-point conversion costs about 5 ms, and a cold text
     * diagnosis would pay it for its first line.
     */
    public static String twoDecimals(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * An interface string with one {@code %d}, filled in as {@code String.format(Locale.ROOT, text, count)} would:
     * also kept off java.util.Formatter, whose first decimal conversion loads the locale's number formats.
     */
    public static String withCount(String text, long count) {
        return text.replace("%d", Long.toString(count));
    }

    /** A Control is not supported in a named module: on the module path the default lookup finds the files. */
    private static ResourceBundle bundle(Language language) {
        return Texts.class.getModule().isNamed()
                ? ResourceBundle.getBundle(BUNDLE, Bilingual.locale(language))
                : ResourceBundle.getBundle(BUNDLE, Bilingual.locale(language), Bilingual.CONTROL);
    }
}
