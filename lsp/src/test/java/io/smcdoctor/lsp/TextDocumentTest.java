package io.smcdoctor.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

/** Incremental edits as the protocol defines positions: UTF-16 columns, \n, \r\n and \r line ends, clamping. */
class TextDocumentTest {
    private static TextDocumentContentChangeEvent edit(int l1, int c1, int l2, int c2, String text) {
        return new TextDocumentContentChangeEvent(new Range(new Position(l1, c1), new Position(l2, c2)), text);
    }

    private static String apply(String text, TextDocumentContentChangeEvent... changes) {
        TextDocument d = new TextDocument("file:///t.c", "c", 1, text);
        d.apply(2, List.of(changes));
        return d.snapshot().text();
    }

    @Test
    void crlfAndLoneCr_areLineEnds() {
        assertThat(apply("a\r\nb\r\nc", edit(1, 0, 1, 1, "B"))).isEqualTo("a\r\nB\r\nc");
        assertThat(apply("a\rb\rc", edit(2, 0, 2, 0, ">"))).isEqualTo("a\rb\r>c");
        assertThat(apply("a\r\nb", edit(0, 1, 1, 0, ""))).isEqualTo("ab");
    }

    @Test
    void columnsAreUtf16Units_aSurrogatePairCountsTwo() {
        // U+1F600 is two UTF-16 units; column 2 is just after it
        assertThat(apply("\uD83D\uDE00x", edit(0, 2, 0, 3, "y"))).isEqualTo("\uD83D\uDE00y");
    }

    @Test
    void positionsPastTheEnd_areClamped() {
        assertThat(apply("ab\ncd", edit(0, 99, 0, 99, "!"))).isEqualTo("ab!\ncd");
        assertThat(apply("ab\ncd", edit(7, 0, 9, 0, "!"))).isEqualTo("ab\ncd!");
    }

    @Test
    void changesOfOneNotification_applyInOrder_andNoRangeReplacesAll() {
        assertThat(apply("abc", edit(0, 0, 0, 1, "X"), edit(0, 1, 0, 2, "Y"))).isEqualTo("XYc");
        assertThat(apply("abc", new TextDocumentContentChangeEvent("new"), edit(0, 3, 0, 3, "!"))).isEqualTo("new!");
    }

    @Test
    void revisionCountsEdits_evenWhenTheClientRepeatsAVersion() {
        TextDocument d = new TextDocument("file:///t.c", "c", 5, "a");
        long r0 = d.snapshot().revision();
        d.apply(5, List.of(edit(0, 0, 0, 0, "b")));
        assertThat(d.snapshot().revision()).isEqualTo(r0 + 1);
        assertThat(d.snapshot().version()).isEqualTo(5);
    }

    @Test
    void lineIndex_mapsOffsetsBothWays() {
        LineIndex idx = LineIndex.of("ab\r\ncd\ref\ngh");
        assertThat(idx.lineCount()).isEqualTo(4);
        assertThat(idx.line(4)).isEqualTo(1);
        assertThat(idx.column(5)).isEqualTo(1);
        assertThat(idx.offset(2, 1)).isEqualTo(8);
        assertThat(idx.lineEnd(0)).isEqualTo(2);
        assertThat(idx.offset(0, 50)).isEqualTo(2);
        assertThat(idx.offset(9, 0)).isEqualTo(12);
    }
}
