package io.smcdoctor.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.catalog.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownReportTest {
    /** Fenced code blocks (any fence of three or more backticks, possibly indented): literal text in Markdown. */
    private static final Pattern FENCED = Pattern.compile("(?ms)^( *)(`{3,})[a-z]*\\n.*?^\\1\\2\\n");
    /** Code spans: literal text. */
    private static final Pattern SPAN = Pattern.compile("(`+) ?.*? ?\\1");
    /** HTML code elements (in the {@code <summary>} of collapsed evidence): HTML-escaped, no Markdown inside. */
    private static final Pattern HTML_CODE = Pattern.compile("<code>[^<]*</code>");
    /** A link: {@code ](} not behind a backslash. */
    private static final Pattern LINK = Pattern.compile("(?<!\\\\)\\]\\(");
    private static final Path GOLDEN = Path.of("src", "test", "resources", "report");

    @TempDir
    Path tmp;

    /**
     * The expected files were written from the bundles and checked line by line by hand: the summary and the fallback
     * table against smcss.txt and smcr-stats.txt (counted rows, counter values), every excerpt against the bundle file
     * at those line numbers, the diagnoses' wording, order and confidence against {@code diagnose --format json}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ipv6-fallback", "peer-declined"})
    void markdown_sampleBundle_isTheGoldenFile(String bundle) throws IOException {
        String expected = Files.readString(GOLDEN.resolve(bundle + ".en.md"), StandardCharsets.UTF_8);

        String markdown = ReportFixtures.document(ReportFixtures.BUNDLES.resolve(bundle), Language.EN).markdown();
        if (Boolean.getBoolean("smcdoctor.writeGolden")) {
            // after a change of the catalog or the rules: rewrite, then review the diff line by line as described above
            Files.writeString(Path.of("src/test/resources/report", bundle + ".en.md"), markdown, StandardCharsets.UTF_8);
            return;
        }

        assertThat(markdown).isEqualTo(expected);
    }

    @Test
    void markdown_hostileEvidence_hasNoMarkupOutsideCode() throws IOException {
        Path bundle = ReportFixtures.hostileBundle(tmp.resolve("hostile"));

        String markdown = ReportFixtures.document(bundle, Language.EN).markdown();
        String outsideCode = HTML_CODE.matcher(SPAN.matcher(FENCED.matcher(markdown).replaceAll("")).replaceAll(""))
                .replaceAll("");

        // the cited row, its neighbours, the host and the symptom all appear: in code, or escaped
        assertThat(markdown).contains("0x05000000/0x03030000  " + ReportFixtures.SCRIPT, ReportFixtures.IMG,
                "␛[31mred␛[0m ␇ ⟨U+202E⟩evil⟨U+202C⟩")
                .doesNotContain("\u001b", "\u202E", "\u0007");
        assertThat(outsideCode).doesNotContain("<script", "<img", "<svg", "onerror=\"")
                .contains("&quot;&gt;&lt;img src=x onerror=&quot;document.documentElement.setAttribute('data-pwned'");
        assertThat(LINK.matcher(outsideCode).find()).as("a link outside code").isFalse();
        // the cited symptom spans lines with a blank one: one line in the summary, so it cannot end the HTML block
        assertThat(markdown).contains("Still TCP over IPv6 addresses [click](javascript:alert(1)) | **bold** ``` x &quot;&gt;&lt;img"
                + " src=x onerror=&quot;document");
        for (String line : markdown.split("\n")) {
            if (line.startsWith("<details><summary>")) {
                assertThat(line).endsWith("</summary>");
            }
        }
        // a Markdown payload in a table cell cannot add a column: every row of the warnings table has two cells
        for (String line : markdown.split("\n")) {
            if (line.startsWith("| `smcss.txt:")) {
                assertThat(line.replace("\\|", "").chars().filter(c -> c == '|').count()).as(line).isEqualTo(3);
            }
        }
    }

    @Test
    void markdown_repeatedCitation_showsItsExcerptOnce() {
        String markdown = ReportFixtures.document(ReportFixtures.BUNDLES.resolve("ipv6-fallback"), Language.EN)
                .markdown();

        assertThat(markdown.split("<details><summary><code>smcss.txt:7</code>", -1)).hasSize(2);
        assertThat(markdown).contains("`smcss.txt:7` `ACTIVE ");
    }
}
