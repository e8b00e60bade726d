package io.smcdoctor.lint;

import io.smcdoctor.catalog.Language;
import io.smcdoctor.lint.LintFinding.Level;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * The result of scanning paths: findings in file/line/column order, skipped files, and how many files were read.
 *
 * @param findings     every finding, ordered by file, line, column
 * @param skipped      files not read (too large, binary, unreadable), with the reason
 * @param filesScanned number of source files read
 */
public record LintReport(List<LintFinding> findings, List<SkippedFile> skipped, int filesScanned) {
    public LintReport {
        findings = List.copyOf(findings);
        skipped = List.copyOf(skipped);
        if (filesScanned < 0) {
            throw new IllegalArgumentException("filesScanned must be >= 0, was " + filesScanned);
        }
    }

    /** True when any finding is at {@link Level#ERROR}. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.level() == Level.ERROR);
    }

    /** Number of findings at the given level. */
    public long count(Level level) {
        return findings.stream().filter(f -> f.level() == level).count();
    }

    /**
     * The report as a SARIF 2.1.0 JSON document (for GitHub code scanning and IDEs): one rule per option with its
     * description, help text and default level, one result per finding with a path relative to {@code %SRCROOT%}
     * and a 1-based region, skipped files as tool execution notifications.
     *
     * @param toolVersion written as {@code tool.driver.version}, e.g. {@code 0.1.0}
     * @param language    the language of the texts
     */
    public String toSarif(String toolVersion, Language language) {
        return SarifWriter.of(toolVersion, language).toJson(this);
    }

    /**
     * Writes {@link #toSarif(String, Language)} to {@code out} (not closed).
     *
     * @throws java.io.UncheckedIOException when writing fails
     */
    public void writeSarif(String toolVersion, Language language, Writer out) {
        SarifWriter.of(toolVersion, language).write(this, out);
    }

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
}
