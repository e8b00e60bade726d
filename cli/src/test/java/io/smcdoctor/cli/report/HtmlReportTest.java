package io.smcdoctor.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.Diagnosis;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.DiagnosisReport.MissingEvidence;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.html.Html;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HtmlReportTest {
    private static final Pattern SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);
    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);
    private static final Pattern CSP = Pattern.compile(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">");
    /** A start tag with an attribute whose name starts with "on": an inline event handler. */
    private static final Pattern HANDLER = Pattern.compile("<[a-zA-Z][^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Path IPV6 = ReportFixtures.BUNDLES.resolve("ipv6-fallback");

    @TempDir
    Path tmp;

    static Stream<Path> samples() {
        return ReportFixtures.sampleBundles().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void html_policy_allowsExactlyTheInlineScriptAndStyleOfThePage(Path bundle) throws Exception {
        String html = ReportFixtures.document(bundle, Language.EN).html();

        List<String> scripts = all(SCRIPT, html);
        List<String> styles = all(STYLE, html);
        assertThat(scripts).hasSize(1);
        assertThat(styles).hasSize(1);
        Matcher csp = CSP.matcher(html);
        assertThat(csp.find()).isTrue();
        assertThat(csp.group(1)).isEqualTo("default-src 'none'; script-src 'sha256-" + sha256(scripts.get(0))
                + "'; style-src 'sha256-" + sha256(styles.get(0)) + "'; base-uri 'none'; form-action 'none'");
        assertThat(html.indexOf("Content-Security-Policy")).isLessThan(html.indexOf("<style>"));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void html_noHandlerNoStyleAttributeNoExternalResource(Path bundle) {
        String html = ReportFixtures.document(bundle, Language.EN).html();
        // the SVG namespace name is an identifier, never fetched
        String withoutNamespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");

        assertThat(HANDLER.matcher(html).find()).isFalse();
        assertThat(withoutNamespace).doesNotContain(" style=", " src=", " href=", "url(", "@import", "<link", "<img",
                "<iframe", "<object", "<embed");
        // a URL may be text (a catalog reference to a mailing-list thread), never inside a tag where a browser would use it
        assertThat(Pattern.compile("<[^>]*https?://").matcher(withoutNamespace).find()).as("a URL inside a tag").isFalse();
    }

    @Test
    void html_ipv6Sample_showsEverythingTheDiagnosisSays() {
        DiagnosisReport report = ReportFixtures.diagnose(IPV6, Language.EN);
        String html = ReportFixtures.document(IPV6, Language.EN).html();

        assertThat(report.diagnoses()).hasSizeGreaterThan(3);
        for (Diagnosis d : report.diagnoses()) {
            assertThat(html).contains("data-id=\"" + d.id() + "\" data-rank=\"" + d.rank() + "\"",
                    "<h3>" + Html.text(d.title()) + "</h3>", "<b>" + String.format("%.2f", d.confidence()) + "</b>");
            for (Provenance p : d.evidence().subList(0, Math.min(d.evidence().size(), ReportDocument.MAX_EVIDENCE))) {
                assertThat(html).contains("<code class=\"loc\">" + Html.text(p.toString()) + "</code>");
            }
            d.commands().forEach(c -> assertThat(html).contains("<code>" + Html.text(c) + "</code></pre><button"));
        }
        for (MissingEvidence m : report.missingEvidence()) {
            assertThat(html).contains("\"><label for=\"missing-", ">" + Html.text(m.what()) + "</label>");
        }
        // the top three open, the others collapsed
        assertThat(html).contains("data-rank=\"3\" open>", "data-rank=\"4\">");
    }

    @Test
    void html_ipv6Sample_fallbacksAreTheListingsAndTheCountersOfTheBundle() {
        // counted by hand in samples/bundles/ipv6-fallback: smcss.txt has 5 rows 'TCP 0x03030000' and 3 rows
        // 'TCP 0x05000000/0x03030000' (a pair counts under both codes); smcr-stats.txt has Server PEERDECL 3129,
        // Server PEER_NO_SMC 37, Client NOSMCDEV 4120
        String html = ReportFixtures.document(IPV6, Language.EN).html();

        assertThat(html).contains(
                "<tr data-code=\"0x03030000\"><td><code>0x03030000</code></td><td>NOSMCDEV</td>"
                        + "<td>No SMC device (SMC-D or SMC-R) available</td><td class=\"num\">8</td>"
                        + "<td class=\"num\">4120</td></tr>",
                "<tr data-code=\"0x05000000\"><td><code>0x05000000</code></td><td>PEERDECL</td>"
                        + "<td>The peer declined the SMC handshake</td><td class=\"num\">3</td>"
                        + "<td class=\"num\">3129</td></tr>",
                "<tr data-code=\"0x03010000\"><td><code>0x03010000</code></td><td>PEER_NO_SMC</td>"
                        + "<td>The peer does not support or use SMC</td><td class=\"num\">0</td>"
                        + "<td class=\"num\">37</td></tr>");
        assertThat(html.indexOf("data-code=\"0x03030000\"")).isLessThan(html.indexOf("data-code=\"0x05000000\""));
        assertThat(html).contains("<g class=\"bar\" data-key=\"0x03030000\" data-value=\"8\">",
                "<g class=\"bar\" data-key=\"0x03030000\" data-value=\"4120\">");
        assertThat(html).contains("Host <b>iZbp14qf8x2u7k0m9vjd3eZ</b>", "Kernel <b>5.10.134-16.3.al8.x86_64</b>",
                "Sockets <b>14</b>", "SMC <b>6 (43 %)</b>", "Fallback sockets <b>8</b>");
    }

    @Test
    void html_citedLine_expandsToTheFileAroundIt() throws IOException {
        List<String> sysctl = Files.readAllLines(IPV6.resolve("sysctl.txt"));
        String html = ReportFixtures.document(IPV6, Language.EN).html();

        // sysctl.txt:13 with lines 9..17 of the file, the cited one marked
        StringBuilder expected = new StringBuilder("<summary><code class=\"loc\">sysctl.txt:13</code><code>"
                + "net.ipv6.conf.all.disable_ipv6 = 0</code></summary><pre class=\"excerpt\" aria-label=\"sysctl.txt,"
                + " lines 9–17\">");
        for (int n = 9; n <= 17; n++) {
            expected.append("<span class=\"l").append(n == 13 ? " hit" : "").append("\"><span class=\"ln\">").append(n)
                    .append("</span>").append(Html.text(sysctl.get(n - 1))).append("</span>");
        }
        assertThat(html).contains(expected.append("</pre>"));
    }

    @Test
    void html_smcssWindow_keepsTheColumnHeader() {
        String html = ReportFixtures.document(IPV6, Language.EN).html();

        assertThat(html).contains("aria-label=\"smcss.txt, lines 1–16\"><span class=\"l\"><span class=\"ln\">1</span>"
                + "State          UID   Inode   Local Address           Peer Address            Intf Mode </span>"
                + "<span class=\"l gap\"><span class=\"ln\">⋮</span></span><span class=\"l\"><span class=\"ln\">8</span>");
    }

    @Test
    void html_hostileEvidence_isTextEverywhere() throws IOException {
        Path bundle = ReportFixtures.hostileBundle(tmp.resolve("hostile"));

        String html = ReportFixtures.document(bundle, Language.EN).html();

        assertThat(all(SCRIPT, html)).hasSize(1);
        assertThat(HANDLER.matcher(html).find()).isFalse();
        assertThat(html).doesNotContain("<img", "<svg onload", "'><svg", "\"><img", "<script>document");
        assertThat(html)
                .contains("<title>SMC Doctor report — &quot;&gt;&lt;img/src/onerror=document.documentElement"
                        + ".setAttribute(&#39;data-pwned&#39;,&#39;host&#39;)&gt;</title>")
                .contains("0x05000000/0x03030000  &lt;script&gt;document.documentElement.setAttribute(&#39;data-pwned"
                        + "&#39;,&#39;script&#39;)&lt;/script&gt;</code></summary>")
                .contains("<td>unrecognised line skipped (not smcss output): &#39;&quot;&gt;&lt;img src=x onerror=")
                .contains("net.hostile.value = &lt;script&gt;")
                .contains("␛[31mred␛[0m ␇ ⟨U+202E⟩evil⟨U+202C⟩")
                .doesNotContain("\u001b", "\u202E", "\u0007", "A".repeat(500));
    }

    @Test
    void html_japanese_isJapaneseThroughout() {
        DiagnosisReport report = ReportFixtures.diagnose(IPV6, Language.JA);
        String html = ReportFixtures.document(IPV6, Language.JA).html();

        assertThat(html).contains("<html lang=\"ja\">", "<h2>原因コード別のフォールバック</h2>", "<h2>診断</h2>",
                "ホスト <b>iZbp14qf8x2u7k0m9vjd3eZ</b>", "確信度 <b>", "data-label=\"コピー\"");
        assertThat(html).contains("<h3>" + Html.text(report.diagnoses().get(0).title()) + "</h3>");
        assertThat(report.diagnoses().get(0).title()).isNotEqualTo(ReportFixtures.diagnose(IPV6, Language.EN)
                .diagnoses().get(0).title());
        assertThat(html).doesNotContain(">Evidence<", ">Fix<", "Fallbacks by reason code");
    }

    @Test
    void html_zipOfTheBundle_showsTheSameExcerptsAsTheDirectory() throws IOException {
        Path zip = tmp.resolve("case-4711.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
             Stream<Path> files = Files.list(IPV6)) {
            for (Path f : files.sorted().toList()) {
                out.putNextEntry(new ZipEntry("case-4711/" + f.getFileName()));
                Files.copy(f, (OutputStream) out);
                out.closeEntry();
            }
        }

        assertThat(ReportFixtures.document(zip, Language.EN).html())
                .isEqualTo(ReportFixtures.document(IPV6, Language.EN).html())
                .contains("<pre class=\"excerpt\"");
    }

    @Test
    void html_liveEvidence_showsTheLinesWithoutExcerpts() {
        Evidence evidence = EvidenceBundle.read(IPV6);
        DiagnosisReport report = ReportFixtures.diagnoser(Language.EN).diagnose(evidence);

        String html = ReportDocument.of(report, evidence, Catalog.bundled(), List.of(), "g").html();

        assertThat(html).doesNotContain("<pre class=\"excerpt\"").contains("<li><code class=\"loc\">smcss.txt:7</code>");
    }

    @Test
    void html_bigBundle_pageStaysBounded() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("big"));
        StringBuilder smcss = new StringBuilder("State          UID   Inode   Local Address           Peer Address"
                + "            Intf Mode \n");
        for (int i = 0; i < 20_000; i++) {
            smcss.append(String.format("ACTIVE         01000 %07d 10.0.%d.%d:%d        10.1.0.9:6379           0000"
                    + " TCP 0x0%d010000%n", 1_000_000 + i, i / 250, i % 250, 20000 + i % 30000, 3 + i % 2));
            if (i % 20 == 0) {
                smcss.append("garbage ").append("<b>".repeat(3000)).append('\n');
            }
        }
        Files.writeString(dir.resolve("smcss.txt"), smcss);

        ReportDocument doc = ReportFixtures.document(dir, Language.EN);
        String html = doc.html();
        String markdown = doc.markdown();

        assertThat(doc.report().warnings()).hasSizeGreaterThan(ReportDocument.MAX_WARNINGS);
        assertThat(html.length()).isLessThan(1_000_000);
        assertThat(html).contains((doc.report().warnings().size() - ReportDocument.MAX_WARNINGS) + " more warnings");
        assertThat(markdown.length()).isLessThan(65_536);
        assertThat(markdown).contains((doc.report().warnings().size() - MarkdownReport.MAX_WARNINGS) + " more warnings");
    }

    private static List<String> all(Pattern p, String s) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String sha256(String s) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
