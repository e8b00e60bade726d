package io.smcdoctor.engine.internal;

import io.smcdoctor.Diagnosis;
import io.smcdoctor.Diagnosis.SuggestedRemedy;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.DiagnosisReport.MissingEvidence;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.rules.Codes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Renders a report as text for people, in English or Japanese. Stateless. */
public final class ReportText {
    /** Diagnoses shown in full; the rest are listed one per line. */
    static final int DETAILED = 3;

    private ReportText() {
    }

    /** The text: summary line, top diagnoses with evidence and commands, other candidates, missing evidence. */
    public static String render(DiagnosisReport report) {
        Labels l = new Labels(report.language());
        StringBuilder sb = new StringBuilder(1024);
        sb.append(l.summary).append(": ").append(report.stats().sockets()).append(' ').append(l.sockets).append(", ")
                .append(report.stats().smcSockets()).append(" SMC");
        if (!report.stats().fallbacks().isEmpty()) {
            sb.append(", ").append(l.fallbacks).append(':');
            for (Map.Entry<Integer, Long> e : report.stats().fallbacks().entrySet()) {
                sb.append(' ').append(ReasonCode.hex(e.getKey())).append(" x").append(e.getValue());
            }
        }
        sb.append('\n');
        if (report.diagnoses().isEmpty()) {
            sb.append('\n').append(l.nothing).append('\n');
        }
        int shown = 0;
        for (Diagnosis d : report.diagnoses()) {
            if (shown++ >= DETAILED) {
                break;
            }
            sb.append('\n').append(d.rank()).append(". ").append(d.title()).append("  [").append(d.id())
                    .append(", ").append(l.confidence).append(' ').append(Texts.twoDecimals(d.confidence()))
                    .append(", ").append(l.word(d.severity().json())).append(", ").append(l.side).append(' ')
                    .append(l.word(d.side().json()));
            if (!d.reasonCodes().isEmpty()) {
                sb.append(", ");
                // smcss notation for one declined pair (0x05000000/0x03030008), a list otherwise
                List<Integer> codes = d.reasonCodes();
                boolean pair = codes.size() == 2 && codes.get(0) == Codes.PEERDECL;
                for (int i = 0; i < codes.size(); i++) {
                    sb.append(i == 0 ? "" : pair ? "/" : ", ").append(ReasonCode.hex(codes.get(i)));
                }
            }
            sb.append("]\n");
            if (!d.evidence().isEmpty()) {
                sb.append("   ").append(l.evidence).append(":\n");
                List<Provenance> lines = evidenceForPeople(d.evidence());
                for (Provenance p : lines.subList(0, Math.min(lines.size(), EVIDENCE_LINES))) {
                    sb.append("     ").append(p).append(p.text().isEmpty() ? "" : ": " + p.text().strip()).append('\n');
                }
                if (lines.size() > EVIDENCE_LINES) {
                    sb.append("     ").append(Texts.withCount(l.more, lines.size() - EVIDENCE_LINES)).append('\n');
                }
            }
            if (!d.explanation().isEmpty()) {
                sb.append("   ").append(l.why).append(": ").append(d.explanation().strip().replace("\n", "\n     "))
                        .append('\n');
            }
            for (SuggestedRemedy r : d.remedies()) {
                sb.append("   ").append(l.fix).append(": ").append(r.summary()).append('\n');
                for (String c : r.commands()) {
                    sb.append("     $ ").append(c).append('\n');
                }
            }
        }
        if (report.diagnoses().size() > DETAILED) {
            sb.append('\n').append(l.others).append(":\n");
            for (Diagnosis d : report.diagnoses().subList(DETAILED, report.diagnoses().size())) {
                sb.append("  ").append(d.rank()).append(". ").append(Texts.twoDecimals(d.confidence())).append(' ')
                        .append(d.title()).append(" (").append(d.id()).append(')').append(System.lineSeparator());
            }
        }
        if (!report.missingEvidence().isEmpty()) {
            sb.append('\n').append(l.missing).append(":\n");
            for (MissingEvidence m : report.missingEvidence()) {
                sb.append("  ").append(m.what());
                if (!m.command().isEmpty()) {
                    sb.append("  $ ").append(m.command());
                }
                sb.append("\n     ").append(m.why()).append('\n');
            }
        }
        if (!report.warnings().isEmpty()) {
            sb.append('\n').append(l.warnings).append(":\n");
            for (ParseWarning w : report.warnings()) {
                sb.append("  ").append(w).append('\n');
            }
        }
        return sb.toString();
    }

    /** Evidence lines shown per diagnosis in text; JSON lists them all. */
    private static final int EVIDENCE_LINES = 6;

    /** One line of each evidence file first (the independent facts), then the rest in order. */
    private static List<Provenance> evidenceForPeople(List<Provenance> evidence) {
        List<Provenance> first = new ArrayList<>();
        List<Provenance> rest = new ArrayList<>();
        Set<String> sources = new HashSet<>();
        for (Provenance p : evidence) {
            (sources.add(p.source()) ? first : rest).add(p);
        }
        first.addAll(rest);
        return first;
    }

    /** The report's words in its language. */
    private static final class Labels {
        final String summary;
        final String sockets;
        final String fallbacks;
        final String nothing;
        final String confidence;
        final String side;
        final String evidence;
        final String why;
        final String fix;
        final String others;
        final String missing;
        final String warnings;
        final String more;
        private final Language language;

        Labels(Language language) {
            this.language = language;
            summary = get("summary");
            sockets = get("sockets");
            fallbacks = get("fallbacks");
            nothing = get("nothing");
            confidence = get("confidence");
            side = get("side");
            evidence = get("evidence");
            why = get("why");
            fix = get("fix");
            others = get("others");
            missing = get("missing");
            warnings = get("warnings");
            more = get("more");
        }

        private String get(String key) {
            return Texts.TEXTS.get("report." + key, language);
        }

        /** A severity or side word in this language (the JSON word when untranslated). */
        String word(String json) {
            String key = "report.word." + json;
            return Texts.TEXTS.has(key) ? Texts.TEXTS.get(key, language) : json;
        }
    }
}
