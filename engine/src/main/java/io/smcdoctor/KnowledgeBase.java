package io.smcdoctor;

/** Answers SMC questions in English or Japanese from the catalog. (Placeholder.) */
public final class KnowledgeBase {
    private KnowledgeBase() {
    }

    /** The knowledge base over the bundled catalog. */
    public static KnowledgeBase bundled() {
        return new KnowledgeBase();
    }
}
