package io.smcdoctor.lint;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Programming languages the scanner understands, recognised by file extension. */
public enum SourceLanguage {
    /** C: {@code .c}, {@code .h}. */
    C(List.of("c", "h")),
    /** C++: {@code .cc}, {@code .cpp}, {@code .cxx}, {@code .hh}, {@code .hpp}, {@code .hxx}. */
    CPP(List.of("cc", "cpp", "cxx", "c++", "hh", "hpp", "hxx")),
    /** Java: {@code .java}. */
    JAVA(List.of("java")),
    /** Go: {@code .go}. */
    GO(List.of("go")),
    /** Python: {@code .py}, {@code .pyi}. */
    PYTHON(List.of("py", "pyi")),
    /** Rust: {@code .rs}. */
    RUST(List.of("rs"));

    private final List<String> extensions;

    SourceLanguage(List<String> extensions) {
        this.extensions = extensions;
    }

    /** File extensions (lower case, without the dot). */
    public List<String> extensions() {
        return extensions;
    }

    /** The language of a file by its name's extension (case-insensitive); empty for other files. */
    public static Optional<SourceLanguage> fromFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (SourceLanguage l : values()) {
            if (l.extensions.contains(ext)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
