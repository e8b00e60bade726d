package io.smcdoctor.evidence.internal;

import java.nio.charset.StandardCharsets;

/**
 * The socket states smcss prints (smc-tools smcss.c; man page smcss(8)), the man-page spellings normalised to them,
 * and the unknown value form {@code 0x1f?}. Lookups compare regions of the line: no substring per row.
 */
final class SmcStates {
    /** Pairs of (spelling, canonical program spelling). */
    private static final String[][] SPELLINGS = {
        {"ACTIVE", "ACTIVE"},
        {"LISTEN", "LISTEN"},
        {"INIT", "INIT"},
        {"CLOSED", "CLOSED"},
        {"PEERCLOSEWAIT1", "PEERCLOSEWAIT1"},
        {"PEERCLOSEWAIT2", "PEERCLOSEWAIT2"},
        {"APPCLOSEWAIT1", "APPCLOSEWAIT1"},
        {"APPCLOSEWAIT2", "APPCLOSEWAIT2"},
        {"APPFINCLOSEWAIT1", "APPFINCLOSEWAIT1"},
        {"APPFINCLOSEWAIT", "APPFINCLOSEWAIT1"},
        {"PEERFINCLOSEWAIT", "PEERFINCLOSEWAIT"},
        {"PEERABORTWAIT", "PEERABORTWAIT"},
        {"PROCESSABORT", "PROCESSABORT"},
        // smcss.8 spellings
        {"PEERCLW1", "PEERCLOSEWAIT1"},
        {"PEERCLW2", "PEERCLOSEWAIT2"},
        {"APPLCLW1", "APPCLOSEWAIT1"},
        {"APPLCLW2", "APPCLOSEWAIT2"},
        {"APPLFINCLW", "APPFINCLOSEWAIT1"},
        {"PEERFINCLW", "PEERFINCLOSEWAIT"},
        {"PEERABORTW", "PEERABORTWAIT"},
    };

    /** The spellings of {@link #SPELLINGS} as ASCII bytes, for {@link #namedIndex}. */
    private static final byte[][] SPELLING_BYTES = new byte[SPELLINGS.length][];
    /** {@link #minTokens} of the canonical state of each spelling. */
    private static final int[] MIN_TOKENS = new int[SPELLINGS.length];
    /** The spelling of LISTEN. */
    private static final int LISTEN;

    static {
        int listen = -1;
        for (int i = 0; i < SPELLINGS.length; i++) {
            SPELLING_BYTES[i] = SPELLINGS[i][0].getBytes(StandardCharsets.US_ASCII);
            MIN_TOKENS[i] = minTokens(SPELLINGS[i][1]);
            if (SPELLINGS[i][0].equals("LISTEN")) {
                listen = i;
            }
        }
        LISTEN = listen;
    }

    private SmcStates() {
    }

    /**
     * The canonical state when {@code text} starts (at column 0) with a state token, else null. Unknown numeric
     * states ({@code 0x1f?}) are returned as printed.
     */
    static String rowStart(String text) {
        int n = text.length();
        int e = 0;
        while (e < n && text.charAt(e) != ' ' && text.charAt(e) != '\t') {
            e++;
        }
        return e == 0 ? null : canonical(text, 0, e);
    }

    /** The canonical state for {@code text[s, e)}, or null when it is no state. */
    static String canonical(String text, int s, int e) {
        int len = e - s;
        for (String[] sp : SPELLINGS) {
            if (sp[0].length() == len && text.startsWith(sp[0], s)) {
                return sp[1];
            }
        }
        // "%#x?" for values without a name, e.g. 0x1f?
        if (len >= 4 && text.charAt(s) == '0' && text.charAt(s + 1) == 'x' && text.charAt(e - 1) == '?'
                && SmcText.hex(text, s + 2, e - 1) >= 0) {
            return text.substring(s, e);
        }
        return null;
    }

    /**
     * The number of the named state that the ASCII bytes {@code b[s, e)} spell (for {@link #canonical(int)},
     * {@link #minTokens(int)}, {@link #listening(int)}), else -1. Per row of a large listing: bytes against bytes,
     * no string.
     */
    static int namedIndex(byte[] b, int s, int e) {
        int len = e - s;
        for (int i = 0; i < SPELLING_BYTES.length; i++) {
            byte[] name = SPELLING_BYTES[i];
            if (name.length == len) {
                int k = 0;
                while (k < len && b[s + k] == name[k]) {
                    k++;
                }
                if (k == len) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The canonical state of a {@link #namedIndex}. */
    static String canonical(int index) {
        return SPELLINGS[index][1];
    }

    /** {@link #minTokens(String)} of the state of a {@link #namedIndex}. */
    static int minTokens(int index) {
        return MIN_TOKENS[index];
    }

    /** True when a {@link #namedIndex} is LISTEN's. */
    static boolean listening(int index) {
        return index == LISTEN;
    }

    /** Columns a row of this state has at least (INIT ends after the inode, LISTEN after the local address...). */
    static int minTokens(String state) {
        switch (state) {
            case "INIT":
                return 3;
            case "LISTEN":
                return 4;
            case "CLOSED":
                return 6;
            default:
                return state.endsWith("?") ? 3 : 7;
        }
    }
}
