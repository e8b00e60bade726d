package io.smcdoctor.catalog;

import java.util.Locale;

/** Languages the catalog text is written in. */
public enum Language {
    EN,
    JA;

    /**
     * Parses {@code en}, {@code ja}, {@code ja_JP}, {@code ja-JP.UTF-8} and similar; anything else is English.
     */
    public static Language fromTag(String tag) {
        String t = tag.trim().toLowerCase(Locale.ROOT);
        return t.startsWith("ja") ? JA : EN;
    }

    /** The language of the default locale (Japanese for a {@code ja} locale, else English). */
    public static Language fromDefaultLocale() {
        return fromTag(Locale.getDefault().getLanguage());
    }

    /** The lower-case tag, {@code en} or {@code ja}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
