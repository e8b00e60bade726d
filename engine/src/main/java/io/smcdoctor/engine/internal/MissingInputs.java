package io.smcdoctor.engine.internal;

import io.smcdoctor.DiagnosisReport.MissingEvidence;
import io.smcdoctor.catalog.Check;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.Side;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.internal.EvidenceSpec;
import io.smcdoctor.evidence.internal.EvidenceSpecs;
import io.smcdoctor.rules.DeclaredInputs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evidence a report asks for, derived from what the rules needed and did not get: the primary input of the
 * evidence-spec registry when it is missing; then, diagnosis by diagnosis in rank order, every missing input that a
 * rule concluding that cause (or a rule that concluded it) declares with {@code @needs}, except for causes on the
 * peer (whose evidence is the peer's); then, for causes no file can show, the question to ask the user with the
 * catalog check's command. Immutable, thread-safe.
 */
final class MissingInputs {
    private final Language language;
    private final List<DeclaredInputs> declared;

    MissingInputs(Language language, List<DeclaredInputs> declared) {
        this.language = language;
        this.declared = List.copyOf(declared);
    }

    /** One entry per missing input (each listed once, where it is first needed), then one per question-only cause. */
    List<MissingEvidence> list(Evidence evidence, List<Ranking.Ranked> ranked) {
        Map<String, MissingEvidence> out = new LinkedHashMap<>();
        for (EvidenceSpec spec : EvidenceSpecs.all()) {
            if (spec.primary()) {
                ask(spec.kind(), evidence, out);
            }
        }
        for (Ranking.Ranked r : ranked) {
            if (r.merged().side == Side.PEER) {
                continue; // what would show a cause on the peer is in the peer's evidence, not in this host's
            }
            for (DeclaredInputs d : declared) {
                if (d.causes().contains(r.merged().causeId) || r.merged().rules.contains(d.rule())) {
                    d.needs().forEach(kind -> ask(kind, evidence, out));
                }
            }
        }
        for (Ranking.Ranked r : ranked) {
            if (r.cause() == null || !r.cause().needsQuestion()) {
                continue;
            }
            for (Check check : r.cause().checks()) {
                String what = r.cause().title().get(language);
                String command = check.commands().isEmpty() ? "" : check.commands().get(0);
                out.putIfAbsent("question:" + r.cause().id(), new MissingEvidence(what, command,
                        check.summary().get(language) + (check.lookFor().get(language).isEmpty() ? ""
                                : " — " + check.lookFor().get(language))));
                break;
            }
        }
        return new ArrayList<>(out.values());
    }

    private void ask(SourceKind kind, Evidence evidence, Map<String, MissingEvidence> out) {
        if (evidence.missing(kind) && !out.containsKey(kind.fileName())) {
            EvidenceSpec spec = EvidenceSpecs.of(kind);
            out.put(kind.fileName(), new MissingEvidence(kind.fileName(), spec.hint(), spec.tells().get(language)));
        }
    }
}
