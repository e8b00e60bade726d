package io.smcdoctor.engine.internal;

import io.smcdoctor.Diagnosis;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.MissingEvidence;
import io.smcdoctor.ReportStats;
import io.smcdoctor.SuggestedRemedy;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Cause;
import io.smcdoctor.catalog.Check;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.Remedy;
import io.smcdoctor.catalog.Severity;
import io.smcdoctor.catalog.Side;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.FallbackCounter;
import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.Provenance;
import io.smcdoctor.evidence.SocketGroup;
import io.smcdoctor.rules.Codes;
import io.smcdoctor.rules.EvidenceNeeded;
import io.smcdoctor.rules.Finding;
import io.smcdoctor.rules.RuleOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Merges rule findings per cause, ranks them (formula in {@code Diagnoser}'s Javadoc and docs/ranking.md) and
 * resolves titles, remedies and references from the catalog in the report's language. Immutable, thread-safe.
 */
public final class ReportAssembler {
    /** Evidence lines kept per diagnosis. */
    static final int MAX_EVIDENCE = 12;
    private static final String PEER_CODE_PLACEHOLDER = "<peer code>";
    private static final String CODE_PLACEHOLDER = "<code>";

    private final Catalog catalog;
    private final Language language;

    /** An assembler over a catalog, writing text in a language. */
    public ReportAssembler(Catalog catalog, Language language) {
        this.catalog = catalog;
        this.language = language;
    }

    /** The report for the evidence and what the rules concluded from it. */
    public DiagnosisReport assemble(Evidence evidence, RuleOutcome outcome) {
        List<ParseWarning> warnings = new ArrayList<>(evidence.warnings());
        long fallbackSockets = evidence.sockets().fallbacks();
        List<Merged> merged = merge(outcome.findings());
        List<Scored> scored = new ArrayList<>(merged.size());
        for (Merged m : merged) {
            Optional<Cause> cause = catalog.cause(m.causeId);
            if (cause.isEmpty()) {
                warnings.add(new ParseWarning("rules", 0, "rule " + m.rules.iterator().next()
                        + " concluded cause '" + m.causeId + "', which the catalog does not define"));
            }
            Severity severity = cause.map(Cause::severity).orElse(Severity.PROBLEM);
            scored.add(new Scored(m, cause.orElse(null), severity, confidence(m, fallbackSockets)));
        }
        // problems first (a status such as "SMC-R works" never hides a problem the user asked about), then confidence
        scored.sort(Comparator.comparingInt((Scored s) -> s.severity == Severity.INFO ? 1 : 0)
                .thenComparingDouble(s -> -s.confidence)
                .thenComparing(s -> s.severity.ordinal())
                .thenComparing(s -> s.merged.causeId));
        List<Diagnosis> diagnoses = new ArrayList<>(scored.size());
        Set<Integer> peerReasons = observedPeerReasons(evidence);
        ReportStats stats = stats(evidence);
        Set<Integer> observedCodes = new HashSet<>(stats.fallbacks().keySet());
        observedCodes.addAll(peerReasons);
        for (Scored s : scored) {
            diagnoses.add(diagnosis(diagnoses.size() + 1, s, peerReasons, observedCodes));
        }
        return new DiagnosisReport(diagnoses, missing(outcome.needed(), scored), warnings, stats, language);
    }

    /**
     * Confidence of a merged finding: {@code s × (0.70 + 0.20 × (1 − 0.5^(n−1)) + 0.10 × r)}, two decimals.
     */
    static double confidence(Merged m, long fallbackSockets) {
        int n = Math.max(1, m.sources.size());
        double agreement = 1 - Math.pow(0.5, n - 1);
        double share = fallbackSockets > 0 && m.sockets > 0 ? Math.min(1.0, (double) m.sockets / fallbackSockets) : 0.5;
        double c = m.specificity * (0.70 + 0.20 * agreement + 0.10 * share);
        return Math.round(Math.min(1.0, c) * 100) / 100.0;
    }

    static List<Merged> merge(List<Finding> findings) {
        Map<String, Merged> byCause = new LinkedHashMap<>();
        for (Finding f : findings) {
            byCause.computeIfAbsent(f.causeId(), Merged::new).add(f);
        }
        return new ArrayList<>(byCause.values());
    }

    private Diagnosis diagnosis(int rank, Scored s, Set<Integer> observedPeerReasons, Set<Integer> observedCodes) {
        Merged m = s.merged;
        Cause cause = s.cause;
        List<SuggestedRemedy> remedies = new ArrayList<>();
        List<String> references = new ArrayList<>();
        String title = m.causeId;
        String explanation = "";
        List<Integer> codes = m.codes();
        List<Integer> peerCodes = peerCodes(codes, observedPeerReasons);
        if (cause != null) {
            title = cause.title().get(language);
            explanation = cause.detail().get(language) + peerReasons(cause, peerCodes);
            for (Remedy r : cause.remedies()) {
                remedies.add(new SuggestedRemedy(r.summary().get(language),
                        withCode(withPeerCode(r.commands(), peerCodes), observedOnly(codes, observedCodes))));
            }
            references.addAll(cause.references());
        }
        for (int code : codes) {
            Optional<ReasonCode> rc = catalog.reasonCode(code);
            if (rc.isEmpty()) {
                continue;
            }
            for (Remedy r : rc.get().remedies()) {
                SuggestedRemedy sr = new SuggestedRemedy(r.summary().get(language), r.commands());
                if (!remedies.contains(sr)) {
                    remedies.add(sr);
                }
            }
            rc.get().constant().map(c -> "kernel: " + c).filter(x -> !references.contains(x)).ifPresent(references::add);
        }
        List<Provenance> evidence = m.evidence.size() > MAX_EVIDENCE ? m.evidence.subList(0, MAX_EVIDENCE) : m.evidence;
        return new Diagnosis(rank, m.causeId, title, s.confidence, s.severity, m.side, codes, evidence, remedies,
                references, explanation, new ArrayList<>(m.rules));
    }

    /**
     * The peer's reasons a diagnosis explains: its codes after {@code 0x05000000} (PEERDECL) that the evidence really
     * showed as {@code 0x05000000/X} (a symptom's related codes are not pairs).
     */
    private static List<Integer> peerCodes(List<Integer> codes, Set<Integer> observedPeerReasons) {
        int at = codes.indexOf(Codes.PEERDECL);
        if (at < 0) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>(2);
        for (int c : codes.subList(at + 1, codes.size())) {
            if (observedPeerReasons.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The codes the evidence showed, in the diagnosis's order (a symptom's related codes are not evidence). */
    private static List<Integer> observedOnly(List<Integer> codes, Set<Integer> observed) {
        List<Integer> out = new ArrayList<>(codes.size());
        for (int c : codes) {
            if (observed.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The X of every {@code 0x05000000/X} on the sockets. */
    private static Set<Integer> observedPeerReasons(Evidence evidence) {
        Set<Integer> out = new HashSet<>();
        for (SocketGroup g : evidence.sockets().groups()) {
            if (g.localCode() == Codes.PEERDECL && g.peerCode() != 0) {
                out.add(g.peerCode());
            }
        }
        return out;
    }

    /**
     * For a cause that is not itself one of the peer's reasons (e.g. "the peer declined"), a sentence naming each
     * peer reason with its title, so the diagnosis explains the second code of {@code 0x05000000/X}.
     */
    private String peerReasons(Cause cause, List<Integer> peerCodes) {
        StringBuilder sb = new StringBuilder();
        for (int code : peerCodes) {
            Optional<ReasonCode> rc = catalog.reasonCode(code);
            if (rc.isPresent() && rc.get().causes().stream().anyMatch(c -> c.id().equals(cause.id()))) {
                continue;
            }
            String hex = ReasonCode.hex(code);
            boolean ja = language == Language.JA;
            String what = rc.map(r -> r.title().get(language))
                    .orElse(ja ? "カタログにないコード" : "a code the catalog does not know");
            sb.append(ja ? "ピアの理由: " + hex + " — " + what + "。" : " The peer's reason: " + hex + " — " + what + ".");
        }
        return sb.toString();
    }

    /**
     * Commands with the {@code <code>} placeholder filled in with the diagnosis's codes, in the notation
     * {@code smc-doctor explain} reads ({@code 0x05000000/0x03030008} for a declined pair).
     */
    private static List<String> withCode(List<String> commands, List<Integer> codes) {
        if (codes.isEmpty() || commands.stream().noneMatch(c -> c.contains(CODE_PLACEHOLDER))) {
            return commands;
        }
        StringBuilder joined = new StringBuilder();
        for (int c : codes) {
            joined.append(joined.length() == 0 ? "" : "/").append(ReasonCode.hex(c));
        }
        List<String> out = new ArrayList<>(commands.size());
        for (String c : commands) {
            out.add(c.replace(CODE_PLACEHOLDER, joined));
        }
        return out;
    }

    /** Commands with the {@code <peer code>} placeholder filled in (one command per peer code). */
    private static List<String> withPeerCode(List<String> commands, List<Integer> peerCodes) {
        if (peerCodes.isEmpty() || commands.stream().noneMatch(c -> c.contains(PEER_CODE_PLACEHOLDER))) {
            return commands;
        }
        List<String> out = new ArrayList<>(commands.size() + peerCodes.size());
        for (String c : commands) {
            if (!c.contains(PEER_CODE_PLACEHOLDER)) {
                out.add(c);
                continue;
            }
            for (int code : peerCodes) {
                out.add(c.replace(PEER_CODE_PLACEHOLDER, ReasonCode.hex(code)));
            }
        }
        return out;
    }

    private List<MissingEvidence> missing(List<EvidenceNeeded> needed, List<Scored> scored) {
        Map<String, MissingEvidence> out = new LinkedHashMap<>();
        for (EvidenceNeeded n : needed) {
            out.putIfAbsent(n.kind().fileName(), new MissingEvidence(n.kind().fileName(), n.kind().command(), n.why()));
        }
        // causes no file can show: the user must answer; list the catalog check with its command
        for (Scored s : scored) {
            if (s.cause == null || !s.cause.needsQuestion()) {
                continue;
            }
            for (Check check : s.cause.checks()) {
                String what = s.cause.title().get(language);
                String command = check.commands().isEmpty() ? "" : check.commands().get(0);
                out.putIfAbsent("question:" + s.cause.id(), new MissingEvidence(what, command,
                        check.summary().get(language) + (check.lookFor().get(language).isEmpty() ? ""
                                : " — " + check.lookFor().get(language))));
                break;
            }
        }
        return new ArrayList<>(out.values());
    }

    private static ReportStats stats(Evidence evidence) {
        Map<Integer, Long> fallbacks = new HashMap<>(evidence.sockets().byCode());
        FallbackCounter.totalsByCode(evidence.facts(FallbackCounter.class)).forEach(fallbacks::putIfAbsent);
        return new ReportStats(evidence.sockets().total(), evidence.sockets().smc(), fallbacks);
    }

    /** Findings of one cause, merged. */
    static final class Merged {
        final String causeId;
        /** Codes of specific findings (what the evidence showed), and of baseline ones (e.g. a symptom's related codes). */
        final List<Integer> specificCodes = new ArrayList<>(2);
        final List<Integer> baselineCodes = new ArrayList<>(2);
        final List<Provenance> evidence = new ArrayList<>();
        final Set<String> sources = new HashSet<>();
        final Set<String> rules = new LinkedHashSet<>();
        Side side = Side.UNKNOWN;
        double specificity;
        long sockets;
        boolean specificSide;
        double sideSpecificity = -1;

        Merged(String causeId) {
            this.causeId = causeId;
        }

        /** The codes of the specific findings; a symptom's generic related codes only when no rule saw more. */
        List<Integer> codes() {
            return specificCodes.isEmpty() ? baselineCodes : specificCodes;
        }

        void add(Finding f) {
            List<Integer> into = f.specific() ? specificCodes : baselineCodes;
            for (int c : f.codes()) {
                if (!into.contains(c)) {
                    into.add(c);
                }
            }
            for (Provenance p : f.evidence()) {
                if (!evidence.contains(p)) {
                    evidence.add(p);
                    sources.add(p.source());
                }
            }
            rules.add(f.rule());
            // the side of the most specific finding wins; a specific rule's side beats a baseline's
            boolean better = (f.specific() && !specificSide)
                    || (f.specific() == specificSide && f.specificity() > sideSpecificity);
            if (better) {
                side = f.side();
                specificSide = f.specific();
                sideSpecificity = f.specificity();
            }
            specificity = Math.max(specificity, f.specificity());
            sockets = Math.max(sockets, f.affectedSockets());
        }
    }

    private static final class Scored {
        final Merged merged;
        final @Nullable Cause cause;
        final Severity severity;
        final double confidence;

        Scored(Merged merged, @Nullable Cause cause, Severity severity, double confidence) {
            this.merged = merged;
            this.cause = cause;
            this.severity = severity;
            this.confidence = confidence;
        }
    }
}
