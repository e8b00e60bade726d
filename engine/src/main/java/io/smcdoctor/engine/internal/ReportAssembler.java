package io.smcdoctor.engine.internal;

import io.smcdoctor.Diagnosis;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.DiagnosisReport.Stats;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.FallbackCounter;
import io.smcdoctor.evidence.facts.SocketGroup;
import io.smcdoctor.rules.Codes;
import io.smcdoctor.rules.DeclaredInputs;
import io.smcdoctor.rules.HostContext;
import io.smcdoctor.rules.RuleOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what the rules concluded into a report: {@link Ranking} (merge, confidence, order), {@link Wording} (catalog
 * text in the report's language) and {@link MissingInputs} (what to collect next). Immutable, thread-safe.
 */
public final class ReportAssembler {
    private final Catalog catalog;
    private final Language language;
    private final Wording wording;
    private final MissingInputs missing;

    /**
     * An assembler over a catalog, writing text in a language; {@code declared} are the inputs the rules need
     * ({@link io.smcdoctor.rules.RuleBase#declaredInputs()}).
     */
    public ReportAssembler(Catalog catalog, Language language, List<DeclaredInputs> declared) {
        this.catalog = catalog;
        this.language = language;
        this.wording = new Wording(catalog, language);
        this.missing = new MissingInputs(language, declared);
    }

    /** The report for the evidence and what the rules concluded from it. */
    public DiagnosisReport assemble(Evidence evidence, RuleOutcome outcome) {
        List<Ranking.Ranked> ranked = Ranking.rank(outcome.findings(), catalog, evidence.sockets().fallbacks());
        List<ParseWarning> warnings = new ArrayList<>(evidence.warnings());
        for (Ranking.Ranked r : ranked) {
            if (r.cause() == null) {
                warnings.add(new ParseWarning("rules", 0, "rule " + r.merged().rules.iterator().next()
                        + " concluded cause '" + r.merged().causeId + "', which the catalog does not define"));
            }
        }
        Set<Integer> peerReasons = observedPeerReasons(evidence);
        Stats stats = stats(evidence);
        Set<Integer> observedCodes = new HashSet<>(stats.fallbacks().keySet());
        observedCodes.addAll(peerReasons);
        List<Diagnosis> diagnoses = new ArrayList<>(ranked.size());
        HostContext host = HostContext.of(evidence);
        for (Ranking.Ranked r : ranked) {
            diagnoses.add(wording.diagnosis(diagnoses.size() + 1, r, peerReasons, observedCodes, host));
        }
        return new DiagnosisReport(diagnoses, missing.list(evidence, ranked), warnings, stats, language);
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

    private static Stats stats(Evidence evidence) {
        Map<Integer, Long> fallbacks = new HashMap<>(evidence.sockets().byCode());
        FallbackCounter.totalsByCode(evidence.facts(FallbackCounter.class)).forEach(fallbacks::putIfAbsent);
        return new Stats(evidence.sockets().total(), evidence.sockets().smc(), fallbacks);
    }
}
