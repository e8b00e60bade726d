package io.smcdoctor.engine.internal;

import io.smcdoctor.MissingEvidence;
import io.smcdoctor.catalog.Check;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.rules.EvidenceNeeded;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evidence a report asks for: the inputs the rules needed and did not get, then, for causes no file can show,
 * the question to ask the user with the catalog check's command. Immutable, thread-safe.
 */
final class MissingInputs {
    private final Language language;

    MissingInputs(Language language) {
        this.language = language;
    }

    /** One entry per missing file (the first request wins), then one per question-only cause, in rank order. */
    List<MissingEvidence> list(List<EvidenceNeeded> needed, List<Ranking.Ranked> ranked) {
        Map<String, MissingEvidence> out = new LinkedHashMap<>();
        for (EvidenceNeeded n : needed) {
            out.putIfAbsent(n.kind().fileName(), new MissingEvidence(n.kind().fileName(), n.kind().command(), n.why()));
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
}
