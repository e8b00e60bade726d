package io.smcdoctor.lint;

import java.util.List;

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

    /** True when any finding is at {@link LintLevel#ERROR}. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.level() == LintLevel.ERROR);
    }

    /** Number of findings at the given level. */
    public long count(LintLevel level) {
        return findings.stream().filter(f -> f.level() == level).count();
    }
}
