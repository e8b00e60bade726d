package io.smcdoctor.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smcdoctor.Diagnosis;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.cli.Main;
import io.smcdoctor.html.Chromium;
import io.smcdoctor.html.HtmlPage;
import io.smcdoctor.html.PageChecks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The HTML reports in a real browser, headless Chromium (Debian package {@code chromium}; {@code .ci/run} installs it).
 * Every page is produced by the command line ({@code diagnose BUNDLE --format html -o FILE}) and loaded by one browser
 * start that prints the DOM after the load event, logs console messages on stderr and takes a screenshot; at most two
 * browsers run at once. The page's own script leaves marks on the root element: {@code data-ready} once it ran,
 * {@code data-script-error} on an uncaught error, {@code data-csp-violation} when the Content-Security-Policy blocked
 * something; an injected script would set {@code data-pwned}. The copy buttons are clicked over the DevTools protocol.
 *
 * <p>Skipped, with the reason printed, only when no browser is installed or it cannot start.
 */
class ReportBrowserTest {
    private static final Path OUT = Path.of("target", "report-browser");
    private static final Pattern BAR = Pattern.compile(
            "<g class=\"bar\" data-key=\"(0x[0-9a-f]{8})\" data-value=\"(-?\\d+)\">");
    private static final Pattern PANEL = Pattern.compile("<g class=\"panel\" data-series=\"(\\d)\">");

    private static Chromium chromium;
    private static ExecutorService pool;
    private static final Map<String, Future<Chromium.Load>> LOADS = new LinkedHashMap<>();

    @BeforeAll
    static void startBrowsers() {
        chromium = Chromium.startOrSkip(ReportBrowserTest.class, OUT);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** Writes the report of a bundle with the command line, then queues its load (two browsers at a time). */
    private static Future<Chromium.Load> loadReport(String name, Path bundle, String... flags) {
        return LOADS.computeIfAbsent(name + String.join("", flags), k -> {
            Path page = OUT.resolve(name + ".html");
            int exit = Main.run("diagnose", bundle.toString(), "--format", "html", "--lang", "en", "-o",
                    page.toString());
            assertThat(exit).as("diagnose " + bundle + " --format html").isZero();
            Path png = OUT.resolve(name + (flags.length == 0 ? "" : "-dark") + ".png");
            return pool.submit(() -> chromium.load(page, png, flags));
        });
    }

    private static Future<Chromium.Load> loadPage(String name, String html) {
        Path page = OUT.resolve(name + ".html");
        try {
            Files.writeString(page, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pool.submit(() -> chromium.load(page, OUT.resolve(name + ".png")));
    }

    @TestFactory
    Stream<DynamicTest> sampleReports_loadCleanlyAndShowTheDiagnosesAndTheChart() {
        List<Path> bundles = ReportFixtures.sampleBundles();
        assertThat(bundles).hasSizeGreaterThanOrEqualTo(13);
        Map<Path, Future<Chromium.Load>> loads = new LinkedHashMap<>();
        for (Path b : bundles) {
            loads.put(b, loadReport(b.getFileName().toString(), b));
        }
        return loads.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey().getFileName().toString(),
                () -> checkSample(e.getKey(), e.getValue().get())));
    }

    private static void checkSample(Path bundle, Chromium.Load load) throws IOException {
        DiagnosisReport report = ReportFixtures.diagnose(bundle, Language.EN);
        String dom = load.dom();
        PageChecks.assertLoadedCleanly(load);
        assertThat(report.diagnoses()).isNotEmpty();
        for (Diagnosis d : report.diagnoses()) {
            assertThat(dom).contains("data-id=\"" + d.id() + "\" data-rank=\"" + d.rank() + "\"",
                    "<h3>" + PageChecks.domText(d.title()) + "</h3>");
        }
        Map<Integer, Long> fallbacks = report.stats().fallbacks();
        if (fallbacks.isEmpty()) {
            assertThat(dom).doesNotContain("<svg class=\"chart\"").contains("No fallback to TCP in the evidence.");
        } else {
            checkChart(dom, fallbacks);
        }
        PageChecks.assertNotBlank(load);
    }

    /** The chart's bars are the report's fallback codes: the socket value, or the counter where no socket had it. */
    private static void checkChart(String dom, Map<Integer, Long> fallbacks) {
        assertThat(dom).contains("<svg class=\"chart\"");
        Map<String, Long> sockets = new TreeMap<>();
        Map<String, Long> counters = new TreeMap<>();
        Matcher panels = PANEL.matcher(dom);
        List<Integer> starts = new ArrayList<>();
        while (panels.find()) {
            starts.add(panels.start());
        }
        assertThat(starts).hasSize(2);
        Matcher bars = BAR.matcher(dom);
        while (bars.find()) {
            (bars.start() < starts.get(1) ? sockets : counters).put(bars.group(1), Long.parseLong(bars.group(2)));
        }
        Set<String> expected = new HashSet<>();
        fallbacks.keySet().forEach(c -> expected.add(ReasonCode.hex(c)));
        assertThat(sockets.keySet()).isEqualTo(expected);
        assertThat(counters.keySet()).isEqualTo(expected);
        fallbacks.forEach((code, n) -> {
            String hex = ReasonCode.hex(code);
            assertThat(sockets.get(hex) == (long) n || sockets.get(hex) <= 0 && counters.get(hex) == (long) n)
                    .as("%s: report %d, chart sockets %d, counters %d", hex, n, sockets.get(hex), counters.get(hex))
                    .isTrue();
        });
    }


    @Test
    void hostileEvidence_executesNoScript() throws Exception {
        Path bundle = ReportFixtures.hostileBundle(Files.createTempDirectory(OUT, "hostile-"));

        Chromium.Load load = loadReport("hostile-evidence", bundle).get();

        String dom = load.dom();
        assertThat(load.console()).as("console messages").isEmpty();
        assertThat(PageChecks.root(dom)).contains("data-ready=\"true\"").doesNotContain(ReportFixtures.MARKER, "data-csp-violation",
                "data-script-error");
        // the payloads are on the page as text, serialised escaped; no element came out of them
        assertThat(dom).contains(PageChecks.domText(ReportFixtures.SCRIPT), PageChecks.domText(ReportFixtures.IMG),
                "<title>SMC Doctor report — " + PageChecks.domText(ReportFixtures.HOST) + "</title>");
        assertThat(dom.split("<script", -1)).hasSize(2);
        assertThat(dom).doesNotContain("<img", "<svg onload");
        Chromium.delete(bundle);
    }

    /** The marker check can fail: the same payloads on a page without escaping and policy do run. */
    @Test
    void markerCheck_unescapedPayloadsWithoutPolicy_doRun() throws Exception {
        Chromium.Load load = loadPage("control-unsafe", "<!DOCTYPE html><title>unsafe</title><p>"
                + ReportFixtures.SCRIPT + "</p>").get();

        assertThat(PageChecks.root(load.dom())).contains(ReportFixtures.MARKER + "=\"script\"");
    }

    /**
     * The second line of defence: markup that reached one of our pages unescaped still does not run, because the
     * Content-Security-Policy allows only the page's own script; the page marks the violation.
     */
    @Test
    void policy_injectedMarkupInOurPage_isBlockedAndReported() throws Exception {
        String page = HtmlPage.render("en", "t", "g", "<p>" + ReportFixtures.SCRIPT + ReportFixtures.IMG + "</p>");

        Chromium.Load load = loadPage("control-policy", page).get();

        String root = PageChecks.root(load.dom());
        assertThat(root).doesNotContain(ReportFixtures.MARKER).contains("data-ready=\"true\"");
        // both payloads are blocked; the browser reports them in either order and the page keeps each one
        Matcher violations = Pattern.compile("data-csp-violation=\"([^\"]*)\"").matcher(root);
        assertThat(violations.find()).as("violations on %s", root).isTrue();
        assertThat(violations.group(1).split(", ")).anyMatch(v -> v.startsWith("script-src"))
                .anyMatch(v -> v.startsWith("img-src"));
        assertThat(load.console()).anyMatch(l -> l.contains("Content Security Policy"));
    }

    @Test
    void darkScheme_pageFollowsTheSystemPreference() throws Exception {
        Path bundle = ReportFixtures.BUNDLES.resolve("ipv6-fallback");
        Chromium.Load light = loadReport("ipv6-fallback", bundle).get();
        Chromium.Load dark = loadReport("ipv6-fallback", bundle, "--force-dark-mode").get();

        PageChecks.assertFollowsTheColourScheme(light, dark);
    }

    @Test
    void copyButtons_copyTheExactCommand_andPrintingOpensEverything() throws Exception {
        Path bundle = ReportFixtures.BUNDLES.resolve("ipv6-fallback");
        Path page = OUT.resolve("ipv6-fallback-copy.html");
        assertThat(Main.run("diagnose", bundle.toString(), "--format", "html", "--lang", "en", "-o", page.toString()))
                .isZero();
        Diagnosis top = ReportFixtures.diagnose(bundle, Language.EN).diagnoses().get(0);
        assertThat(top.commands()).hasSizeGreaterThan(1).anyMatch(c -> c.contains("<interface>"));

        try (DevTools browser = DevTools.open(chromium, page)) {
            browser.grantClipboard();
            browser.awaitLoaded();
            List<String> copied = new ArrayList<>();
            for (int i = 0; i < top.commands().size(); i++) {
                JsonNode r = browser.evaluate("(async () => {"
                        + " const b = document.querySelectorAll('details.dx[data-rank=\"1\"] button.copy')[" + i + "];"
                        + " b.click();"
                        + " for (let t = 0; t < 50 && b.textContent !== b.dataset.done; t++) {"
                        + "   await new Promise(r => setTimeout(r, 20)); }"
                        + " return [await navigator.clipboard.readText(), b.textContent]; })()");
                copied.add(r.get(0).asText());
                assertThat(r.get(1).asText()).isEqualTo("Copied");
            }
            assertThat(copied).isEqualTo(top.commands());

            JsonNode print = browser.evaluate("(() => {"
                    + " const closed = document.querySelectorAll('details:not([open])').length;"
                    + " window.dispatchEvent(new Event('beforeprint'));"
                    + " const open = document.querySelectorAll('details:not([open])').length;"
                    + " window.dispatchEvent(new Event('afterprint'));"
                    + " return [closed, open, document.querySelectorAll('details:not([open])').length]; })()");
            assertThat(print.get(0).asInt()).isPositive();
            assertThat(print.get(1).asInt()).isZero();
            assertThat(print.get(2).asInt()).isEqualTo(print.get(0).asInt());
            // the print style: no copy buttons on paper (on screen they show, the script being allowed to run)
            String display = "getComputedStyle(document.querySelector('button.copy')).display";
            assertThat(browser.evaluate(display).asText()).isNotEqualTo("none");
            browser.emulatePrint();
            assertThat(browser.evaluate(display).asText()).isEqualTo("none");
            assertThat(PageChecks.root(browser.evaluate("document.documentElement.outerHTML").asText()))
                    .doesNotContain("data-script-error", "data-csp-violation");
        }
    }
}
