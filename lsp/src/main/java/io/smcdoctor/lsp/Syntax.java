package io.smcdoctor.lsp;

/** What a code action may write in a language: comments, and for C/C++ preprocessor guards. */
enum Syntax {
    /** C and C++: {@code //} comments and {@code #ifndef} guards. */
    C("// "),
    /** Java, Go, Rust: {@code //} comments. */
    SLASHES("// "),
    /** Python: {@code #} comments. */
    HASH("# ");

    private final String lineComment;

    Syntax(String lineComment) {
        this.lineComment = lineComment;
    }

    String lineComment() {
        return lineComment;
    }
}
