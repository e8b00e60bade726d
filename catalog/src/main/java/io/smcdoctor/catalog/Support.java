package io.smcdoctor.catalog;

import io.smcdoctor.catalog.internal.Bilingual;
import java.util.ResourceBundle;

/** SMC support of a socket option, as in the seed FAQ's table. */
public enum Support {
    /** Supported: can be set and read and works as expected. */
    Y,
    /** Can be set and read, but behaves differently on SMC than on TCP. */
    M,
    /** Not supported: setting it makes the connection fall back to TCP (or fails). */
    N;

    private static final String TEXTS = "io.smcdoctor.catalog.internal.texts";

    /** Lazy holder of the wording, loaded once. */
    private static final class Texts {
        static final Bilingual INSTANCE = Bilingual.of(bundle(Language.EN), bundle(Language.JA));

        /** A Control is not supported in a named module: on the module path the default lookup finds the files. */
        private static ResourceBundle bundle(Language language) {
            return Support.class.getModule().isNamed()
                    ? ResourceBundle.getBundle(TEXTS, Bilingual.locale(language))
                    : ResourceBundle.getBundle(TEXTS, Bilingual.locale(language), Bilingual.CONTROL);
        }
    }

    /**
     * What setting an option of this level does on an SMC socket, as a sentence fragment in the language: the one
     * wording of Y/M/N used by the advisor, the linter, the knowledge base and the command line.
     */
    public String consequence(Language language) {
        return Texts.INSTANCE.get("support." + name(), language);
    }
}
