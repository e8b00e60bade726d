package io.smcdoctor.catalog.internal;

import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.LocalizedText;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The interface strings of one module, in English and Japanese, from its {@code ResourceBundle} (a {@code .properties}
 * file and its {@code _ja} twin next to the code; each module's tests check that every key has both languages).
 * Immutable, thread-safe.
 */
public final class Bilingual {
    /**
     * How the bundles are looked up: {@code .properties} files only, no fallback to the default locale's bundle. The
     * same bundles as the default lookup finds (there are no class bundles, and the base bundle is English), without
     * its class lookups and its search for control providers, a tenth of {@code explain}'s start-up.
     */
    public static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle en;
    private final ResourceBundle ja;

    private Bilingual(ResourceBundle en, ResourceBundle ja) {
        this.en = en;
        this.ja = ja;
    }

    /**
     * The strings of a bundle. The caller loads both languages itself
     * ({@code ResourceBundle.getBundle(name, locale, CONTROL)}),
     * so that the bundle is found in the caller's own module.
     */
    public static Bilingual of(ResourceBundle english, ResourceBundle japanese) {
        return new Bilingual(Objects.requireNonNull(english, "english"), Objects.requireNonNull(japanese, "japanese"));
    }

    /** The locale that selects a language's bundle: the base bundle for English, {@code _ja} for Japanese. */
    public static Locale locale(Language language) {
        return language == Language.JA ? Locale.JAPANESE : Locale.ROOT;
    }

    /** True when the bundle has the key. */
    public boolean has(String key) {
        return en.containsKey(key);
    }

    /** The string of a key in a language. */
    public String get(String key, Language language) {
        return (language == Language.JA ? ja : en).getString(key);
    }

    /** The string of a key with {@code %s} placeholders filled in (locale-independent). */
    public String format(String key, Language language, Object... args) {
        return String.format(Locale.ROOT, get(key, language), args);
    }

    /** The key in both languages. */
    public LocalizedText text(String key) {
        return new LocalizedText(en.getString(key), ja.getString(key));
    }
}
