package io.smcdoctor.lsp;

import java.util.List;
import java.util.Objects;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.jspecify.annotations.Nullable;

/**
 * An open document: its text, version and the analysis of its current text. Edits (incremental or full) come from
 * the message thread; analyses run on the analysis thread; all access to the mutable state holds this object's
 * lock, and analysis itself runs on a {@link Snapshot} outside it.
 */
final class TextDocument {
    private final String uri;
    private final String languageId;
    private final StringBuilder text;
    private int version;
    /** Counts edits; the cache is keyed on it, not on the client's version numbers, which a client may repeat. */
    private long revision;
    private @Nullable String snapshotText;
    private @Nullable Analysis analysis;
    private boolean queued;

    TextDocument(String uri, String languageId, int version, String text) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.languageId = Objects.requireNonNull(languageId, "languageId");
        this.version = version;
        this.text = new StringBuilder(text);
        this.snapshotText = text;
    }

    String uri() {
        return uri;
    }

    String languageId() {
        return languageId;
    }

    /** The text and version at one moment. */
    record Snapshot(String uri, String languageId, int version, long revision, String text) {
    }

    synchronized Snapshot snapshot() {
        if (snapshotText == null) {
            snapshotText = text.toString();
        }
        return new Snapshot(uri, languageId, version, revision, snapshotText);
    }

    /**
     * Applies the changes of one {@code didChange} in order: a change with a range replaces that range, one without
     * replaces the whole text.
     */
    synchronized void apply(int newVersion, List<TextDocumentContentChangeEvent> changes) {
        for (TextDocumentContentChangeEvent c : changes) {
            String replacement = c.getText() == null ? "" : c.getText();
            Range r = c.getRange();
            if (r == null) {
                text.setLength(0);
                text.append(replacement);
            } else {
                int from = offset(r.getStart());
                int to = offset(r.getEnd());
                if (to < from) {
                    int t = from;
                    from = to;
                    to = t;
                }
                text.replace(from, to, replacement);
            }
        }
        version = newVersion;
        revision++;
        snapshotText = null;
    }

    /** Offset of a position in the current text, clamped as {@link LineIndex#offset(int, int)} does. */
    private int offset(@Nullable Position p) {
        if (p == null) {
            return 0;
        }
        int line = p.getLine();
        int col = Math.max(0, p.getCharacter());
        int n = text.length();
        int i = 0;
        int l = 0;
        while (l < line && i < n) {
            char c = text.charAt(i++);
            if (c == '\n') {
                l++;
            } else if (c == '\r') {
                if (i < n && text.charAt(i) == '\n') {
                    i++;
                }
                l++;
            }
        }
        if (l < line) {
            return n;
        }
        int lineEnd = i;
        while (lineEnd < n && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
            lineEnd++;
        }
        return Math.min(i + col, lineEnd);
    }

    /** The cached analysis if it is of this revision of the text. */
    synchronized @Nullable Analysis analysis(long ofRevision) {
        return analysis != null && analysis.revision() == ofRevision ? analysis : null;
    }

    /** Keeps an analysis unless one of a newer revision is already kept. */
    synchronized void keep(Analysis a) {
        if (analysis == null || a.revision() >= analysis.revision()) {
            analysis = a;
        }
    }

    /** Marks the document as waiting for the analysis thread; false when it already was. */
    synchronized boolean markQueued() {
        if (queued) {
            return false;
        }
        queued = true;
        return true;
    }

    synchronized void clearQueued() {
        queued = false;
    }
}
