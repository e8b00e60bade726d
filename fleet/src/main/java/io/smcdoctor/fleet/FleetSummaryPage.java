package io.smcdoctor.fleet;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.html.Html;
import io.smcdoctor.html.HtmlPage;
import io.smcdoctor.html.SvgBarChart;
import java.text.MessageFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The {@link FleetSummary} as one self-contained HTML page in the style of {@code diagnose --format html} (the same
 * skeleton, stylesheet, script and Content-Security-Policy from {@link HtmlPage}): a summary line, causes by host count
 * (a bar chart and a table with since when), fallback reason codes by hosts and fallbacks, where SMC works, the host
 * pairs diagnosed together, and the unreadable bundles. Host names, bundle paths and errors come from the bundles and
 * their storage and are untrusted:
 * every text goes through {@link Html#text(String)}. Cause titles and reason-code names come from the catalog in the
 * page's language, else the table's English title. Stateless.
 */
final class FleetSummaryPage {
    private static final String BUNDLE = "io.smcdoctor.fleet.FleetPage";
    /** Causes drawn in the chart, most hosts first; the table lists all. */
    static final int CHART_CAUSES = 25;
    private static final DateTimeFormatter SEEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private FleetSummaryPage() {
    }

    /**
     * The page.
     *
     * @param summary   what the job computed
     * @param table     where the table was written (shown in the footer)
     * @param language  the page's language (fixed wording, cause titles, reason-code meanings)
     * @param catalog   the catalog the bundles were diagnosed with
     * @param generator who wrote the page, e.g. {@code smc-doctor fleet 0.1.0}
     */
    static String render(FleetSummary summary, String table, Language language, Catalog catalog, String generator) {
        Strings s = new Strings(language);
        StringBuilder sb = new StringBuilder(16 * 1024);
        sb.append("<header class=\"top\">\n");
        Html.element(sb, "h1", "", s.get("title")).append('\n');
        sb.append("<p class=\"summary\" id=\"summary\">");
        item(sb, "bundles", s.get("summary.bundles"), summary.bundles());
        item(sb, "hosts", s.get("summary.hosts"), summary.hosts());
        item(sb, "unreadable", s.get("summary.unreadable"), summary.unreadable());
        item(sb, "smc-works", s.get("summary.smcWorks"), summary.smcWorks().hosts());
        item(sb, "no-smc", s.get("summary.noSmc"), summary.noSmcSockets().hosts());
        if (summary.pairs().perBundleCap() > 0) {
            item(sb, "pairs", s.get("summary.pairs"), summary.pairs().diagnosed());
        }
        sb.append("</p>\n</header>\n<main>\n");
        causes(sb, s, summary, language, catalog);
        codes(sb, s, summary, language, catalog);
        hosts(sb, s, summary);
        pairs(sb, s, summary.pairs(), language, catalog);
        unreadable(sb, s, summary);
        sb.append("</main>\n<footer><p>").append(Html.text(s.get("generated", generator))).append(" · ")
                .append(Html.text(FleetSummary.SCHEMA)).append("<br>")
                .append(Html.text(s.get("table", table, summary.rows()))).append("</p></footer>");
        return HtmlPage.render(language.tag(), s.get("title"), generator, sb.toString());
    }

    private static void item(StringBuilder sb, String key, String label, long value) {
        sb.append("<span data-item=\"").append(key).append("\">").append(Html.text(label)).append(" <b>")
                .append(value).append("</b></span>");
    }

    private static void causes(StringBuilder sb, Strings s, FleetSummary summary, Language language,
                               Catalog catalog) {
        sb.append("<section class=\"card\" id=\"causes\">\n");
        Html.element(sb, "h2", "", s.get("causes.heading")).append('\n');
        if (summary.causes().isEmpty()) {
            Html.element(sb, "p", "muted", s.get("causes.none")).append("\n</section>\n");
            return;
        }
        List<SvgBarChart.Row> chart = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (FleetSummary.CauseCount c : summary.causes()) {
            String title = catalog.cause(c.id()).map(k -> k.title().get(language)).filter(t -> !t.isBlank())
                    .orElse(c.title());
            titles.add(title);
            // the id only: the titles are too long for the label column; the table below has them
            if (chart.size() < CHART_CAUSES) {
                chart.add(new SvgBarChart.Row(c.id(), "", List.of(c.hosts())));
            }
        }
        sb.append("<div class=\"chart-wrap\">").append(SvgBarChart.render(s.get("causes.chart"),
                List.of(s.get("causes.series")), List.of(s.get("causes.unit")), chart)).append("</div>\n");
        if (summary.causes().size() > CHART_CAUSES) {
            Html.element(sb, "p", "note", s.get("causes.chartTop", CHART_CAUSES, summary.causes().size()))
                    .append('\n');
        }
        Html.openDataTable(sb, Html.Column.text(s.get("causes.cause")), Html.Column.text(s.get("causes.title")),
                Html.Column.text(s.get("causes.severity")), Html.Column.number(s.get("causes.hosts")),
                Html.Column.number(s.get("causes.bundles")), Html.Column.text(s.get("causes.first")),
                Html.Column.text(s.get("causes.last")));
        for (int i = 0; i < summary.causes().size(); i++) {
            FleetSummary.CauseCount c = summary.causes().get(i);
            sb.append("<tr data-cause=\"").append(Html.text(c.id())).append("\" data-hosts=\"").append(c.hosts())
                    .append("\"><td><code>").append(Html.text(c.id())).append("</code></td>");
            Html.element(sb, "td", "", titles.get(i));
            Html.element(sb, "td", "sev " + Html.token(c.severity()), s.severity(c.severity()));
            Html.element(sb, "td", "num", Long.toString(c.hosts()));
            Html.element(sb, "td", "num", Long.toString(c.bundles()));
            Html.element(sb, "td", "", SEEN.format(c.firstSeen()));
            Html.element(sb, "td", "", SEEN.format(c.lastSeen()));
            sb.append("</tr>\n");
        }
        Html.closeDataTable(sb);
        Html.element(sb, "p", "note", s.get("causes.note")).append("\n</section>\n");
    }

    private static void codes(StringBuilder sb, Strings s, FleetSummary summary, Language language,
                              Catalog catalog) {
        sb.append("<section class=\"card\" id=\"codes\">\n");
        Html.element(sb, "h2", "", s.get("codes.heading")).append('\n');
        if (summary.reasonCodes().isEmpty()) {
            Html.element(sb, "p", "muted", s.get("codes.none")).append("\n</section>\n");
            return;
        }
        List<SvgBarChart.Row> chart = new ArrayList<>();
        List<String[]> names = new ArrayList<>();
        for (FleetSummary.CodeCount c : summary.reasonCodes()) {
            Optional<ReasonCode> rc = parse(c.code()).flatMap(catalog::reasonCode);
            String name = rc.map(FleetSummaryPage::shortName).orElse("");
            String title = rc.map(r -> r.title().get(language)).orElse("");
            names.add(new String[] {name, title});
            chart.add(new SvgBarChart.Row(c.code(), name, List.of(c.hosts(), c.sockets())));
        }
        sb.append("<div class=\"chart-wrap\">").append(SvgBarChart.render(s.get("codes.chart"),
                List.of(s.get("codes.hosts"), s.get("codes.sockets")),
                List.of(s.get("codes.unit.hosts"), s.get("codes.unit.sockets")), chart)).append("</div>\n");
        Html.openDataTable(sb, Html.Column.text(s.get("codes.code")), Html.Column.text(s.get("codes.name")),
                Html.Column.text(s.get("codes.title")), Html.Column.number(s.get("codes.hosts")),
                Html.Column.number(s.get("codes.sockets")));
        for (int i = 0; i < summary.reasonCodes().size(); i++) {
            FleetSummary.CodeCount c = summary.reasonCodes().get(i);
            sb.append("<tr data-code=\"").append(Html.text(c.code())).append("\"><td><code>")
                    .append(Html.text(c.code())).append("</code></td>");
            Html.element(sb, "td", "", names.get(i)[0]);
            Html.element(sb, "td", "", names.get(i)[1]);
            Html.element(sb, "td", "num", Long.toString(c.hosts()));
            Html.element(sb, "td", "num", Long.toString(c.sockets()));
            sb.append("</tr>\n");
        }
        Html.closeDataTable(sb);
        Html.element(sb, "p", "note", s.get("codes.note")).append("\n</section>\n");
    }

    /** The name smc-tools print for a code, else the kernel's without its prefix (as the report shows it). */
    private static String shortName(ReasonCode r) {
        if (!r.statsName().isEmpty()) {
            return r.statsName();
        }
        return r.name().startsWith("SMC_CLC_DECL_") ? r.name().substring("SMC_CLC_DECL_".length()) : r.name();
    }

    /** A {@code 0x%08x} code of the summary. */
    static Optional<Integer> parse(String hex) {
        if (!hex.startsWith("0x") || hex.length() != 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseUnsignedInt(hex.substring(2), 16));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void hosts(StringBuilder sb, Strings s, FleetSummary summary) {
        sb.append("<section class=\"card\" id=\"hosts\">\n");
        Html.element(sb, "h2", "", s.get("hosts.heading")).append('\n');
        Html.openDataTable(sb, Html.Column.text(s.get("hosts.group")), Html.Column.number(s.get("hosts.count")),
                Html.Column.text(s.get("hosts.sample")));
        group(sb, s, "smc-works", s.get("hosts.smcWorks"), summary.smcWorks());
        group(sb, s, "no-smc", s.get("hosts.noSmc"), summary.noSmcSockets());
        group(sb, s, "no-sockets", s.get("hosts.noSockets"), summary.noSockets());
        Html.closeDataTable(sb).append("</section>\n");
    }

    private static void group(StringBuilder sb, Strings s, String key, String label, FleetSummary.HostGroup g) {
        sb.append("<tr data-group=\"").append(key).append("\" data-hosts=\"").append(g.hosts()).append("\">");
        Html.element(sb, "td", "", label);
        Html.element(sb, "td", "num", Long.toString(g.hosts()));
        sb.append("<td>");
        for (int i = 0; i < g.sample().size(); i++) {
            sb.append(i == 0 ? "" : ", ");
            Html.element(sb, "code", "host", g.sample().get(i));
        }
        if (g.hosts() > g.sample().size()) {
            sb.append(' ');
            Html.element(sb, "span", "muted", s.get("hosts.more", g.hosts() - g.sample().size()));
        }
        sb.append("</td></tr>\n");
    }

    /** The host pairs: how many were found and diagnosed, their causes, the pairs joined most, the hubs. */
    private static void pairs(StringBuilder sb, Strings s, FleetSummary.Pairs p, Language language,
                              Catalog catalog) {
        sb.append("<section class=\"card\" id=\"pairs\">\n");
        Html.element(sb, "h2", "", s.get("pairs.heading")).append('\n');
        if (p.perBundleCap() == 0) {
            Html.element(sb, "p", "muted", s.get("pairs.off")).append("\n</section>\n");
            return;
        }
        if (p.candidates() == 0) {
            Html.element(sb, "p", "muted", s.get("pairs.none")).append("\n</section>\n");
            return;
        }
        Html.openDataTable(sb, Html.Column.text(s.get("pairs.what")), Html.Column.number(s.get("pairs.count")));
        count(sb, "found", s.get("pairs.found"), p.candidates());
        count(sb, "diagnosed", s.get("pairs.diagnosed"), p.diagnosed());
        count(sb, "related", s.get("pairs.related"), p.related());
        count(sb, "failed", s.get("pairs.failed"), p.failed());
        count(sb, "skipped", s.get("pairs.skipped", p.perBundleCap()), p.skippedByCap());
        count(sb, "hubs", s.get("pairs.hubs"), p.hubs());
        if (p.crowdedKeys() > 0) {
            count(sb, "crowded", s.get("pairs.crowded"), p.crowdedKeys());
        }
        Html.closeDataTable(sb);
        if (!p.causes().isEmpty()) {
            sb.append("<h4>").append(Html.text(s.get("pairs.causes"))).append("</h4>\n");
            Html.openDataTable(sb, Html.Column.text(s.get("pairs.cause")), Html.Column.text(s.get("pairs.title")),
                    Html.Column.text(s.get("pairs.severity")), Html.Column.number(s.get("pairs.pairs")));
            for (FleetSummary.PairCauseCount c : p.causes()) {
                String title = catalog.cause(c.id()).map(k -> k.title().get(language)).filter(t -> !t.isBlank())
                        .orElse(c.title());
                sb.append("<tr data-pair-cause=\"").append(Html.text(c.id())).append("\" data-pairs=\"")
                        .append(c.pairs()).append("\"><td><code>").append(Html.text(c.id())).append("</code></td>");
                Html.element(sb, "td", "", title);
                Html.element(sb, "td", "sev " + Html.token(c.severity()), s.severity(c.severity()));
                Html.element(sb, "td", "num", Long.toString(c.pairs()));
                sb.append("</tr>\n");
            }
            Html.closeDataTable(sb);
        }
        if (!p.sample().isEmpty()) {
            sb.append("<h4>").append(Html.text(s.get("pairs.sample"))).append("</h4>\n");
            Html.openDataTable(sb, Html.Column.text(s.get("pairs.hostA")), Html.Column.text(s.get("pairs.hostB")),
                    Html.Column.number(s.get("pairs.joined")), Html.Column.text(s.get("pairs.top")),
                    Html.Column.text(s.get("pairs.fixOn")));
            for (FleetSummary.PairSample x : p.sample()) {
                sb.append("<tr class=\"pair\" data-joined=\"").append(x.joined()).append("\">");
                hostCell(sb, x.hostA(), x.bundleA());
                hostCell(sb, x.hostB(), x.bundleB());
                Html.element(sb, "td", "num", Long.toString(x.joined()));
                sb.append("<td>");
                if (x.cause() != null) {
                    Html.element(sb, "code", "", x.cause());
                }
                sb.append("</td>");
                Html.element(sb, "td", "", String.join(", ", x.fixOn()));
                sb.append("</tr>\n");
            }
            Html.closeDataTable(sb);
        }
        if (!p.hubSample().isEmpty()) {
            sb.append("<h4>").append(Html.text(s.get("pairs.hubList"))).append("</h4>\n");
            Html.openDataTable(sb, Html.Column.text(s.get("pairs.bundle")), Html.Column.text(s.get("pairs.host")),
                    Html.Column.number(s.get("pairs.candidates")));
            for (FleetSummary.Hub h : p.hubSample()) {
                sb.append("<tr class=\"hub\" data-candidates=\"").append(h.candidates()).append("\"><td>");
                Html.element(sb, "code", "", h.bundle());
                sb.append("</td>");
                Html.element(sb, "td", "", h.host());
                Html.element(sb, "td", "num", Long.toString(h.candidates()));
                sb.append("</tr>\n");
            }
            Html.closeDataTable(sb);
        }
        Html.element(sb, "p", "note", s.get("pairs.note", FleetSummary.TOP)).append("\n</section>\n");
    }

    private static void count(StringBuilder sb, String key, String label, long value) {
        sb.append("<tr data-pairs-count=\"").append(key).append("\" data-value=\"").append(value).append("\">");
        Html.element(sb, "td", "", label);
        Html.element(sb, "td", "num", Long.toString(value));
        sb.append("</tr>\n");
    }

    private static void unreadable(StringBuilder sb, Strings s, FleetSummary summary) {
        sb.append("<section class=\"card\" id=\"unreadable\">\n");
        Html.element(sb, "h2", "", s.get("unreadable.heading")).append('\n');
        if (summary.unreadable() == 0) {
            Html.element(sb, "p", "muted", s.get("unreadable.none")).append("\n</section>\n");
            return;
        }
        Html.openDataTable(sb, Html.Column.text(s.get("unreadable.reason")),
                Html.Column.number(s.get("unreadable.bundles")), Html.Column.text(s.get("unreadable.example")));
        for (FleetSummary.ReasonCount r : summary.unreadableReasons()) {
            sb.append("<tr data-reason-bundles=\"").append(r.bundles()).append("\">");
            Html.element(sb, "td", "", r.reason());
            Html.element(sb, "td", "num", Long.toString(r.bundles()));
            sb.append("<td>");
            Html.element(sb, "code", "", r.example());
            sb.append("</td></tr>\n");
        }
        Html.closeDataTable(sb).append("<h4>").append(Html.text(s.get("unreadable.bundle"))).append("</h4>\n");
        Html.openDataTable(sb, Html.Column.text(s.get("unreadable.bundle")), Html.Column.text(s.get("unreadable.host")),
                Html.Column.text(s.get("unreadable.error")));
        for (FleetSummary.UnreadableBundle u : summary.unreadableBundles()) {
            sb.append("<tr class=\"unreadable\"><td>");
            Html.element(sb, "code", "", u.bundle());
            sb.append("</td>");
            Html.element(sb, "td", "", u.host());
            Html.element(sb, "td", "", u.error());
            sb.append("</tr>\n");
        }
        Html.closeDataTable(sb);
        Html.element(sb, "p", "note", s.get("unreadable.note", FleetSummary.TOP)).append("\n</section>\n");
    }

    /** A table cell with a host name and, below it, the bundle it was read from. */
    private static void hostCell(StringBuilder sb, String host, String bundle) {
        sb.append("<td>");
        Html.element(sb, "code", "host", host);
        sb.append("<br>");
        Html.element(sb, "span", "muted", bundle);
        sb.append("</td>");
    }

    /** The page's fixed wording in one language (no fallback to another language's file). */
    static final class Strings {
        private final ResourceBundle bundle;
        private final Locale locale;

        Strings(Language language) {
            this.locale = language == Language.JA ? Locale.JAPANESE : Locale.ROOT;
            this.bundle = bundle(locale);
        }

        static ResourceBundle bundle(Locale locale) {
            return ResourceBundle.getBundle(BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        }

        /** The text of a key with its arguments (used as given, never formatted as numbers). */
        String get(String key, Object... args) {
            String pattern = bundle.getString(key);
            if (args.length == 0) {
                return pattern;
            }
            Object[] texts = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                texts[i] = String.valueOf(args[i]);
            }
            return new MessageFormat(pattern, locale).format(texts);
        }

        String severity(String severity) {
            return bundle.containsKey("severity." + severity) ? get("severity." + severity) : severity;
        }
    }
}
