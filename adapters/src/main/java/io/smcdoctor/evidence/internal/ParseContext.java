package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.Fact;
import io.smcdoctor.evidence.facts.Provenance;

/** What a parser writes to: facts and warnings, for one source file. */
public interface ParseContext {
    /** The source (file) name facts and warnings are attributed to. */
    String source();

    /** Adds a fact. Socket rows are aggregated, everything else is kept as is. */
    void add(Fact fact);

    /** Records a warning at a 1-based line (0 = whole file). */
    void warn(int line, String message);

    /** A provenance for a line of this source. */
    default Provenance at(int line, String text) {
        return new Provenance(source(), line, text);
    }
}
