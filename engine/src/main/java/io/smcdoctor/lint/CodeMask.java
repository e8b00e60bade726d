package io.smcdoctor.lint;

import io.smcdoctor.lint.SourceScanner.SourceLanguage;

/**
 * Blanks comments and string/char literals out of source text, keeping every other character (and every line
 * break) at its offset, so that pattern matching on the result never sees code-like text inside comments or
 * strings and offsets still map to the original line and column. Unterminated literals run to the end of the
 * text (or line, where the language ends them there); nothing throws.
 */
final class CodeMask {
    private final char[] out;
    private final CharSequence src;
    private final int n;

    private CodeMask(CharSequence src) {
        this.src = src;
        this.n = src.length();
        this.out = new char[n];
        for (int i = 0; i < n; i++) {
            out[i] = src.charAt(i);
        }
    }

    /** The masked text for the given language. */
    static String mask(CharSequence text, SourceLanguage language) {
        CodeMask m = new CodeMask(text);
        if (language == SourceLanguage.PYTHON) {
            m.python();
        } else {
            m.cLike(language);
        }
        return new String(m.out);
    }

    private char at(int i) {
        return i < n ? src.charAt(i) : '\0';
    }

    private void blank(int from, int to) {
        for (int i = from; i < Math.min(to, n); i++) {
            if (out[i] != '\n' && out[i] != '\r') {
                out[i] = ' ';
            }
        }
    }

    private void cLike(SourceLanguage lang) {
        int i = 0;
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && at(i + 1) == '/') {
                int e = lineEnd(i);
                blank(i, e);
                i = e;
            } else if (c == '/' && at(i + 1) == '*') {
                int e = blockCommentEnd(i, lang == SourceLanguage.RUST);
                blank(i, e);
                i = e;
            } else if (c == '"') {
                int e;
                if (lang == SourceLanguage.JAVA && at(i + 1) == '"' && at(i + 2) == '"') {
                    e = tripleEnd(i + 3, '"');
                } else if (lang == SourceLanguage.RUST && rawPrefix(i) >= 0) {
                    e = rustRawEnd(i);
                } else if (lang == SourceLanguage.CPP && at(i - 1) == 'R' && !identChar(at(i - 2))) {
                    e = cppRawEnd(i);
                } else {
                    e = quotedEnd(i + 1, '"', lang != SourceLanguage.RUST);
                }
                blank(i, e);
                i = e;
            } else if (c == '`' && lang == SourceLanguage.GO) {
                int e = indexOf('`', i + 1);
                e = e < 0 ? n : e + 1;
                blank(i, e);
                i = e;
            } else if (c == '\'') {
                int e = charLiteralEnd(i, lang);
                if (e > i) {
                    blank(i, e);
                    i = e;
                } else {
                    i++;
                }
            } else {
                i++;
            }
        }
    }

    private void python() {
        int i = 0;
        while (i < n) {
            char c = src.charAt(i);
            if (c == '#') {
                int e = lineEnd(i);
                blank(i, e);
                i = e;
            } else if (c == '"' || c == '\'') {
                int e = at(i + 1) == c && at(i + 2) == c ? tripleEnd(i + 3, c) : quotedEnd(i + 1, c, true);
                blank(i, e);
                i = e;
            } else {
                i++;
            }
        }
    }

    private int lineEnd(int i) {
        int j = i;
        while (j < n && src.charAt(j) != '\n') {
            j++;
        }
        return j;
    }

    private int indexOf(char c, int from) {
        for (int j = from; j < n; j++) {
            if (src.charAt(j) == c) {
                return j;
            }
        }
        return -1;
    }

    private int blockCommentEnd(int i, boolean nested) {
        int depth = 1;
        int j = i + 2;
        while (j < n) {
            if (src.charAt(j) == '*' && at(j + 1) == '/') {
                depth--;
                j += 2;
                if (depth == 0 || !nested) {
                    return j;
                }
            } else if (nested && src.charAt(j) == '/' && at(j + 1) == '*') {
                depth++;
                j += 2;
            } else {
                j++;
            }
        }
        return n;
    }

    /** End (exclusive) of a quoted literal whose body starts at {@code from}; stops at a newline if asked. */
    private int quotedEnd(int from, char quote, boolean endsAtNewline) {
        int j = from;
        while (j < n) {
            char c = src.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (c == quote) {
                return j + 1;
            } else if (c == '\n' && endsAtNewline) {
                return j;
            } else {
                j++;
            }
        }
        return n;
    }

    private int tripleEnd(int from, char quote) {
        int j = from;
        while (j < n) {
            char c = src.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (c == quote && at(j + 1) == quote && at(j + 2) == quote) {
                return j + 3;
            } else {
                j++;
            }
        }
        return n;
    }

    /** For a Rust {@code "} preceded by {@code r}, {@code r#..}, {@code br}: number of hashes, else -1. */
    private int rawPrefix(int quote) {
        int j = quote - 1;
        int hashes = 0;
        while (j >= 0 && src.charAt(j) == '#') {
            hashes++;
            j--;
        }
        if (j < 0 || src.charAt(j) != 'r') {
            return -1;
        }
        char before = j > 0 ? src.charAt(j - 1) : ' ';
        if (before == 'b' || before == 'c') {
            before = j > 1 ? src.charAt(j - 2) : ' ';
        }
        return identChar(before) ? -1 : hashes;
    }

    private int rustRawEnd(int quote) {
        int hashes = rawPrefix(quote);
        int j = quote + 1;
        while (j < n) {
            if (src.charAt(j) == '"') {
                int k = 0;
                while (k < hashes && at(j + 1 + k) == '#') {
                    k++;
                }
                if (k == hashes) {
                    return j + 1 + hashes;
                }
            }
            j++;
        }
        return n;
    }

    private int cppRawEnd(int quote) {
        int paren = indexOf('(', quote + 1);
        if (paren < 0 || paren - quote > 17) {
            return quotedEnd(quote + 1, '"', true);
        }
        String close = ")" + src.subSequence(quote + 1, paren) + "\"";
        String rest = src.subSequence(paren, n).toString();
        int k = rest.indexOf(close);
        return k < 0 ? n : paren + k + close.length();
    }

    /** End (exclusive) of a char literal at {@code i}, or {@code i} when the quote is not one (Rust lifetime). */
    private int charLiteralEnd(int i, SourceLanguage lang) {
        if (lang == SourceLanguage.RUST) {
            if (at(i + 1) == '\\') {
                int e = indexOf('\'', i + 2);
                return e < 0 || e - i > 12 ? i : e + 1;
            }
            if (at(i + 2) == '\'' && at(i + 1) != '\n') {
                return i + 3;
            }
            // a multi-byte (surrogate pair) char literal
            if (Character.isHighSurrogate(at(i + 1)) && at(i + 3) == '\'') {
                return i + 4;
            }
            return i;
        }
        int e = quotedEnd(i + 1, '\'', true);
        // C multi-char constants are short; anything longer is not a literal we understand
        return e - i > 12 ? i + 1 : e;
    }

    private static boolean identChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
