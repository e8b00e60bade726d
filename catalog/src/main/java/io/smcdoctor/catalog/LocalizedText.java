package io.smcdoctor.catalog;

import java.util.Objects;

/** A piece of user-visible text in English and Japanese. Both are required and non-blank. */
public record LocalizedText(String en, String ja) {
    public LocalizedText {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(ja, "ja");
    }

    /** The text in the given language. */
    public String get(Language language) {
        return language == Language.JA ? ja : en;
    }

    /** Both texts joined, for indexing and search. */
    public String both() {
        return en + "\n" + ja;
    }
}
