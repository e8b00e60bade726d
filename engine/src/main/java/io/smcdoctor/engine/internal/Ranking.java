package io.smcdoctor.engine.internal;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Cause;
import io.smcdoctor.catalog.Severity;
import io.smcdoctor.catalog.Side;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.rules.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Ranks what the rules concluded: merges the findings of each cause, computes their confidence and orders them, as
 * {@code docs/ranking.md} describes (the one description of ranking; the numbers are here and in the rules'
 * {@code Specificity}). Stateless.
 */
final class Ranking {
    /** Confidence of a finding whose evidence is one file and that is not about sockets, per unit of specificity. */
    static final double BASE = 0.70;
    /** Weight of the agreement of independent sources: {@code a = 1 − 0.5^(n − 1)}. */
    static final double AGREEMENT = 0.20;
    /** Weight of the share of the fallback sockets the cause explains. */
    static final double SOCKET_SHARE = 0.10;
    /** The socket share of a cause that is not about sockets, or when no socket fell back. */
    static final double NOT_ABOUT_SOCKETS = 0.5;

    /**
     * Orders ranked causes: problems and warnings before information, then confidence, severity, a cause a specific
     * rule concluded before one that rests on a reason code or symptom alone, and the cause id. Never the order in
     * which the rules concluded them (that follows the catalog), so equal evidence gives the same ranks.
     */
    static final Comparator<Ranked> ORDER = Comparator.comparingInt((Ranked r) -> r.severity() == Severity.INFO ? 1 : 0)
            .thenComparingDouble(r -> -r.confidence())
            .thenComparing(r -> r.severity().ordinal())
            .thenComparingInt(r -> r.merged().specific() ? 0 : 1)
            .thenComparing(r -> r.merged().causeId);

    private Ranking() {
    }

    /**
     * One merged cause with its catalog entry (null when the catalog does not define it), severity and confidence.
     */
    record Ranked(Merged merged, @Nullable Cause cause, Severity severity, double confidence) {
    }

    /** The findings merged per cause and ranked, best first; causes the catalog lacks count as problems. */
    static List<Ranked> rank(List<Finding> findings, Catalog catalog, long fallbackSockets) {
        List<Ranked> ranked = new ArrayList<>();
        for (Merged m : merge(findings)) {
            Optional<Cause> cause = catalog.cause(m.causeId);
            Severity severity = cause.map(Cause::severity).orElse(Severity.PROBLEM);
            ranked.add(new Ranked(m, cause.orElse(null), severity, confidence(m, fallbackSockets)));
        }
        ranked.sort(ORDER);
        return ranked;
    }

    /**
     * Confidence of a merged finding: {@code s × (0.70 + 0.20 × (1 − 0.5^(n−1)) + 0.10 × r)}, two decimals, where
     * {@code n} is the number of distinct evidence files cited and {@code r} the share of the fallback sockets the
     * cause explains (0.5 when it is not about sockets).
     */
    static double confidence(Merged m, long fallbackSockets) {
        int n = Math.max(1, m.sources.size());
        double agreement = 1 - Math.pow(0.5, n - 1);
        double share = fallbackSockets > 0 && m.sockets > 0 ? Math.min(1.0, (double) m.sockets / fallbackSockets)
                : NOT_ABOUT_SOCKETS;
        double c = m.specificity * (BASE + AGREEMENT * agreement + SOCKET_SHARE * share);
        return Math.round(Math.min(1.0, c) * 100) / 100.0;
    }

    /** The findings grouped by cause, in the order each cause was first concluded. */
    static List<Merged> merge(List<Finding> findings) {
        Map<String, Merged> byCause = new LinkedHashMap<>();
        for (Finding f : findings) {
            byCause.computeIfAbsent(f.causeId(), Merged::new).add(f);
        }
        return new ArrayList<>(byCause.values());
    }

    /**
     * Findings of one cause, merged: the highest specificity, the union of the evidence, the most sockets, and the
     * side of the most specific finding (a specific rule's side beats a baseline's).
     */
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
        private boolean specificSide;
        private double sideSpecificity = -1;

        Merged(String causeId) {
            this.causeId = causeId;
        }

        /** True when a specific rule concluded the cause, not only the baseline of a code or symptom. */
        boolean specific() {
            return specificSide;
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
}
