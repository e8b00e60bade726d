package io.smcdoctor.engine.internal.pair;

import io.smcdoctor.Diagnosis;
import io.smcdoctor.Diagnosis.SuggestedRemedy;
import io.smcdoctor.DiagnosisReport.MissingEvidence;
import io.smcdoctor.MultiHostReport;
import io.smcdoctor.MultiHostReport.HostCitation;
import io.smcdoctor.MultiHostReport.HostDiagnosis;
import io.smcdoctor.MultiHostReport.HostPairing;
import io.smcdoctor.MultiHostReport.RuledOutCause;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.engine.internal.Texts;
import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.SocketGroup;
import io.smcdoctor.evidence.facts.SocketMode;
import io.smcdoctor.rules.Codes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Renders a report of several hosts as text for people, in English or Japanese. Stateless. */
public final class PairText {
    /** Diagnoses shown in full; the rest are listed one per line. */
    static final int DETAILED = 3;
    /** Evidence lines shown per diagnosis; JSON lists them all. */
    static final int EVIDENCE_LINES = 8;
    /** Joined group pairs listed per pair of hosts. */
    static final int GROUPS = 6;

    private PairText() {
    }

    /** The text: hosts, how they join, ranked causes with the hosts to fix, ruled-out causes, missing evidence. */
    public static String render(MultiHostReport report) {
        Labels l = new Labels(report.language());
        StringBuilder sb = new StringBuilder(2048);
        sb.append(l.get("title")).append(": ").append(report.hosts().size()).append(' ').append(l.get("hosts"))
                .append('\n');
        for (MultiHostReport.Host h : report.hosts()) {
            sb.append("  ").append(h.name());
            if (!h.name().equals(h.label())) {
                sb.append(" (").append(h.label()).append(')');
            }
            sb.append(": ").append(h.report().stats().sockets()).append(' ').append(l.get("sockets")).append(", ")
                    .append(h.report().stats().smcSockets()).append(" SMC");
            if (!h.report().stats().fallbacks().isEmpty()) {
                sb.append(", ").append(l.get("fallbacks")).append(':');
                for (Map.Entry<Integer, Long> e : h.report().stats().fallbacks().entrySet()) {
                    sb.append(' ').append(ReasonCode.hex(e.getKey())).append(" x").append(e.getValue());
                }
            }
            h.capturedAt().ifPresent(t -> sb.append(", ").append(l.get("collected")).append(' ').append(t));
            sb.append('\n');
        }
        for (HostPairing p : report.pairings()) {
            pairing(sb, p, l);
        }
        if (report.diagnoses().isEmpty()) {
            sb.append('\n').append(l.get("nothing")).append('\n');
        }
        for (HostDiagnosis hd : report.diagnoses()) {
            if (hd.rank() > DETAILED) {
                break;
            }
            diagnosis(sb, hd, l);
        }
        if (report.diagnoses().size() > DETAILED) {
            sb.append('\n').append(l.get("others")).append(":\n");
            for (HostDiagnosis hd : report.diagnoses().subList(DETAILED, report.diagnoses().size())) {
                sb.append(String.format(Locale.ROOT, "  %d. %s %s (%s; %s %s)%n", hd.rank(),
                        Texts.twoDecimals(hd.confidence()), hd.diagnosis().title(), hd.id(), l.get("fixOn"),
                        fixOn(hd, l)));
            }
        }
        if (!report.ruledOut().isEmpty()) {
            sb.append('\n').append(l.get("ruledOut")).append(":\n");
            Map<String, List<String>> aside = new java.util.LinkedHashMap<>();
            for (RuledOutCause r : report.ruledOut()) {
                if (r.kind() == RuledOutCause.Kind.EXPLAINED_OTHERWISE) {
                    aside.computeIfAbsent(r.ruledOutBy() + ": " + r.because() + " (" + String.format(l.get("offered"),
                            r.offeredOn(), codes(r.reasonCodes())) + ")", k -> new ArrayList<>()).add(r.id());
                    continue;
                }
                sb.append("  ").append(r.title()).append(" (").append(r.id()).append("; ")
                        .append(String.format(l.get("offered"), r.offeredOn(), codes(r.reasonCodes()))).append(")\n")
                        .append("     ").append(r.ruledOutBy()).append(": ").append(r.because());
                for (HostCitation c : r.evidence()) {
                    sb.append("  ").append(c).append(c.line().text().isEmpty() ? "" : ": " + c.line().text().strip());
                }
                sb.append('\n');
            }
            for (Map.Entry<String, List<String>> e : aside.entrySet()) {
                sb.append("  ").append(l.get("explainedOtherwise")).append(", ").append(e.getKey()).append(":\n     ")
                        .append(String.join(", ", e.getValue())).append('\n');
            }
        }
        if (!report.missingEvidence().isEmpty()) {
            sb.append('\n').append(l.get("missing")).append(":\n");
            for (MultiHostReport.Missing mh : report.missingEvidence()) {
                MissingEvidence m = mh.evidence();
                sb.append("  ").append(mh.host()).append(": ").append(m.what());
                if (!m.command().isEmpty()) {
                    sb.append("  $ ").append(m.command());
                }
                sb.append("\n     ").append(m.why()).append('\n');
            }
        }
        boolean warningsHeader = false;
        for (MultiHostReport.Host h : report.hosts()) {
            for (ParseWarning w : h.report().warnings()) {
                if (!warningsHeader) {
                    sb.append('\n').append(l.get("warnings")).append(":\n");
                    warningsHeader = true;
                }
                sb.append("  ").append(h.name()).append(':').append(w).append('\n');
            }
        }
        return sb.toString();
    }

    private static void pairing(StringBuilder sb, HostPairing p, Labels l) {
        sb.append('\n').append(l.get("connections")).append(' ').append(p.hostA()).append(" <-> ").append(p.hostB())
                .append(": ");
        switch (p.relation()) {
            case JOINED -> sb.append(String.format(l.get("joined"), p.joined()));
            case PEERS -> sb.append(l.get(p.countersByTime() ? "countersByTime" : "peers"));
            case UNRELATED -> sb.append(l.get("unrelated"));
            default -> sb.append(l.get("unknown"));
        }
        sb.append('\n');
        int shown = 0;
        for (HostPairing.JoinedGroups g : p.groups()) {
            if (shown++ >= GROUPS) {
                sb.append("  ...\n");
                break;
            }
            sb.append(String.format(Locale.ROOT, "  %d x  %s: %s  |  %s: %s%s%n", g.count(), p.hostA(), group(g.a()),
                    p.hostB(), group(g.b()), g.contradicts() ? "  (" + l.get("contradicts") + ")" : ""));
            sb.append("        ").append(g.sampleA()).append("  ").append(g.sampleB()).append('\n');
        }
        if (p.joinedByCut() > 0) {
            sb.append("  ").append(String.format(l.get("byCut"), p.joinedByCut())).append('\n');
        }
        if (p.joinedByPortZero() > 0) {
            sb.append("  ").append(String.format(l.get("byPortZero"), p.joinedByPortZero())).append('\n');
        }
        if (p.ambiguous() > 0) {
            sb.append("  ").append(String.format(l.get("ambiguous"), p.ambiguous()));
            for (HostCitation c : p.ambiguousRows()) {
                sb.append(' ').append(c);
            }
            sb.append('\n');
        }
        if (p.linkGroups() > 0) {
            sb.append("  ").append(String.format(l.get("linkGroups"), p.linkGroups())).append('\n');
        } else if (p.linkGroupsFit() > 0) {
            sb.append("  ").append(String.format(l.get("linkGroupsFit"), p.linkGroupsFit())).append('\n');
        }
        if (p.relation() == HostPairing.Relation.JOINED && (p.unmatchedA() > 0 || p.unmatchedB() > 0)) {
            sb.append("  ").append(String.format(l.get("unmatched"), p.hostA(), p.unmatchedA(), p.hostB(),
                    p.unmatchedB())).append('\n');
        }
        p.capturedApart().ifPresent(d -> sb.append("  ").append(String.format(l.get("apart"), d.toSeconds()))
                .append('\n'));
        if (!p.consistent()) {
            sb.append("  ").append(String.format(l.get("notSameMoment"), p.contradicting())).append('\n');
        }
        if (!p.related()) {
            sb.append("  ").append(l.get("separately")).append('\n');
        }
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

    private static void diagnosis(StringBuilder sb, HostDiagnosis hd, Labels l) {
        Diagnosis d = hd.diagnosis();
        sb.append('\n').append(hd.rank()).append(". ").append(d.title()).append("  [").append(d.id())
                .append(String.format(Locale.ROOT, ", %s %s", l.get("confidence"), Texts.twoDecimals(hd.confidence())))
                .append(", ").append(l.word(d.severity().json()));
        if (!d.reasonCodes().isEmpty()) {
            sb.append(", ").append(codes(d.reasonCodes()));
        }
        sb.append("]\n");
        sb.append("   ").append(l.get("fixOn")).append(": ").append(fixOn(hd, l)).append('\n');
        sb.append("   ").append(l.get("concludedOn")).append(": ").append(String.join(", ", hd.concludedOn()));
        for (HostDiagnosis.Corroboration c : hd.corroboratedBy()) {
            sb.append("; ").append(String.format(l.get("confirms"), c.host(), c.id()
                    + (c.reasonCodes().isEmpty() ? "" : " " + codes(c.reasonCodes()))));
        }
        sb.append('\n');
        if (!hd.evidence().isEmpty()) {
            sb.append("   ").append(l.get("evidence")).append(":\n");
            List<HostCitation> lines = forPeople(hd.evidence());
            for (HostCitation c : lines.subList(0, Math.min(lines.size(), EVIDENCE_LINES))) {
                sb.append("     ").append(c).append(c.line().text().isEmpty() ? "" : ": " + c.line().text().strip())
                        .append('\n');
            }
            if (lines.size() > EVIDENCE_LINES) {
                sb.append("     ").append(String.format(Locale.ROOT, l.get("more"), lines.size() - EVIDENCE_LINES))
                        .append('\n');
            }
        }
        if (!d.explanation().isEmpty()) {
            sb.append("   ").append(l.get("why")).append(": ").append(d.explanation().strip().replace("\n", "\n     "))
                    .append('\n');
        }
        for (SuggestedRemedy r : d.remedies()) {
            sb.append("   ").append(l.get("fix")).append(": ").append(r.summary()).append('\n');
            for (String c : r.commands()) {
                sb.append("     $ ").append(c).append('\n');
            }
        }
    }

    /** The hosts to change, in words. */
    static String fixOn(HostDiagnosis hd, Labels l) {
        if (hd.fixOn().isEmpty()) {
            return l.get(hd.diagnosis().severity().json().equals("info") ? "noFix" : "notInBundles");
        }
        if (hd.fixOn().size() == 1) {
            return hd.fixOn().get(0);
        }
        return hd.fixEach() ? String.format(l.get("eachOf"), String.join(l.get("and"), hd.fixOn()))
                : String.format(l.get("eitherOf"), String.join(l.get("or"), hd.fixOn()));
    }

    /** One line of each host's file first (the independent facts), then the rest in order. */
    private static List<HostCitation> forPeople(List<HostCitation> evidence) {
        List<HostCitation> first = new ArrayList<>();
        List<HostCitation> rest = new ArrayList<>();
        Set<String> files = new HashSet<>();
        for (HostCitation c : evidence) {
            (files.add(c.host() + ":" + c.line().source()) ? first : rest).add(c);
        }
        first.addAll(rest);
        return first;
    }

    private static String codes(List<Integer> codes) {
        StringBuilder sb = new StringBuilder();
        boolean pair = codes.size() == 2 && codes.get(0) == Codes.PEERDECL;
        for (int i = 0; i < codes.size(); i++) {
            sb.append(i == 0 ? "" : pair ? "/" : ", ").append(ReasonCode.hex(codes.get(i)));
        }
        return sb.toString();
    }

    /** The report's words in its language. */
    static final class Labels {
        private static final Map<String, String> EN = Map.ofEntries(
                Map.entry("title", "SMC Doctor"), Map.entry("hosts", "hosts"), Map.entry("sockets", "sockets"),
                Map.entry("fallbacks", "fallbacks"), Map.entry("collected", "collected"),
                Map.entry("connections", "Connections"),
                Map.entry("joined", "%d joined (the two ends of the same connections)"),
                Map.entry("peers", "none joined, but one host's connections go to the other (the other lists none)"),
                Map.entry("countersByTime", "none joined; read together only by the time of collection: the"
                        + " smcr -d stats counters of both hosts, which cannot name connections"),
                Map.entry("unrelated", "unrelated: the listings show different connections, or connections to other"
                        + " addresses; the bundles do not belong together"),
                Map.entry("unknown", "nothing in the evidence joins them (no connections, addresses or link groups)"),
                Map.entry("contradicts", "the ends disagree"),
                Map.entry("byCut", "%d joined only through addresses smcss cut (..): probably the same"),
                Map.entry("byPortZero", "%d joined with port 0 on one end (its TCP socket is gone)"),
                Map.entry("ambiguous", "%d rows fit several rows of the other host and were not joined:"),
                Map.entry("linkGroups", "%d link groups name each other"),
                Map.entry("linkGroupsFit", "%d link groups fit each other (client and server, same EID)"),
                Map.entry("unmatched", "without a partner: %s %d, %s %d"),
                Map.entry("apart", "collected %d s apart"),
                Map.entry("notSameMoment", "%d connections look different from the two ends: the bundles are probably"
                        + " not from the same moment"),
                Map.entry("separately", "each host is diagnosed on its own"),
                Map.entry("nothing", "No problem found in the evidence."), Map.entry("confidence", "confidence"),
                Map.entry("fixOn", "fix on"), Map.entry("concludedOn", "concluded on"),
                Map.entry("confirms", "explains %s's %s"), Map.entry("evidence", "Evidence"),
                Map.entry("more", "... %d more lines (--format json lists all)"), Map.entry("why", "Why"),
                Map.entry("fix", "Fix"), Map.entry("others", "Other candidates"),
                Map.entry("ruledOut", "Ruled out by the other host's evidence"),
                Map.entry("offered", "offered on %s for %s"),
                Map.entry("missing", "Missing evidence (run these and diagnose again)"),
                Map.entry("warnings", "Input warnings"), Map.entry("noFix", "nothing to fix"),
                Map.entry("notInBundles", "the peer, which is not among these bundles"),
                Map.entry("eitherOf", "either end: %s"), Map.entry("or", " or "),
                Map.entry("eachOf", "each of: %s"), Map.entry("and", " and "),
                Map.entry("explainedOtherwise", "set aside"),
                Map.entry("problem", "problem"), Map.entry("warning", "warning"), Map.entry("info", "info"));
        private static final Map<String, String> JA = Map.ofEntries(
                Map.entry("title", "SMC Doctor"), Map.entry("hosts", "ホスト"), Map.entry("sockets", "ソケット"),
                Map.entry("fallbacks", "フォールバック"), Map.entry("collected", "収集"),
                Map.entry("connections", "接続"),
                Map.entry("joined", "%d 件を結合 (同じ接続の両端)"),
                Map.entry("peers", "結合なし。ただし一方のホストの接続が他方に向いている (他方には接続の一覧がない)"),
                Map.entry("countersByTime", "結合なし。収集時刻が近いことだけを根拠に、両ホストの smcr -d stats の"
                        + "カウンターを合わせて読んでいる (カウンターは接続を特定できない)"),
                Map.entry("unrelated", "無関係: 一覧が別々の接続、または別のアドレスへの接続を示しており、"
                        + "これらのバンドルは対にならない"),
                Map.entry("unknown", "証拠から両者を結び付けるものがない (接続、アドレス、リンクグループなし)"),
                Map.entry("contradicts", "両端で食い違い"),
                Map.entry("byCut", "%d 件は smcss が省略 (..) したアドレスでのみ結合 (おそらく同一)"),
                Map.entry("byPortZero", "%d 件は一方の端のポートが 0 の状態で結合 (TCP ソケットが消えている)"),
                Map.entry("ambiguous", "%d 行は相手側の複数の行に当てはまるため結合していない:"),
                Map.entry("linkGroups", "%d 個のリンクグループが互いを指している"),
                Map.entry("linkGroupsFit", "%d 個のリンクグループが対応する (クライアントとサーバー、同じ EID)"),
                Map.entry("unmatched", "相手のない行: %s %d、%s %d"),
                Map.entry("apart", "収集時刻の差 %d 秒"),
                Map.entry("notSameMoment", "%d 件の接続が両端で異なって見える: バンドルはおそらく同じ時点のものではない"),
                Map.entry("separately", "各ホストを個別に診断"),
                Map.entry("nothing", "証拠から問題は見つかりませんでした。"), Map.entry("confidence", "確信度"),
                Map.entry("fixOn", "対処するホスト"), Map.entry("concludedOn", "結論を出したホスト"),
                Map.entry("confirms", "%s の %s を説明"), Map.entry("evidence", "証拠"),
                Map.entry("more", "... ほか %d 行 (--format json ですべて表示)"), Map.entry("why", "理由"),
                Map.entry("fix", "対処"), Map.entry("others", "その他の候補"),
                Map.entry("ruledOut", "相手ホストの証拠で除外された原因"),
                Map.entry("offered", "%s が %s に対して提示"),
                Map.entry("missing", "不足している証拠 (実行して再診断してください)"),
                Map.entry("warnings", "入力の警告"), Map.entry("noFix", "対処不要"),
                Map.entry("notInBundles", "ピア (これらのバンドルには含まれない)"),
                Map.entry("eitherOf", "どちらか一方: %s"), Map.entry("or", " または "),
                Map.entry("eachOf", "両方: %s"), Map.entry("and", " と "),
                Map.entry("explainedOtherwise", "保留"),
                Map.entry("problem", "問題"), Map.entry("warning", "注意"), Map.entry("info", "情報"));

        private final Map<String, String> words;

        Labels(Language language) {
            this.words = language == Language.JA ? JA : EN;
        }

        String get(String key) {
            String w = words.get(key);
            if (w == null) {
                throw new IllegalStateException("no text for '" + key + "'");
            }
            return w;
        }

        String word(String json) {
            return words.getOrDefault(json, json);
        }
    }
}
