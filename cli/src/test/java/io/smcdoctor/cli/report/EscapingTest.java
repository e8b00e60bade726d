package io.smcdoctor.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Untrusted text in the Markdown contexts of the reports: inline text and code (HTML escaping is tested with
 * {@code io.smcdoctor.html.Html}).
 */
class EscapingTest {
    @Test
    void markdownInline_htmlAndMarkup_areInert() {
        assertThat(MarkdownReport.inline("<img src=x onerror=alert(1)> **b** [l](javascript:x) a|b `c` #h ~s~ _i_ \\"))
                .isEqualTo("&lt;img src=x onerror=alert(1)&gt; \\*\\*b\\*\\* \\[l\\](javascript:x) a\\|b \\`c\\` \\#h"
                        + " \\~s\\~ \\_i\\_ \\\\");
    }

    @Test
    void markdownInline_lineBreaks_becomeSpaces() {
        assertThat(MarkdownReport.inline("one\ntwo\r\nthree")).isEqualTo("one two three");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "plain;`plain`",
        "a`b;``a`b``",
        "a``b`;``` a``b` ```",
        "`x;`` `x ``"})
    void markdownCode_fenceIsLongerThanAnyBacktickRun(String text, String expected) {
        assertThat(MarkdownReport.code(text, false)).isEqualTo(expected);
    }

    @Test
    void markdownCode_inTable_escapesThePipe() {
        assertThat(MarkdownReport.code("a|b", true)).isEqualTo("`a\\|b`");
        assertThat(MarkdownReport.code("a|b", false)).isEqualTo("`a|b`");
    }

    @Test
    void markdownCodeBlock_fenceOutlastsBackticksInTheLines() {
        StringBuilder sb = new StringBuilder();
        MarkdownReport.codeBlock(sb, "  ", "text", List.of("````", "x"));

        assertThat(sb.toString()).isEqualTo("  `````text\n  ````\n  x\n  `````\n");
    }
}
