package io.smcdoctor.samples.ide;

import java.util.Objects;

/**
 * What an editor needs to underline a range and show a message: the shape of an LSP {@code Diagnostic}, an
 * IntelliJ {@code ProblemDescriptor} or an Eclipse {@code IMarker}. Lines and columns are 1-based, the end column is
 * exclusive.
 *
 * @param line        1-based line
 * @param startColumn 1-based first column of the option expression
 * @param endColumn   1-based column just after it
 * @param severity    how the editor shows it
 * @param code        stable id for suppressions and quick fixes, e.g. {@code SMC-SOCKOPT-TCP_FASTOPEN}
 * @param message     the text shown on hover / in the problems view
 */
public record EditorMarker(int line, int startColumn, int endColumn, Severity severity, String code, String message) {
    public EditorMarker {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (line < 1 || startColumn < 1 || endColumn < startColumn) {
            throw new IllegalArgumentException("bad range " + line + ":" + startColumn + "-" + endColumn);
        }
    }

    /** Editor severities (LSP DiagnosticSeverity 1..3). */
    public enum Severity {
        /** Red squiggle: the connection falls back to TCP. */
        ERROR,
        /** Yellow squiggle: works, but differently on SMC. */
        WARNING,
        /** Faint hint: supported, shown only on request. */
        INFORMATION
    }
}
