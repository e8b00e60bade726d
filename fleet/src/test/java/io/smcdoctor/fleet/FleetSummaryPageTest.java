package io.smcdoctor.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Cause;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.html.Html;
import io.smcdoctor.html.HtmlPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The summary page from hand-made summaries (no Spark): what it shows, in which words, and untrusted text as text. */
class FleetSummaryPageTest {
    private static final Catalog CATALOG = Catalog.bundled();
    /** A catalog cause with a reason code (its first), so that the page can name both. */
    private static final ReasonCode CODE = CATALOG.reasonCodes().stream().filter(r -> !r.causes().isEmpty())
            .filter(r -> !r.statsName().isEmpty()).findFirst().orElseThrow();
    private static final Cause CAUSE = CODE.causes().get(0);
    private static final Instant FIRST = Instant.parse("2026-11-24T02:00:17Z");
    private static final Instant LAST = Instant.parse("2026-11-26T02:01:05Z");

    /** A fleet of three hosts; host names, paths, errors and a rule pack's cause title carry markup. */
    static FleetSummary hostile() {
        String code = ReasonCode.hex(CODE.code());
        return new FleetSummary(5, 2, 3, 9,
                List.of(new FleetSummary.CauseCount(CAUSE.id(), CAUSE.title().en(), CAUSE.severity().json(), 2, 3,
                                FIRST, LAST),
                        new FleetSummary.CauseCount("site-policy", "<b>site</b> policy " + HostileBundles.SCRIPT,
                                "warning", 1, 1, FIRST, FIRST)),
                List.of(new FleetSummary.CodeCount(code, 2, 41), new FleetSummary.CodeCount("0x7fffffff", 1, 3)),
                new FleetSummary.HostGroup(1, List.of(HostileBundles.SCRIPT)),
                new FleetSummary.HostGroup(2, List.of("db-1", "web-1")),
                new FleetSummary.HostGroup(0, List.of()),
                List.of(new FleetSummary.ReasonCount("not a readable archive " + HostileBundles.IMG, 2,
                        "file:/b/" + HostileBundles.IMG + ".tar.gz")),
                List.of(new FleetSummary.UnreadableBundle("file:/b/" + HostileBundles.IMG + ".tar.gz",
                                HostileBundles.IMG,
                                "file:/b/" + HostileBundles.IMG + ".tar.gz: not a readable archive"),
                        new FleetSummary.UnreadableBundle("file:/b/x.zip", "x", "file:/b/x.zip: no zip signature")));
    }

    private static String render(FleetSummary s, Language language) {
        return FleetSummaryPage.render(s, "file:/out/" + HostileBundles.SCRIPT + "/diagnoses", language, CATALOG,
                "smc-doctor fleet (test)");
    }

    @Test
    void page_isSelfContained_underThePolicyOfTheReports() {
        String html = render(hostile(), Language.EN);

        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
                .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"" + HtmlPage.policy() + "\">")
                .contains("<title>SMC Doctor fleet summary</title>");
        // nothing loads from anywhere and nothing runs but the page's own script
        assertThat(html.split("<script", -1)).hasSize(2);
        // (untrusted text holds " src=" and " onerror=", escaped: never inside a tag)
        assertThat(Pattern.compile("<[^>]+\\s(src|href|style|on[a-z]+)=").matcher(html).find())
                .as("resource, style or event handler attribute").isFalse();
        assertThat(html).doesNotContain("url(", "@import");
    }

    @Test
    void untrustedText_isText_whereverItIsShown() {
        String html = render(hostile(), Language.EN);

        assertThat(html).doesNotContain(HostileBundles.SCRIPT, HostileBundles.IMG, "<img", "<b>site</b>");
        // the host of the SMC group, the unreadable bundle's path, host and error, the reason, the example, the
        // rule pack's title and the table's path: each escaped, once or more
        assertThat(count(html, Html.text(HostileBundles.SCRIPT))).isGreaterThanOrEqualTo(3);
        assertThat(count(html, Html.text(HostileBundles.IMG))).isGreaterThanOrEqualTo(5);
        assertThat(html).contains("<code class=\"host\">" + Html.text(HostileBundles.SCRIPT) + "</code>",
                Html.text("<b>site</b> policy "));
    }

    @Test
    void pairs_countsCausesSampleAndHubs_withHostNamesAsText_orSayPairingWasOff() {
        FleetSummary s = hostile();
        FleetSummary.Pairs pairs = new FleetSummary.Pairs(20, 31, 25, 24, 1, 6, 0, 1,
                List.of(new FleetSummary.Hub("file:/b/" + HostileBundles.IMG + ".tar.gz", HostileBundles.SCRIPT, 26)),
                List.of(new FleetSummary.PairCauseCount(CAUSE.id(), CAUSE.title().en(), CAUSE.severity().json(), 7)),
                List.of(new FleetSummary.PairSample(HostileBundles.SCRIPT, "file:/b/a.zip", "web-1",
                        "file:/b/" + HostileBundles.IMG, "joined", 12, CAUSE.id(), List.of(HostileBundles.SCRIPT))));
        FleetSummary with = new FleetSummary(s.bundles(), s.unreadable(), s.hosts(), s.rows(), s.causes(),
                s.reasonCodes(), s.smcWorks(), s.noSmcSockets(), s.noSockets(), s.unreadableReasons(),
                s.unreadableBundles(), pairs);

        for (Language language : Language.values()) {
            String html = render(with, language);

            assertThat(html).contains("<section class=\"card\" id=\"pairs\">",
                    "<tr data-pairs-count=\"found\" data-value=\"31\">",
                    "<tr data-pairs-count=\"diagnosed\" data-value=\"25\">",
                    "<tr data-pairs-count=\"skipped\" data-value=\"6\">",
                    "<tr data-pair-cause=\"" + CAUSE.id() + "\" data-pairs=\"7\"><td><code>" + CAUSE.id()
                            + "</code></td><td>" + Html.text(CAUSE.title().get(language)) + "</td>",
                    "<tr class=\"pair\" data-joined=\"12\"><td><code class=\"host\">"
                            + Html.text(HostileBundles.SCRIPT) + "</code>",
                    "<tr class=\"hub\" data-candidates=\"26\">")
                    .doesNotContain(HostileBundles.SCRIPT, HostileBundles.IMG, "<img");
            assertThat(html).doesNotContain("data-pairs-count=\"crowded\"");
        }
        assertThat(render(with, Language.JA)).contains("ホストペア");
        // a summary without pairing (pairsPerBundle 0) says so, and counts no pairs in its header
        String off = render(s, Language.EN);
        assertThat(off).contains("Pairing was off (--pairs-per-bundle 0).").doesNotContain("data-item=\"pairs\"");
    }

    @Test
    void causes_byHostCount_withTheCatalogTitleInThePageLanguage_elseTheTablesTitle() {
        for (Language language : Language.values()) {
            String html = render(hostile(), language);

            assertThat(html).contains("<tr data-cause=\"" + CAUSE.id() + "\" data-hosts=\"2\"><td><code>" + CAUSE.id()
                    + "</code></td><td>" + Html.text(CAUSE.title().get(language)) + "</td>");
            assertThat(html).contains("<g class=\"bar\" data-key=\"" + CAUSE.id() + "\" data-value=\"2\">",
                    "<g class=\"bar\" data-key=\"site-policy\" data-value=\"1\">",
                    "<tr data-cause=\"site-policy\" data-hosts=\"1\">");
            assertThat(html).contains("<td>2026-11-24 02:00Z</td><td>2026-11-26 02:01Z</td>");
        }
        assertThat(render(hostile(), Language.JA)).startsWith("<!DOCTYPE html>\n<html lang=\"ja\">")
                .contains("<title>SMC Doctor フリート概要</title>", "ホスト数で見る原因",
                        "<td class=\"sev " + CAUSE.severity().json() + "\">");
    }

    @Test
    void manyCauses_theChartDrawsTheTopOnes_theTableListsAll() {
        FleetSummary s = hostile();
        List<FleetSummary.CauseCount> many = new ArrayList<>();
        for (int i = 0; i < FleetSummaryPage.CHART_CAUSES + 5; i++) {
            many.add(new FleetSummary.CauseCount(String.format(Locale.ROOT, "cause-%02d", i), "Cause " + i, "problem",
                    100 - i, 100 - i, FIRST, LAST));
        }
        String html = render(new FleetSummary(s.bundles(), s.unreadable(), s.hosts(), s.rows(), many,
                List.of(), s.smcWorks(), s.noSmcSockets(), s.noSockets(), s.unreadableReasons(),
                s.unreadableBundles()), Language.EN);

        assertThat(html.split("<tr data-cause=", -1)).hasSize(many.size() + 1);
        assertThat(html.split("<g class=\"bar\"", -1)).hasSize(FleetSummaryPage.CHART_CAUSES + 1);
        assertThat(html).contains("<g class=\"bar\" data-key=\"cause-24\" data-value=\"76\">")
                .doesNotContain("data-key=\"cause-25\"")
                .contains("The chart shows the 25 causes on the most hosts; the table lists all 30.");
    }

    @Test
    void reasonCodes_byHostsAndFallbacks_namedFromTheCatalog_unknownCodesByNumberOnly() {
        String code = ReasonCode.hex(CODE.code());
        String html = render(hostile(), Language.JA);

        assertThat(html).contains("<tr data-code=\"" + code + "\"><td><code>" + code + "</code></td><td>"
                + Html.text(CODE.statsName()) + "</td><td>" + Html.text(CODE.title().get(Language.JA))
                + "</td><td class=\"num\">2</td><td class=\"num\">41</td></tr>");
        assertThat(html).contains("<tr data-code=\"0x7fffffff\"><td><code>0x7fffffff</code></td><td></td><td></td>");
        // two panels (hosts, fallbacks), each bar with its value
        assertThat(barValues(html, code)).containsExactly(2L, 41L);
    }

    @Test
    void hosts_countsAndFirstNames_andHowManyMore() {
        FleetSummary s = hostile();
        String html = render(new FleetSummary(s.bundles(), s.unreadable(), 45, s.rows(), s.causes(), s.reasonCodes(),
                new FleetSummary.HostGroup(45, List.of("a", "b")), s.noSmcSockets(), s.noSockets(),
                s.unreadableReasons(), s.unreadableBundles()), Language.EN);

        assertThat(html).contains("<tr data-group=\"smc-works\" data-hosts=\"45\"><td>At least one socket in SMC-R"
                + " or SMC-D mode</td><td class=\"num\">45</td><td><code class=\"host\">a</code>, <code class=\"host\">"
                + "b</code> <span class=\"muted\">and 43 more</span></td></tr>");
        assertThat(html).contains("<tr data-group=\"no-sockets\" data-hosts=\"0\">");
        assertThat(html).contains("<span data-item=\"hosts\">Hosts <b>45</b></span>",
                "<span data-item=\"smc-works\">Hosts where SMC works <b>45</b></span>",
                "<span data-item=\"no-smc\">Hosts without SMC sockets <b>2</b></span>");
    }

    @Test
    void emptySummary_saysSoInEachSection() {
        FleetSummary none = new FleetSummary(1, 0, 1, 1, List.of(), List.of(), new FleetSummary.HostGroup(0, List.of()),
                new FleetSummary.HostGroup(1, List.of("h")), new FleetSummary.HostGroup(1, List.of("h")), List.of(),
                List.of());

        String html = render(none, Language.EN);

        assertThat(html).contains("No cause was diagnosed in any readable bundle.",
                "No fallback to TCP in any readable bundle.", "Every bundle could be read.")
                .doesNotContain("<svg class=\"chart\"");
    }

    @Test
    void wording_hasTheSameKeysInEnglishAndJapanese() {
        Set<String> en = new HashSet<>(FleetSummaryPage.Strings.bundle(Locale.ROOT).keySet());
        Set<String> ja = new HashSet<>(FleetSummaryPage.Strings.bundle(Locale.JAPANESE).keySet());

        assertThat(ja).isEqualTo(en);
        for (String key : ja) {
            assertThat(FleetSummaryPage.Strings.bundle(Locale.JAPANESE).getString(key)).as(key)
                    .isNotEqualTo(FleetSummaryPage.Strings.bundle(Locale.ROOT).getString(key));
        }
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    private static List<Long> barValues(String html, String key) {
        Matcher m = Pattern.compile("<g class=\"bar\" data-key=\"" + Pattern.quote(key) + "\" data-value=\"(\\d+)\">")
                .matcher(html);
        List<Long> values = new ArrayList<>();
        while (m.find()) {
            values.add(Long.parseLong(m.group(1)));
        }
        return values;
    }
}
