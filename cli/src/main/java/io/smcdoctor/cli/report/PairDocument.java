package io.smcdoctor.cli.report;

import io.smcdoctor.Diagnosis;
import io.smcdoctor.Diagnosis.SuggestedRemedy;
import io.smcdoctor.DiagnosisReport.MissingEvidence;
import io.smcdoctor.MultiHostReport;
import io.smcdoctor.MultiHostReport.HostCitation;
import io.smcdoctor.MultiHostReport.HostDiagnosis;
import io.smcdoctor.MultiHostReport.HostPairing;
import io.smcdoctor.MultiHostReport.RuledOutCause;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.Severity;
import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.KernelRelease;
import io.smcdoctor.evidence.facts.SocketGroup;
import io.smcdoctor.evidence.facts.SocketMode;
import io.smcdoctor.html.Html;
import io.smcdoctor.html.HtmlPage;
import io.smcdoctor.rules.Codes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A report of several hosts for people who read it outside a terminal: Markdown for a ticket ({@link #markdown()})
 * or one self-contained HTML page ({@link #html()}). Both hold the hosts (name, kernel, sockets, each host's own top
 * diagnosis), how their connections join (and whether the bundles belong together), the ranked causes with the host
 * to fix, the hosts that concluded them and the evidence cited {@code host:file:line}, the causes the other host's
 * evidence rules out, missing evidence and warnings per host, in the report's language. Evidence text is untrusted
 * and escaped for each format. Immutable and thread-safe.
 */
public final class PairDocument {
    /** Diagnoses shown in full; the others are collapsed. */
    static final int OPEN = 3;
    /** Evidence lines shown per diagnosis; JSON lists them all. */
    static final int MAX_EVIDENCE = 40;
    /** Joined group pairs shown per pair of hosts. */
    static final int MAX_GROUPS = 20;
    /** Warnings shown per host. */
    static final int MAX_WARNINGS = 50;

    private final MultiHostReport report;
    private final ReportStrings strings;
    private final String generator;
    private final Map<String, String> kernels;

    private PairDocument(MultiHostReport report, Map<String, String> kernels, String generator) {
        this.report = report;
        this.strings = ReportStrings.of(report.language());
        this.kernels = Map.copyOf(kernels);
        this.generator = generator;
    }

    /**
     * A document of a report of several hosts.
     *
     * @param report    the diagnosis
     * @param kernels   each host's kernel release by host name (from its {@link KernelRelease}); hosts not in the
     *                  map are shown as unknown
     * @param generator who wrote it, e.g. {@code smc-doctor 0.1.0}
     */
    public static PairDocument of(MultiHostReport report, Map<String, String> kernels, String generator) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(kernels, "kernels");
        Objects.requireNonNull(generator, "generator");
        return new PairDocument(report, kernels, generator);
    }

    /** The report as GitHub-flavoured Markdown. */
    public String markdown() {
        ReportStrings s = strings;
        StringBuilder sb = new StringBuilder(16 * 1024);
        sb.append("# ").append(md(s.get("pair.title", report.hosts().size()))).append("\n\n");
        sb.append("## ").append(md(s.get("pair.hosts.heading"))).append("\n\n");
        row(sb, md(s.get("pair.host")), md(s.get("pair.label")), md(s.get("pair.kernel")), md(s.get("summary.sockets")),
                md(s.get("summary.smc")), md(s.get("pair.own")));
        sb.append("|---|---|---|---:|---:|---|\n");
        for (MultiHostReport.Host h : report.hosts()) {
            row(sb, code(h.name()), code(h.label()), kernels.containsKey(h.name()) ? code(kernels.get(h.name()))
                    : md(s.get("summary.unknown")), String.valueOf(h.report().stats().sockets()),
                    String.valueOf(h.report().stats().smcSockets()),
                    h.report().top().map(d -> code(d.id())).orElse("-"));
        }
        sb.append('\n');
        sb.append("## ").append(md(s.get("pair.connections.heading"))).append("\n\n");
        for (HostPairing p : report.pairings()) {
            sb.append("### ").append(md(p.hostA() + " \u2194 " + p.hostB())).append("\n\n");
            for (String line : relation(p)) {
                sb.append(md(line)).append("\n\n");
            }
            if (!p.groups().isEmpty()) {
                row(sb, md(s.get("pair.count")), code(p.hostA()), code(p.hostB()), "", "");
                sb.append("|---:|---|---|---|---|\n");
                int n = 0;
                for (HostPairing.JoinedGroups g : p.groups()) {
                    if (n++ >= MAX_GROUPS) {
                        break;
                    }
                    row(sb, String.valueOf(g.count()), code(group(g.a())), code(group(g.b())),
                            code(g.sampleA().toString()) + " " + code(g.sampleB().toString()),
                            g.contradicts() ? md(s.get("pair.contradicts")) : "");
                }
                sb.append('\n');
            }
            if (!p.ambiguousRows().isEmpty()) {
                for (HostCitation c : p.ambiguousRows()) {
                    sb.append("- ").append(citation(c)).append('\n');
                }
                sb.append('\n');
            }
        }
        sb.append("## ").append(md(s.get("diagnoses.heading"))).append("\n\n");
        if (report.diagnoses().isEmpty()) {
            sb.append(md(s.get("diagnoses.none"))).append("\n\n");
        }
        for (HostDiagnosis hd : report.diagnoses()) {
            Diagnosis d = hd.diagnosis();
            if (hd.rank() <= OPEN) {
                sb.append("### ").append(hd.rank()).append(". ").append(md(d.title())).append("\n\n");
            } else {
                if (hd.rank() == OPEN + 1) {
                    sb.append("### ").append(md(s.get("diagnoses.others"))).append("\n\n");
                }
                sb.append("<details><summary>").append(hd.rank()).append(". ").append(Html.text(d.title()))
                        .append(" (").append(confidence(hd)).append(")</summary>\n\n");
            }
            row(sb, md(s.get("pair.fixOn")), md(s.get("confidence")), md(s.get("severity")), md(s.get("codes")),
                    md(s.get("id")));
            sb.append("|---|---:|---|---|---|\n");
            row(sb, "**" + md(fixOn(hd)) + "**", confidence(hd), md(s.severity(d.severity())),
                    d.reasonCodes().isEmpty() ? "" : code(codes(d.reasonCodes())), code(d.id()));
            sb.append('\n');
            sb.append("**").append(md(s.get("pair.concludedOn"))).append(":** ")
                    .append(md(String.join(", ", hd.concludedOn())));
            if (!hd.corroboratedBy().isEmpty()) {
                sb.append(" \u00b7 **").append(md(s.get("pair.explains"))).append(":** ");
                List<String> parts = new ArrayList<>();
                for (HostDiagnosis.Corroboration c : hd.corroboratedBy()) {
                    parts.add(md(c.host() + ": " + c.id()) + (c.reasonCodes().isEmpty() ? ""
                            : " " + code(codes(c.reasonCodes()))));
                }
                sb.append(String.join(", ", parts));
            }
            sb.append("\n\n");
            if (!d.explanation().isBlank()) {
                sb.append("**").append(md(s.get("why"))).append(":** ").append(md(d.explanation().strip()))
                        .append("\n\n");
            }
            if (!hd.evidence().isEmpty()) {
                sb.append("**").append(md(s.get("evidence"))).append("**\n\n");
                int n = 0;
                for (HostCitation c : hd.evidence()) {
                    if (n++ >= MAX_EVIDENCE) {
                        sb.append(md(s.get("evidence.more", hd.evidence().size() - MAX_EVIDENCE))).append("\n\n");
                        break;
                    }
                    sb.append("- ").append(citation(c)).append('\n');
                }
                sb.append('\n');
            }
            if (!d.remedies().isEmpty()) {
                sb.append("**").append(md(s.get("fix"))).append("**\n\n");
                for (SuggestedRemedy r : d.remedies()) {
                    sb.append("- ").append(md(r.summary())).append('\n');
                    if (!r.commands().isEmpty()) {
                        sb.append('\n');
                        MarkdownReport.codeBlock(sb, "  ", "sh", r.commands());
                    }
                }
                sb.append('\n');
            }
            if (hd.rank() > OPEN) {
                sb.append("</details>\n\n");
            }
        }
        if (!report.ruledOut().isEmpty()) {
            sb.append("## ").append(md(s.get("pair.ruledOut.heading"))).append("\n\n");
            for (RuledOutCause r : report.ruledOut()) {
                sb.append("- ").append(md(r.title())).append(" (").append(code(r.id())).append("; ")
                        .append(md(s.get("pair.ruledOut.offered", r.offeredOn(), codes(r.reasonCodes()))))
                        .append("): ").append(r.kind() == RuledOutCause.Kind.EXPLAINED_OTHERWISE
                                ? md(s.get("pair.ruledOut.otherwise")) + "; " : "")
                        .append(md(r.ruledOutBy() + ": " + r.because()));
                for (HostCitation c : r.evidence()) {
                    sb.append(' ').append(citation(c));
                }
                sb.append('\n');
            }
            sb.append('\n');
        }
        if (!report.missingEvidence().isEmpty()) {
            sb.append("## ").append(md(s.get("missing.heading"))).append("\n\n");
            for (MultiHostReport.Missing mh : report.missingEvidence()) {
                MissingEvidence m = mh.evidence();
                sb.append("- [ ] ").append(code(mh.host())).append(' ').append(code(m.what()));
                if (!m.command().isEmpty()) {
                    sb.append(' ').append(code(m.command()));
                }
                sb.append(" \u2014 ").append(md(m.why())).append('\n');
            }
            sb.append('\n');
        }
        boolean warnings = report.hosts().stream().anyMatch(h -> !h.report().warnings().isEmpty());
        if (warnings) {
            sb.append("## ").append(md(s.get("warnings.heading"))).append("\n\n");
            for (MultiHostReport.Host h : report.hosts()) {
                int n = 0;
                for (ParseWarning w : h.report().warnings()) {
                    if (n++ >= MAX_WARNINGS) {
                        sb.append("- ").append(md(s.get("warnings.more", h.report().warnings().size() - MAX_WARNINGS)))
                                .append('\n');
                        break;
                    }
                    sb.append("- ").append(code(h.name() + ":" + w.source() + (w.line() > 0 ? ":" + w.line() : "")))
                            .append(' ').append(md(w.message())).append('\n');
                }
            }
            sb.append('\n');
        }
        sb.append("---\n\n_").append(md(s.get("generated", generator))).append(" \u00b7 ")
                .append(md(MultiHostReport.SCHEMA)).append("_\n");
        return sb.toString();
    }

    /** The report as one self-contained HTML page (UTF-8, no external resource, strict Content-Security-Policy). */
    public String html() {
        ReportStrings s = strings;
        StringBuilder sb = new StringBuilder(16 * 1024);
        sb.append("<main>\n");
        Html.element(sb, "h1", "", s.get("pair.title", report.hosts().size())).append('\n');
        sb.append("<section class=\"card\" id=\"hosts\">\n");
        Html.element(sb, "h2", "", s.get("pair.hosts.heading")).append("\n<table>\n<thead><tr>");
        for (String k : List.of("pair.host", "pair.label", "pair.kernel", "summary.sockets", "summary.smc", "pair.own")) {
            Html.element(sb, "th", "", s.get(k));
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (MultiHostReport.Host h : report.hosts()) {
            sb.append("<tr>");
            td(sb, h.name(), true);
            td(sb, h.label(), true);
            td(sb, kernels.getOrDefault(h.name(), s.get("summary.unknown")), kernels.containsKey(h.name()));
            td(sb, String.valueOf(h.report().stats().sockets()), false);
            td(sb, String.valueOf(h.report().stats().smcSockets()), false);
            td(sb, h.report().top().map(Diagnosis::id).orElse("-"), true);
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n</section>\n");
        sb.append("<section class=\"card\" id=\"connections\">\n");
        Html.element(sb, "h2", "", s.get("pair.connections.heading")).append('\n');
        for (HostPairing p : report.pairings()) {
            Html.element(sb, "h3", "", p.hostA() + " \u2194 " + p.hostB()).append('\n');
            for (String line : relation(p)) {
                Html.element(sb, "p", "", line).append('\n');
            }
            if (!p.groups().isEmpty()) {
                sb.append("<table>\n<thead><tr>");
                Html.element(sb, "th", "", s.get("pair.count"));
                Html.element(sb, "th", "", p.hostA());
                Html.element(sb, "th", "", p.hostB());
                sb.append("<th></th><th></th></tr></thead>\n<tbody>\n");
                int n = 0;
                for (HostPairing.JoinedGroups g : p.groups()) {
                    if (n++ >= MAX_GROUPS) {
                        break;
                    }
                    sb.append("<tr>");
                    td(sb, String.valueOf(g.count()), false);
                    td(sb, group(g.a()), true);
                    td(sb, group(g.b()), true);
                    td(sb, g.sampleA() + "  " + g.sampleB(), true);
                    td(sb, g.contradicts() ? s.get("pair.contradicts") : "", false);
                    sb.append("</tr>\n");
                }
                sb.append("</tbody>\n</table>\n");
            }
            if (!p.ambiguousRows().isEmpty()) {
                sb.append("<ul class=\"evidence\">\n");
                for (HostCitation c : p.ambiguousRows()) {
                    htmlCitation(sb, c);
                }
                sb.append("</ul>\n");
            }
        }
        sb.append("</section>\n");
        sb.append("<section class=\"card\" id=\"diagnoses\">\n");
        Html.element(sb, "h2", "", s.get("diagnoses.heading")).append('\n');
        if (report.diagnoses().isEmpty()) {
            Html.element(sb, "p", "muted", s.get("diagnoses.none")).append('\n');
        }
        for (HostDiagnosis hd : report.diagnoses()) {
            htmlDiagnosis(sb, hd);
        }
        sb.append("</section>\n");
        if (!report.ruledOut().isEmpty()) {
            sb.append("<section class=\"card\" id=\"ruled-out\">\n");
            Html.element(sb, "h2", "", s.get("pair.ruledOut.heading")).append("\n<ul>\n");
            for (RuledOutCause r : report.ruledOut()) {
                sb.append("<li>");
                Html.element(sb, "b", "", r.title());
                sb.append(" <code>").append(Html.text(r.id())).append("</code> ");
                Html.element(sb, "span", "muted", s.get("pair.ruledOut.offered", r.offeredOn(),
                        codes(r.reasonCodes())));
                sb.append("<br>");
                if (r.kind() == RuledOutCause.Kind.EXPLAINED_OTHERWISE) {
                    Html.element(sb, "span", "muted", s.get("pair.ruledOut.otherwise") + "; ");
                }
                Html.element(sb, "span", "", r.ruledOutBy() + ": " + r.because());
                for (HostCitation c : r.evidence()) {
                    sb.append(" <code>").append(Html.text(c.toString())).append("</code>");
                }
                sb.append("</li>\n");
            }
            sb.append("</ul>\n</section>\n");
        }
        if (!report.missingEvidence().isEmpty()) {
            sb.append("<section class=\"card\" id=\"missing\">\n");
            Html.element(sb, "h2", "", s.get("missing.heading")).append("\n<ul>\n");
            for (MultiHostReport.Missing mh : report.missingEvidence()) {
                MissingEvidence m = mh.evidence();
                sb.append("<li><code>").append(Html.text(mh.host())).append("</code> <code>")
                        .append(Html.text(m.what())).append("</code> ");
                Html.element(sb, "span", "", m.why());
                if (!m.command().isEmpty()) {
                    HtmlPage.command(sb, m.command(), s.get("copy"), s.get("copy.done"), s.get("copy.failed"));
                }
                sb.append("</li>\n");
            }
            sb.append("</ul>\n</section>\n");
        }
        if (report.hosts().stream().anyMatch(h -> !h.report().warnings().isEmpty())) {
            sb.append("<section class=\"card\" id=\"warnings\">\n");
            Html.element(sb, "h2", "", s.get("warnings.heading")).append("\n<ul>\n");
            for (MultiHostReport.Host h : report.hosts()) {
                int n = 0;
                for (ParseWarning w : h.report().warnings()) {
                    if (n++ >= MAX_WARNINGS) {
                        Html.element(sb, "li", "note", s.get("warnings.more",
                                h.report().warnings().size() - MAX_WARNINGS)).append('\n');
                        break;
                    }
                    sb.append("<li><code>").append(Html.text(h.name() + ":" + w.source()
                            + (w.line() > 0 ? ":" + w.line() : ""))).append("</code> ");
                    Html.element(sb, "span", "", w.message()).append("</li>\n");
                }
            }
            sb.append("</ul>\n</section>\n");
        }
        Html.element(sb, "footer", "muted", s.get("generated", generator) + " \u00b7 " + MultiHostReport.SCHEMA);
        sb.append("\n</main>");
        return HtmlPage.render(report.language().tag(), s.get("pair.title", report.hosts().size()), generator,
                sb.toString());
    }

    private void htmlDiagnosis(StringBuilder sb, HostDiagnosis hd) {
        ReportStrings s = strings;
        Diagnosis d = hd.diagnosis();
        String severity = d.severity().json();
        sb.append("<details class=\"dx ").append(severity).append("\" id=\"dx-").append(Html.token(d.id()))
                .append("\" data-id=\"").append(Html.text(d.id())).append("\" data-rank=\"").append(hd.rank())
                .append('"').append(hd.rank() <= OPEN ? " open" : "").append(">\n<summary><span class=\"rank\">")
                .append(hd.rank()).append(".</span> ");
        Html.element(sb, "h3", "", d.title());
        sb.append("</summary>\n<div class=\"meta\">");
        sb.append("<span>").append(Html.text(s.get("pair.fixOn"))).append(" <b>").append(Html.text(fixOn(hd)))
                .append("</b></span>");
        sb.append("<span>").append(Html.text(s.get("confidence"))).append(" <b>").append(confidence(hd))
                .append("</b></span>");
        Html.element(sb, "span", "sev " + severity, s.severity(d.severity()));
        if (!d.reasonCodes().isEmpty()) {
            sb.append("<span>").append(Html.text(s.get("codes"))).append(" <code>")
                    .append(Html.text(codes(d.reasonCodes()))).append("</code></span>");
        }
        sb.append("<span>").append(Html.text(s.get("id"))).append(" <code>").append(Html.text(d.id()))
                .append("</code></span></div>\n<p>");
        sb.append("<b>").append(Html.text(s.get("pair.concludedOn"))).append("</b> ")
                .append(Html.text(String.join(", ", hd.concludedOn())));
        for (HostDiagnosis.Corroboration c : hd.corroboratedBy()) {
            sb.append("<br><b>").append(Html.text(s.get("pair.explains"))).append("</b> ")
                    .append(Html.text(c.host() + ": " + c.id() + (c.reasonCodes().isEmpty() ? ""
                            : " " + codes(c.reasonCodes()))));
        }
        sb.append("</p>\n");
        if (!d.explanation().isBlank()) {
            sb.append("<p class=\"why\"><b>").append(Html.text(s.get("why"))).append("</b> ")
                    .append(Html.text(d.explanation().strip())).append("</p>\n");
        }
        if (!hd.evidence().isEmpty()) {
            Html.element(sb, "h4", "", s.get("evidence")).append("\n<ul class=\"evidence\">\n");
            int n = 0;
            for (HostCitation c : hd.evidence()) {
                if (n++ >= MAX_EVIDENCE) {
                    break;
                }
                htmlCitation(sb, c);
            }
            sb.append("</ul>\n");
            if (hd.evidence().size() > MAX_EVIDENCE) {
                Html.element(sb, "p", "note", s.get("evidence.more", hd.evidence().size() - MAX_EVIDENCE)).append('\n');
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
        sb.append("</details>\n");
    }

    private static void htmlCitation(StringBuilder sb, HostCitation c) {
        sb.append("<li><code class=\"where\">").append(Html.text(c.toString())).append("</code>");
        if (!c.line().text().isBlank()) {
            sb.append(" <code>").append(Html.text(c.line().text().strip())).append("</code>");
        }
        sb.append("</li>\n");
    }

    private static void td(StringBuilder sb, String text, boolean code) {
        sb.append("<td>");
        if (code) {
            sb.append("<code>").append(Html.text(text)).append("</code>");
        } else {
            sb.append(Html.text(text));
        }
        sb.append("</td>");
    }

    /** The sentences that say how two hosts join, in the report's language. */
    private List<String> relation(HostPairing p) {
        ReportStrings s = strings;
        List<String> out = new ArrayList<>();
        switch (p.relation()) {
            case JOINED -> out.add(s.get("pair.relation.joined", p.joined()));
            case PEERS -> out.add(s.get(p.countersByTime() ? "pair.relation.countersByTime" : "pair.relation.peers"));
            case UNRELATED -> out.add(s.get("pair.relation.unrelated"));
            default -> out.add(s.get("pair.relation.unknown"));
        }
        if (p.joinedByCut() > 0) {
            out.add(s.get("pair.byCut", p.joinedByCut()));
        }
        if (p.joinedByPortZero() > 0) {
            out.add(s.get("pair.byPortZero", p.joinedByPortZero()));
        }
        if (p.linkGroups() > 0) {
            out.add(s.get("pair.linkGroups", p.linkGroups()));
        }
        p.capturedApart().ifPresent(d -> out.add(s.get("pair.apart", d.toSeconds())));
        if (!p.consistent()) {
            out.add(s.get("pair.notSameMoment", p.contradicting()));
        }
        if (p.ambiguous() > 0) {
            out.add(s.get("pair.ambiguous", p.ambiguous()));
        }
        return out;
    }

    private String fixOn(HostDiagnosis hd) {
        if (hd.fixOn().isEmpty()) {
            return strings.get(hd.diagnosis().severity() == Severity.INFO ? "pair.fixOn.none"
                    : "pair.fixOn.notInBundles");
        }
        if (hd.fixOn().size() == 1) {
            return hd.fixOn().get(0);
        }
        return strings.get(hd.fixEach() ? "pair.fixOn.each" : "pair.fixOn.either", String.join(", ", hd.fixOn()));
    }

    private static String confidence(HostDiagnosis hd) {
        return String.format(java.util.Locale.ROOT, "%.2f", hd.confidence());
    }

    private static String group(SocketGroup g) {
        StringBuilder sb = new StringBuilder(g.mode() == SocketMode.NONE ? "-" : g.mode().name());
        if (g.localCode() != 0 || g.peerCode() != 0) {
            sb.append(' ');
            if (g.localCode() != 0) {
                sb.append(ReasonCode.hex(g.localCode()));
            }
            if (g.peerCode() != 0) {
                sb.append('/').append(ReasonCode.hex(g.peerCode()));
            }
        }
        return sb.toString();
    }

    private static String codes(List<Integer> codes) {
        StringBuilder sb = new StringBuilder();
        boolean pair = codes.size() == 2 && codes.get(0) == Codes.PEERDECL;
        for (int i = 0; i < codes.size(); i++) {
            sb.append(i == 0 ? "" : pair ? "/" : ", ").append(ReasonCode.hex(codes.get(i)));
        }
        return sb.toString();
    }

    private static String citation(HostCitation c) {
        String text = c.line().text().strip();
        return code(c.toString()) + (text.isEmpty() ? "" : " " + code(text));
    }

    private static String md(String text) {
        return MarkdownReport.inline(text);
    }

    private static String code(String text) {
        return MarkdownReport.code(text, true);
    }

    private static void row(StringBuilder sb, String... cells) {
        sb.append('|');
        for (String c : cells) {
            sb.append(' ').append(c).append(" |");
        }
        sb.append('\n');
    }
}
