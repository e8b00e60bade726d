package io.smcdoctor.engine.internal;

import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.internal.Bilingual;
import java.util.ResourceBundle;

/** The engine's interface strings ({@code texts.properties} and {@code texts_ja.properties} in this package). */
public final class Texts {
    private static final String BUNDLE = "io.smcdoctor.engine.internal.texts";

    /** The strings, English and Japanese. */
    public static final Bilingual TEXTS = Bilingual.of(
            ResourceBundle.getBundle(BUNDLE, Bilingual.locale(Language.EN), Bilingual.CONTROL),
            ResourceBundle.getBundle(BUNDLE, Bilingual.locale(Language.JA), Bilingual.CONTROL));

    private Texts() {
    }
}
