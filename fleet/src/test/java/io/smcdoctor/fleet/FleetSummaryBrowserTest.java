package io.smcdoctor.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Cause;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.html.Chromium;
import io.smcdoctor.html.PageChecks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fleet summary page in a real browser, headless Chromium (Debian package {@code chromium}; {@code .ci/run}
 * installs it), as the report pages are tested: a small fleet (generated bundles and the hostile ones, markup as a
 * host name and as a file name among them) goes through the job in local mode, in English and in Japanese, and each
 * {@code summary.html} is loaded by one browser start that prints the DOM after the load event, logs console messages
 * and takes a screenshot. The page's own script marks the root element ({@code data-ready}; {@code data-script-error},
 * {@code data-csp-violation} on trouble); an injected script would set {@link PageChecks#MARKER}.
 *
 * <p>Skipped, with the reason printed ({@link Chromium#startOrSkip}), only when no browser is installed or it cannot
 * start (before Spark starts).
 */
class FleetSummaryBrowserTest {
    private static final Path OUT = Path.of("target", "fleet-browser");

    private static Chromium chromium;
    private static FleetRun en;
    private static FleetRun ja;

    @BeforeAll
    static void runTheFleetInBothLanguages() throws IOException {
        chromium = Chromium.startOrSkip(FleetSummaryBrowserTest.class, OUT);

        Path work = Files.createTempDirectory(OUT.toAbsolutePath(), "fleet-");
        Path root = Files.createDirectories(work.resolve("bundles"));
        new FleetGenerator(Path.of("")).generate(root, 30, 0);
        Map<String, byte[]> good = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("../samples/bundles/ipv6-fallback"))) {
            for (Path f : files.toList()) {
                good.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        HostileBundles.write(root.resolve("hostile"), good);
        SparkSession spark = LocalSpark.session();
        en = FleetJob.builder().inputs(List.of(root.toString())).output(work.resolve("en").toString())
                .limits(FleetJobTest.LIMITS).build().run(spark);
        ja = FleetJob.builder().inputs(List.of(root.toString())).output(work.resolve("ja").toString())
                .limits(FleetJobTest.LIMITS).language(Language.JA).build().run(spark);
    }

    @AfterAll
    static void clean() {
        if (en != null) {
            Chromium.delete(Path.of(en.summaryPage()).getParent().getParent());
        }
    }

    private static Chromium.Load load(FleetRun run, String name, String... flags) {
        return chromium.load(Path.of(run.summaryPage()), OUT.resolve(name + ".png"), flags);
    }

    @Test
    void englishPage_loadsCleanly_andShowsCausesByHostsCodesAndUnreadableBundles() throws IOException {
        Chromium.Load load = load(en, "fleet-en");

        PageChecks.assertLoadedCleanly(load);
        String dom = load.dom();
        FleetSummary s = en.summary();
        assertThat(s.causes()).hasSizeGreaterThan(5);
        for (int i = 0; i < s.causes().size(); i++) {
            FleetSummary.CauseCount c = s.causes().get(i);
            assertThat(dom).contains("<tr data-cause=\"" + c.id() + "\" data-hosts=\"" + c.hosts() + "\">");
            String bar = "<g class=\"bar\" data-key=\"" + c.id() + "\" data-value=\"" + c.hosts() + "\">";
            if (i < FleetSummaryPage.CHART_CAUSES) {
                assertThat(dom).contains(bar);
            } else {
                assertThat(dom).doesNotContain(bar);
            }
        }
        for (FleetSummary.CodeCount c : s.reasonCodes()) {
            assertThat(dom).contains("<tr data-code=\"" + c.code() + "\">",
                    "<g class=\"bar\" data-key=\"" + c.code() + "\" data-value=\"" + c.hosts() + "\">",
                    "<g class=\"bar\" data-key=\"" + c.code() + "\" data-value=\"" + c.sockets() + "\">");
        }
        assertThat(s.unreadable()).isPositive();
        assertThat(dom.split("<tr class=\"unreadable\">", -1)).hasSize((int) s.unreadable() + 1);
        assertThat(dom).contains("<span data-item=\"bundles\">Bundles <b>" + s.bundles() + "</b></span>");
        PageChecks.assertNotBlank(load);
    }

    @Test
    void markupFromTheBundles_isShownAsText_andRunsNothing() {
        Chromium.Load load = load(en, "fleet-en-markup");

        PageChecks.assertLoadedCleanly(load);
        assertThat(load.dom()).contains(PageChecks.domText(HostileBundles.SCRIPT),
                PageChecks.domText(HostileBundles.IMG)).doesNotContain("<img");
        assertThat(load.dom().split("<script", -1)).hasSize(2);
    }

    /** The marker check can fail: the same payloads on a page without escaping and policy do run. */
    @Test
    void markerCheck_unescapedPayloadsWithoutPolicy_doRun() throws IOException {
        Path page = Files.writeString(OUT.resolve("control-unsafe.html"), "<!DOCTYPE html><title>unsafe</title><p>"
                + HostileBundles.SCRIPT + "</p>", StandardCharsets.UTF_8);

        Chromium.Load load = chromium.load(page, OUT.resolve("control-unsafe.png"));

        assertThat(PageChecks.root(load.dom())).contains(PageChecks.MARKER + "=\"script\"");
    }

    @Test
    void japanesePage_showsTheWordingAndTheCatalogTitlesInJapanese() throws IOException {
        Chromium.Load load = load(ja, "fleet-ja");

        PageChecks.assertLoadedCleanly(load);
        String dom = load.dom();
        assertThat(dom).contains("<html lang=\"ja\"", "<title>SMC Doctor フリート概要</title>", "ホスト数で見る原因",
                "フォールバックの原因コード", "読めないバンドル");
        Catalog catalog = Catalog.bundled();
        long shown = 0;
        for (FleetSummary.CauseCount c : ja.summary().causes()) {
            Optional<Cause> cause = catalog.cause(c.id());
            if (cause.isPresent()) {
                assertThat(dom).contains("<td>" + PageChecks.domText(cause.get().title().ja()) + "</td>");
                shown++;
            }
        }
        assertThat(shown).isPositive();
        PageChecks.assertNotBlank(load);
    }

    @Test
    void darkScheme_pageFollowsTheSystemPreference() throws IOException {
        Chromium.Load light = load(en, "fleet-en-light");
        Chromium.Load dark = load(en, "fleet-en-dark", "--force-dark-mode");

        PageChecks.assertFollowsTheColourScheme(light, dark);
    }
}
