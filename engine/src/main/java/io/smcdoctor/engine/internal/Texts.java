package io.smcdoctor.engine.internal;

import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.internal.Bilingual;
import java.util.ResourceBundle;

/** The engine's interface strings ({@code texts.properties} and {@code texts_ja.properties} in this package). */
public final class Texts {
    private static final String BUNDLE = "io.smcdoctor.engine.internal.texts";

    /** The strings, English and Japanese. */
    public static final Bilingual TEXTS = Bilingual.of(bundle(Language.EN), bundle(Language.JA));

    private Texts() {
    }

    /** A Control is not supported in a named module: on the module path the default lookup finds the files. */
    private static ResourceBundle bundle(Language language) {
        return Texts.class.getModule().isNamed()
                ? ResourceBundle.getBundle(BUNDLE, Bilingual.locale(language))
                : ResourceBundle.getBundle(BUNDLE, Bilingual.locale(language), Bilingual.CONTROL);
    }
}
