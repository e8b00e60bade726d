package io.smcdoctor.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds reason-code values and code-like names in text users paste ({@code TCP 0x05000000/0x03030000},
 * {@code 3030000}, {@code 0X0303000C}, {@code SMC_CLC_DECL_NOSMCDEV}, {@code PEER_NO_SMC}). Stateless.
 */
final class CodeText {
    /**
     * A {@code 0x} number of 1-8 hex digits; a bare run of 7-8 hex digits with at least one digit (smcss
     * users often drop the {@code 0x}); or a word. Bare numbers inside addresses ({@code 10.0.0.1:8090}) are
     * skipped by the boundary checks.
     */
    private static final Pattern TOKEN = Pattern.compile(
            "(?<![0-9A-Za-z_.:])0[xX]([0-9a-fA-F]{1,8})(?![0-9A-Za-z_])"
            + "|(?<![0-9A-Za-z_.:])([0-9a-fA-F]{7,8})(?![0-9A-Za-z_.:])"
            + "|([A-Za-z_][A-Za-z0-9_]*)");

    private CodeText() {
    }

    /** One thing found in the text: a numeric code or a word that may name a code. */
    record Token(boolean numeric, int value, String word) {
    }

    static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                out.add(new Token(true, Integer.parseUnsignedInt(m.group(1), 16), ""));
            } else if (m.group(2) != null) {
                String bare = m.group(2);
                if (bare.chars().anyMatch(Character::isDigit)) {
                    out.add(new Token(true, Integer.parseUnsignedInt(bare, 16), ""));
                }
            } else {
                out.add(new Token(false, 0, m.group(3).toUpperCase(Locale.ROOT)));
            }
        }
        return out;
    }

    /**
     * Normalises a code-like input to 8 hex digits for "did you mean": the digits as typed padded on the
     * left (the value) and on the right (a dropped trailing zero), or empty when the input is not hex.
     */
    static List<String> hexVariants(String input) {
        String t = input.trim();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        } else if (t.chars().noneMatch(Character::isDigit)) {
            return List.of();
        }
        if (t.isEmpty() || t.length() > 10 || !t.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return List.of();
        }
        t = t.toLowerCase(Locale.ROOT);
        if (t.length() >= 8) {
            return List.of(t);
        }
        String zeros = "00000000".substring(t.length());
        return List.of(zeros + t, t + zeros);
    }
}
