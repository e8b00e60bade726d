package io.smcdoctor.cli.report;

import io.smcdoctor.Diagnosis;
import io.smcdoctor.Diagnosis.SuggestedRemedy;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.DiagnosisReport.MissingEvidence;
import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.internal.SourceExcerpts;
import io.smcdoctor.html.Html;
import io.smcdoctor.html.HtmlPage;
import io.smcdoctor.html.SvgBarChart;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link ReportDocument} as one HTML page with {@link HtmlPage}: every text, trusted or not, through
 * {@link Html#text(String)}; no inline event handler, no {@code style} attribute. Stateless.
 */
final class HtmlReport {
    /** Diagnoses shown open; the others start collapsed. */
    static final int OPEN = 3;

    private HtmlReport() {
    }

    static String render(ReportDocument doc) {
        ReportStrings s = doc.strings();
        DiagnosisReport report = doc.report();
        StringBuilder sb = new StringBuilder(32 * 1024);
        summary(sb, doc);
        sb.append("<main>\n");
        fallbacks(sb, doc);
        diagnoses(sb, doc);
        missing(sb, doc);
        warnings(sb, doc);
        sb.append("</main>\n<footer><p>").append(Html.text(s.get("generated", doc.generator()))).append(" · ")
                .append(Html.text(DiagnosisReport.SCHEMA)).append("</p></footer>");
        String title = s.get("title") + (doc.hosts().isEmpty() ? "" : " — " + String.join(", ", doc.hosts()));
        return HtmlPage.render(report.language().tag(), title, doc.generator(), sb.toString());
    }

    private static void summary(StringBuilder sb, ReportDocument doc) {
        ReportStrings s = doc.strings();
        sb.append("<header class=\"top\">\n");
        Html.element(sb, "h1", "", s.get("title")).append('\n');
        sb.append("<p class=\"summary\" id=\"summary\">");
        item(sb, "host", s.get("summary.host"), doc.hosts().isEmpty() ? s.get("summary.unknown")
                : String.join(", ", doc.hosts()));
        item(sb, "kernel", s.get("summary.kernel"), doc.kernels().isEmpty() ? s.get("summary.unknown")
                : String.join(", ", doc.kernels()));
        item(sb, "sockets", s.get("summary.sockets"), Long.toString(doc.report().stats().sockets()));
        item(sb, "smc", s.get("summary.smc"), doc.report().stats().smcSockets()
                + doc.smcShare().map(p -> " (" + p + ")").orElse(""));
        item(sb, "fallbacks", s.get("summary.fallbacks"), Long.toString(doc.fallbackSockets()));
        sb.append("</p>\n</header>\n");
    }

    private static void item(StringBuilder sb, String key, String label, String value) {
        sb.append("<span data-item=\"").append(key).append("\">").append(Html.text(label)).append(" <b>")
                .append(Html.text(value)).append("</b></span>");
    }

    private static void fallbacks(StringBuilder sb, ReportDocument doc) {
        ReportStrings s = doc.strings();
        sb.append("<section class=\"card\" id=\"fallbacks\">\n");
        Html.element(sb, "h2", "", s.get("fallbacks.heading")).append('\n');
        List<ReportDocument.FallbackRow> rows = doc.fallbacks();
        if (rows.isEmpty()) {
            Html.element(sb, "p", "muted", s.get("fallbacks.none")).append("\n</section>\n");
            return;
        }
        List<SvgBarChart.Row> chart = new ArrayList<>();
        for (ReportDocument.FallbackRow r : rows) {
            chart.add(new SvgBarChart.Row(r.hex(), r.name(), List.of(r.sockets(), r.counters())));
        }
        sb.append("<div class=\"chart-wrap\">").append(SvgBarChart.render(s.get("fallbacks.chart"),
                List.of(s.get("fallbacks.sockets"), s.get("fallbacks.counters")),
                List.of(s.get("fallbacks.unit.sockets"), s.get("fallbacks.unit.counters")), chart)).append("</div>\n");
        Html.openDataTable(sb, Html.Column.text(s.get("fallbacks.code")), Html.Column.text(s.get("fallbacks.name")),
                Html.Column.text(s.get("fallbacks.title")), Html.Column.number(s.get("fallbacks.sockets")),
                Html.Column.number(s.get("fallbacks.counters")));
        for (ReportDocument.FallbackRow r : rows) {
            sb.append("<tr data-code=\"").append(r.hex()).append("\"><td><code>").append(r.hex()).append("</code></td>");
            Html.element(sb, "td", "", r.name());
            Html.element(sb, "td", "", r.title());
            Html.element(sb, "td", "num", count(r.sockets()));
            Html.element(sb, "td", "num", count(r.counters()));
            sb.append("</tr>\n");
        }
        Html.closeDataTable(sb);
        Html.element(sb, "p", "note", s.get("fallbacks.note")).append("\n</section>\n");
    }

    static String count(long v) {
        return v == SvgBarChart.UNKNOWN ? "–" : Long.toString(v);
    }

    private static void diagnoses(StringBuilder sb, ReportDocument doc) {
        ReportStrings s = doc.strings();
        sb.append("<section class=\"card\" id=\"diagnoses\">\n");
        Html.element(sb, "h2", "", s.get("diagnoses.heading")).append('\n');
        if (doc.report().diagnoses().isEmpty()) {
            Html.element(sb, "p", "muted", s.get("diagnoses.none")).append('\n');
        }
        for (Diagnosis d : doc.report().diagnoses()) {
            if (d.rank() == OPEN + 1) {
                Html.element(sb, "h4", "", s.get("diagnoses.others")).append('\n');
            }
            diagnosis(sb, doc, d);
        }
        if (doc.excerpts().truncated()) {
            Html.element(sb, "p", "note", s.get("excerpts.truncated")).append('\n');
        }
        sb.append("</section>\n");
    }

    private static void diagnosis(StringBuilder sb, ReportDocument doc, Diagnosis d) {
        ReportStrings s = doc.strings();
        String severity = d.severity().json();
        sb.append("<details class=\"dx ").append(severity).append("\" id=\"dx-").append(Html.token(d.id()))
                .append("\" data-id=\"").append(Html.text(d.id())).append("\" data-rank=\"").append(d.rank())
                .append('"').append(d.rank() <= OPEN ? " open" : "").append(">\n<summary><span class=\"rank\">")
                .append(d.rank()).append(".</span> ");
        Html.element(sb, "h3", "", d.title());
        sb.append("</summary>\n<div class=\"meta\">");
        sb.append("<span>").append(Html.text(s.get("confidence"))).append(" <b>").append(ReportDocument.confidence(d))
                .append("</b> ").append(confidenceBar(d.confidence())).append("</span>");
        Html.element(sb, "span", "sev " + severity, s.severity(d.severity()));
        sb.append("<span>").append(Html.text(s.get("side"))).append(" <b>").append(Html.text(s.side(d.side())))
                .append("</b></span>");
        if (!d.reasonCodes().isEmpty()) {
            sb.append("<span>").append(Html.text(s.get("codes"))).append(" <code>")
                    .append(Html.text(ReportDocument.codes(d))).append("</code></span>");
        }
        sb.append("<span>").append(Html.text(s.get("id"))).append(" <code>").append(Html.text(d.id()))
                .append("</code></span></div>\n");
        if (!d.explanation().isBlank()) {
            sb.append("<p class=\"why\"><b>").append(Html.text(s.get("why"))).append("</b> ")
                    .append(Html.text(d.explanation().strip())).append("</p>\n");
        }
        List<Provenance> evidence = doc.evidence(d);
        if (!evidence.isEmpty()) {
            Html.element(sb, "h4", "", s.get("evidence")).append("\n<ul class=\"evidence\">\n");
            for (Provenance p : evidence) {
                evidence(sb, doc, p);
            }
            sb.append("</ul>\n");
            if (doc.evidenceLeftOut(d) > 0) {
                Html.element(sb, "p", "note", s.get("evidence.more", doc.evidenceLeftOut(d))).append('\n');
            }
        }
        if (!d.remedies().isEmpty()) {
            Html.element(sb, "h4", "", s.get("fix")).append('\n');
            for (SuggestedRemedy r : d.remedies()) {
                sb.append("<div class=\"remedy\">");
                Html.element(sb, "p", "", r.summary());
                for (String c : r.commands()) {
                    HtmlPage.command(sb, c, s.get("copy"), s.get("copy.done"), s.get("copy.failed"));
                }
                sb.append("</div>\n");
            }
        }
        if (!d.references().isEmpty() || !d.rules().isEmpty()) {
            sb.append("<p class=\"refs\">");
            if (!d.references().isEmpty()) {
                sb.append(Html.text(s.get("references"))).append(": ").append(Html.text(String.join(" · ", d.references())));
            }
            if (!d.rules().isEmpty()) {
                sb.append(d.references().isEmpty() ? "" : "<br>").append(Html.text(s.get("rules"))).append(": ")
                        .append(Html.text(String.join(" · ", d.rules())));
            }
            sb.append("</p>\n");
        }
        sb.append("</details>\n");
    }

    /** A bar of 80 units, filled to the confidence. */
    private static String confidenceBar(double confidence) {
        long fill = Math.round(confidence * 80);
        return "<svg class=\"conf\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 80 8\" width=\"80\" height=\"8\""
                + " aria-hidden=\"true\"><rect class=\"track\" width=\"80\" height=\"8\" rx=\"4\"/><rect class=\"fill\" width=\""
                + fill + "\" height=\"8\" rx=\"4\"/></svg>";
    }

    private static void evidence(StringBuilder sb, ReportDocument doc, Provenance p) {
        List<SourceExcerpts.Line> window = p.line() > 0 ? doc.excerpts().window(p.source(), p.line()) : List.of();
        String loc = p.toString();
        String text = p.text().strip();
        if (window.isEmpty()) {
            sb.append("<li><code class=\"loc\">").append(Html.text(loc)).append("</code>");
            if (!text.isEmpty()) {
                Html.element(sb, "code", "", text);
            }
            sb.append("</li>\n");
            return;
        }
        sb.append("<li><details><summary><code class=\"loc\">").append(Html.text(loc)).append("</code>");
        Html.element(sb, "code", "", text.isEmpty() ? window.get(window.size() - 1).text() : text);
        int first = window.get(0).number();
        int last = window.get(window.size() - 1).number();
        sb.append("</summary><pre class=\"excerpt\" aria-label=\"")
                .append(Html.text(doc.strings().get("evidence.lines", p.source(), first, last))).append("\">");
        int previous = 0;
        for (SourceExcerpts.Line l : window) {
            if (previous > 0 && l.number() > previous + 1) {
                sb.append("<span class=\"l gap\"><span class=\"ln\">⋮</span></span>");
            }
            sb.append("<span class=\"l").append(l.number() == p.line() ? " hit" : "").append("\"><span class=\"ln\">")
                    .append(l.number()).append("</span>").append(Html.text(l.text())).append("</span>");
            previous = l.number();
        }
        sb.append("</pre></details></li>\n");
    }

    private static void missing(StringBuilder sb, ReportDocument doc) {
        List<MissingEvidence> missing = doc.report().missingEvidence();
        if (missing.isEmpty()) {
            return;
        }
        ReportStrings s = doc.strings();
        sb.append("<section class=\"card\" id=\"missing\">\n");
        Html.element(sb, "h2", "", s.get("missing.heading")).append('\n');
        Html.element(sb, "p", "muted", s.get("missing.intro")).append("\n<ul class=\"checklist\">\n");
        int i = 0;
        for (MissingEvidence m : missing) {
            String id = "missing-" + ++i;
            sb.append("<li><input type=\"checkbox\" id=\"").append(id).append("\"><label for=\"").append(id).append("\">")
                    .append(Html.text(m.what())).append("</label>");
            if (!m.command().isEmpty()) {
                HtmlPage.command(sb, m.command(), s.get("copy"), s.get("copy.done"), s.get("copy.failed"));
            }
            if (!m.why().isEmpty()) {
                Html.element(sb, "p", "muted", m.why());
            }
            sb.append("</li>\n");
        }
        sb.append("</ul>\n</section>\n");
    }

    private static void warnings(StringBuilder sb, ReportDocument doc) {
        List<ParseWarning> warnings = doc.report().warnings();
        if (warnings.isEmpty()) {
            return;
        }
        ReportStrings s = doc.strings();
        sb.append("<section class=\"card\" id=\"warnings\">\n");
        Html.element(sb, "h2", "", s.get("warnings.heading")).append('\n');
        Html.openDataTable(sb, Html.Column.text(s.get("warnings.where")), Html.Column.text(s.get("warnings.message")));
        for (ParseWarning w : warnings.subList(0, Math.min(warnings.size(), ReportDocument.MAX_WARNINGS))) {
            sb.append("<tr><td><code>").append(Html.text(w.line() > 0 ? w.source() + ":" + w.line() : w.source()))
                    .append("</code></td>");
            Html.element(sb, "td", "", w.message());
            sb.append("</tr>\n");
        }
        Html.closeDataTable(sb);
        if (warnings.size() > ReportDocument.MAX_WARNINGS) {
            Html.element(sb, "p", "note", s.get("warnings.more", warnings.size() - ReportDocument.MAX_WARNINGS))
                    .append('\n');
        }
        sb.append("</section>\n");
    }
}
