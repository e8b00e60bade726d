package io.smcdoctor.lint;

import java.util.Objects;

/**
 * A file the scanner did not read, and why (too large, binary, unreadable).
 *
 * @param file   the file, in the same form as {@link LintFinding#file()}
 * @param reason why it was skipped
 */
public record SkippedFile(String file, String reason) {
    public SkippedFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }
}
