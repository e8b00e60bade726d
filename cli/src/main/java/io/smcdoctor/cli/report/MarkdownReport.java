package io.smcdoctor.cli.report;

import io.smcdoctor.Diagnosis;
import io.smcdoctor.Diagnosis.SuggestedRemedy;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.DiagnosisReport.MissingEvidence;
import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.internal.SourceExcerpts;
import io.smcdoctor.html.Html;
import io.smcdoctor.html.Untrusted;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders a {@link ReportDocument} as GitHub-flavoured Markdown for tickets: tables, fenced code blocks and evidence
 * collapsed in {@code <details>} (GitHub renders it; Jira and others show the same text readably).
 *
 * <p>Escaping, by context: evidence text goes into code spans and fenced blocks whose backtick fence is longer than
 * any backtick run in the text (so nothing in it is markup), with {@code |} escaped inside table cells; other text is
 * escaped with character references for {@code & < >} and backslashes for Markdown punctuation; text inside the
 * {@code <summary>} HTML is escaped as HTML. Invisible characters are made visible everywhere
 * ({@link Untrusted#visible(String)}). Stateless.
 */
final class MarkdownReport {
    /** Diagnoses shown as sections; the others are collapsed. */
    static final int OPEN = HtmlReport.OPEN;
    /**
     * Characters of excerpts in one Markdown report: a GitHub comment holds at most 65,536 characters, so later
     * evidence lines are listed without the lines around them once this is spent.
     */
    static final int EXCERPT_BUDGET = 36_000;
    /** Warnings listed in a ticket; the page and JSON list more. */
    static final int MAX_WARNINGS = 50;

    private MarkdownReport() {
    }

    /** Per rendering: the cited lines whose excerpt was shown already and the excerpt characters left. */
    private static final class Excerpts {
        final Set<String> shown = new HashSet<>();
        int budget = EXCERPT_BUDGET;
    }

    static String render(ReportDocument doc) {
        ReportStrings s = doc.strings();
        Excerpts excerpts = new Excerpts();
        StringBuilder sb = new StringBuilder(16 * 1024);
        sb.append("# ").append(inline(s.get("title"))).append("\n\n");
        summary(sb, doc);
        fallbacks(sb, doc);
        diagnoses(sb, doc, excerpts);
        missing(sb, doc);
        warnings(sb, doc);
        sb.append("---\n\n_").append(inline(s.get("generated", doc.generator()))).append(" · ")
                .append(inline(DiagnosisReport.SCHEMA)).append("_\n");
        return sb.toString();
    }

    private static void summary(StringBuilder sb, ReportDocument doc) {
        ReportStrings s = doc.strings();
        List<String> parts = new ArrayList<>();
        parts.add(bold(s.get("summary.host")) + " " + (doc.hosts().isEmpty() ? inline(s.get("summary.unknown"))
                : code(String.join(", ", doc.hosts()), false)));
        parts.add(bold(s.get("summary.kernel")) + " " + (doc.kernels().isEmpty() ? inline(s.get("summary.unknown"))
                : code(String.join(", ", doc.kernels()), false)));
        parts.add(bold(s.get("summary.sockets")) + " " + doc.report().stats().sockets());
        parts.add(bold(s.get("summary.smc")) + " " + doc.report().stats().smcSockets()
                + doc.smcShare().map(p -> " (" + p + ")").orElse(""));
        parts.add(bold(s.get("summary.fallbacks")) + " " + doc.fallbackSockets());
        sb.append(String.join(" · ", parts)).append("\n\n");
    }

    private static void fallbacks(StringBuilder sb, ReportDocument doc) {
        ReportStrings s = doc.strings();
        sb.append("## ").append(inline(s.get("fallbacks.heading"))).append("\n\n");
        if (doc.fallbacks().isEmpty()) {
            sb.append(inline(s.get("fallbacks.none"))).append("\n\n");
            return;
        }
        row(sb, inline(s.get("fallbacks.code")), inline(s.get("fallbacks.name")), inline(s.get("fallbacks.title")),
                inline(s.get("fallbacks.sockets")), inline(s.get("fallbacks.counters")));
        sb.append("|---|---|---|---:|---:|\n");
        for (ReportDocument.FallbackRow r : doc.fallbacks()) {
            row(sb, code(r.hex(), true), cell(r.name()), cell(r.title()), HtmlReport.count(r.sockets()),
                    HtmlReport.count(r.counters()));
        }
        sb.append('\n').append(inline(s.get("fallbacks.note"))).append("\n\n");
    }

    private static void diagnoses(StringBuilder sb, ReportDocument doc, Excerpts excerpts) {
        ReportStrings s = doc.strings();
        sb.append("## ").append(inline(s.get("diagnoses.heading"))).append("\n\n");
        if (doc.report().diagnoses().isEmpty()) {
            sb.append(inline(s.get("diagnoses.none"))).append("\n\n");
        }
        for (Diagnosis d : doc.report().diagnoses()) {
            if (d.rank() <= OPEN) {
                sb.append("### ").append(d.rank()).append(". ").append(inline(d.title())).append("\n\n");
                diagnosis(sb, doc, d, excerpts);
                continue;
            }
            if (d.rank() == OPEN + 1) {
                sb.append("### ").append(inline(s.get("diagnoses.others"))).append("\n\n");
            }
            sb.append("<details><summary>").append(d.rank()).append(". ").append(Html.text(d.title())).append(" (")
                    .append(ReportDocument.confidence(d)).append(")</summary>\n\n");
            diagnosis(sb, doc, d, excerpts);
            sb.append("</details>\n\n");
        }
        if (doc.excerpts().truncated()) {
            sb.append('_').append(inline(s.get("excerpts.truncated"))).append("_\n\n");
        }
    }

    private static void diagnosis(StringBuilder sb, ReportDocument doc, Diagnosis d, Excerpts excerpts) {
        ReportStrings s = doc.strings();
        row(sb, inline(s.get("confidence")), inline(s.get("severity")), inline(s.get("side")), inline(s.get("codes")),
                inline(s.get("id")));
        sb.append("|---:|---|---|---|---|\n");
        row(sb, ReportDocument.confidence(d), cell(s.severity(d.severity())), cell(s.side(d.side())),
                d.reasonCodes().isEmpty() ? "" : code(ReportDocument.codes(d), true), code(d.id(), true));
        sb.append('\n');
        if (!d.explanation().isBlank()) {
            sb.append(bold(s.get("why") + ":")).append(' ').append(inline(d.explanation().strip())).append("\n\n");
        }
        List<Provenance> evidence = doc.evidence(d);
        if (!evidence.isEmpty()) {
            sb.append(bold(s.get("evidence"))).append("\n\n");
            for (Provenance p : evidence) {
                evidence(sb, doc, p, excerpts);
            }
            if (doc.evidenceLeftOut(d) > 0) {
                sb.append(inline(s.get("evidence.more", doc.evidenceLeftOut(d)))).append("\n\n");
            }
        }
        if (!d.remedies().isEmpty()) {
            sb.append(bold(s.get("fix"))).append("\n\n");
            for (SuggestedRemedy r : d.remedies()) {
                sb.append("- ").append(inline(r.summary())).append('\n');
                if (!r.commands().isEmpty()) {
                    sb.append('\n');
                    codeBlock(sb, "  ", "sh", r.commands());
                }
            }
            sb.append('\n');
        }
        if (!d.references().isEmpty()) {
            sb.append(inline(s.get("references"))).append(": ").append(inline(String.join(" · ", d.references())))
                    .append("  \n");
        }
        if (!d.rules().isEmpty()) {
            sb.append(inline(s.get("rules"))).append(": ").append(inline(String.join(" · ", d.rules()))).append('\n');
        }
        if (!d.references().isEmpty() || !d.rules().isEmpty()) {
            sb.append('\n');
        }
    }

    /**
     * An evidence line; the first time a line is cited, with the lines around it collapsed below it (a ticket repeats no
     * excerpt, and stops adding excerpts when the budget is spent).
     */
    private static void evidence(StringBuilder sb, ReportDocument doc, Provenance p, Excerpts excerpts) {
        List<SourceExcerpts.Line> window = p.line() > 0 && excerpts.budget > 0
                && !excerpts.shown.contains(p.toString()) ? doc.excerpts().window(p.source(), p.line()) : List.of();
        if (!window.isEmpty()) {
            excerpts.shown.add(p.toString());
            excerpts.budget -= window.stream().mapToInt(l -> l.text().length() + 8).sum();
        }
        String text = p.text().strip();
        if (window.isEmpty()) {
            sb.append(code(p.toString(), false));
            if (!text.isEmpty()) {
                sb.append(' ').append(code(text, false));
            }
            sb.append("\n\n");
            return;
        }
        sb.append("<details><summary><code>").append(Html.text(p.toString())).append("</code> <code>")
                // one line: a blank line would end the HTML block and let the rest be read as Markdown
                .append(Html.text(oneLine(text.isEmpty() ? window.get(window.size() - 1).text() : text)))
                .append("</code></summary>\n\n");
        int width = Math.max(4, Integer.toString(window.get(window.size() - 1).number()).length());
        List<String> lines = new ArrayList<>();
        int previous = 0;
        for (SourceExcerpts.Line l : window) {
            if (previous > 0 && l.number() > previous + 1) {
                lines.add(" ".repeat(width + 1) + "⋮");
            }
            String number = Integer.toString(l.number());
            lines.add((l.number() == p.line() ? ">" : " ") + " ".repeat(width - number.length()) + number + "  "
                    + l.text());
            previous = l.number();
        }
        codeBlock(sb, "", "text", lines);
        sb.append("\n</details>\n\n");
    }

    private static void missing(StringBuilder sb, ReportDocument doc) {
        List<MissingEvidence> missing = doc.report().missingEvidence();
        if (missing.isEmpty()) {
            return;
        }
        ReportStrings s = doc.strings();
        sb.append("## ").append(inline(s.get("missing.heading"))).append("\n\n")
                .append(inline(s.get("missing.intro"))).append("\n\n");
        for (MissingEvidence m : missing) {
            sb.append("- [ ] ").append(bold(m.what()));
            if (!m.why().isEmpty()) {
                sb.append(" — ").append(inline(m.why()));
            }
            sb.append('\n');
            if (!m.command().isEmpty()) {
                sb.append('\n');
                codeBlock(sb, "  ", "sh", List.of(m.command()));
            }
        }
        sb.append('\n');
    }

    private static void warnings(StringBuilder sb, ReportDocument doc) {
        List<ParseWarning> warnings = doc.report().warnings();
        if (warnings.isEmpty()) {
            return;
        }
        ReportStrings s = doc.strings();
        sb.append("## ").append(inline(s.get("warnings.heading"))).append("\n\n");
        row(sb, inline(s.get("warnings.where")), inline(s.get("warnings.message")));
        sb.append("|---|---|\n");
        for (ParseWarning w : warnings.subList(0, Math.min(warnings.size(), MAX_WARNINGS))) {
            row(sb, code(w.line() > 0 ? w.source() + ":" + w.line() : w.source(), true), cell(w.message()));
        }
        sb.append('\n');
        if (warnings.size() > MAX_WARNINGS) {
            sb.append(inline(s.get("warnings.more", warnings.size() - MAX_WARNINGS))).append("\n\n");
        }
    }

    private static void row(StringBuilder sb, String... cells) {
        sb.append('|');
        for (String c : cells) {
            sb.append(' ').append(c).append(" |");
        }
        sb.append('\n');
    }

    private static String bold(String text) {
        return "**" + inline(text) + "**";
    }

    /** Text in a table cell: inline text with {@code |} escaped (already done by {@link #inline}). */
    private static String cell(String text) {
        return inline(text);
    }

    /**
     * Text outside code: one line; {@code & < > "} as character references (no HTML gets through), Markdown punctuation
     * (emphasis, links, tables, headings, strike-through, code) behind a backslash.
     */
    static String inline(String text) {
        String v = Untrusted.visible(oneLine(text));
        StringBuilder sb = new StringBuilder(v.length() + 16);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '&': sb.append("&amp;"); break;
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '"': sb.append("&quot;"); break;
                case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '~': case '#':
                    sb.append('\\').append(c);
                    break;
                default:
                    sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A code span: the fence is one backtick longer than the longest run of backticks in the text, padded with a space
     * when the text starts or ends with a backtick; in a table cell {@code |} is escaped (GFM splits cells before it
     * parses code spans).
     */
    static String code(String text, boolean inTable) {
        String v = Untrusted.visible(oneLine(text));
        if (inTable) {
            v = v.replace("|", "\\|");
        }
        String fence = "`".repeat(longestRun(v, '`') + 1);
        boolean pad = v.startsWith("`") || v.endsWith("`") || v.isBlank();
        return fence + (pad ? " " : "") + v + (pad ? " " : "") + fence;
    }

    /** A fenced code block, each line prefixed with {@code indent} (inside a list item). */
    static void codeBlock(StringBuilder sb, String indent, String info, List<String> lines) {
        int run = 0;
        List<String> visible = new ArrayList<>(lines.size());
        for (String l : lines) {
            String v = Untrusted.visible(l).replace('\n', '\u2424');
            visible.add(v);
            run = Math.max(run, longestRun(v, '`'));
        }
        String fence = "`".repeat(Math.max(3, run + 1));
        sb.append(indent).append(fence).append(info).append('\n');
        for (String v : visible) {
            sb.append(indent).append(v).append('\n');
        }
        sb.append(indent).append(fence).append('\n');
    }

    /** Line breaks (of multi-line catalog text) as spaces. */
    private static String oneLine(String text) {
        return text.replace("\r\n", " ").replace('\n', ' ');
    }

    private static int longestRun(String s, char c) {
        int best = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == c ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }
}
