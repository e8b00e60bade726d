package io.smcdoctor.evidence.facts;

/**
 * Any piece of evidence. Every fact knows the file and line it came from, so that a diagnosis can cite it.
 */
public interface Fact {
    /** Where this fact was read. */
    Provenance provenance();
}
