package io.smcdoctor.lsp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextEdit;

/** Applies LSP text edits to a '\n'-separated text the way a client does (for checking code actions). */
final class TextEdits {
    private TextEdits() {
    }

    static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparing((TextEdit e) -> offset(text, e.getRange().getStart())).reversed());
        StringBuilder sb = new StringBuilder(text);
        for (TextEdit e : sorted) {
            sb.replace(offset(text, e.getRange().getStart()), offset(text, e.getRange().getEnd()), e.getNewText());
        }
        return sb.toString();
    }

    static int offset(String text, Position p) {
        int off = 0;
        for (int line = 0; line < p.getLine(); line++) {
            off = text.indexOf('\n', off) + 1;
        }
        return off + p.getCharacter();
    }
}
