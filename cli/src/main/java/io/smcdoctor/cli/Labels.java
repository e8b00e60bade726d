package io.smcdoctor.cli;

import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.Side;
import io.smcdoctor.catalog.internal.Bilingual;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Headings and fixed phrases of the text output; the words are in {@code texts.properties} and
 * {@code texts_ja.properties} next to this class (key {@code label.<name>}).
 */
enum Labels {
    MEANING,
    CAUSES,
    CHECK,
    LOOK_FOR,
    FIX,
    REMEDIES,
    KERNEL_NOTES,
    VERDICT_FOR,
    KERNEL_VERDICTS,
    SEED_VERDICT,
    REFERENCES,
    SIDE,
    STATS_NAME,
    ALIBABA_ONLY,
    LEGACY,
    UNUSED,
    PEER_CODE,
    FALLBACK_CODES,
    ALIASES,
    ANSWERS_FOR,
    REASON_CODES,
    COMMANDS,
    NO_ANSWER;

    private static final String BUNDLE = "io.smcdoctor.cli.texts";
    private static final Bilingual TEXTS = Bilingual.of(
            ResourceBundle.getBundle(BUNDLE, Bilingual.locale(Language.EN), Bilingual.CONTROL),
            ResourceBundle.getBundle(BUNDLE, Bilingual.locale(Language.JA), Bilingual.CONTROL));

    String in(Language language) {
        return TEXTS.get("label." + name().toLowerCase(Locale.ROOT), language);
    }

    /** Who decides a reason code, in words. */
    static String side(Side side, Language language) {
        return TEXTS.get("side." + side.name(), language);
    }
}
