package io.smcdoctor.evidence.internal;

/**
 * Parses one kind of text input line by line. Implementations are stateless and thread-safe: per-file state
 * lives in the {@link LineSink} returned by {@link #open(ParseContext)}. Parsers never throw on content; what
 * they cannot use becomes a warning with the line number.
 */
public interface TextParser {
    /** Starts parsing one file. */
    LineSink open(ParseContext ctx);

    /** Receives lines of one file in order, then {@link #end()}. */
    interface LineSink extends TextLines.LineHandler {
        /** Called once after the last line (flush multi-line records, warn about truncation). */
        default void end() {
        }
    }
}
