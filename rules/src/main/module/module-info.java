/**
 * The diagnosis rules: DRL compiled at build time to the Drools executable model, and the facts the rules emit.
 *
 * <p>{@code io.smcdoctor.rules} is SPI for rule-pack authors (Finding, HostContext, Specificity, RuleFunctions and the
 * other facts a DRL rule inserts or matches) and holds the rule base the engine runs. The executable model's
 * generated classes live in {@code io.smcdoctor.rules} and in sub-packages whose names the Drools compiler chooses
 * per build; they are not named here: the application runs on the class path (see docs/api.md, "Modules").
 */
module io.smcdoctor.rules {
    requires transitive io.smcdoctor.adapters;
    requires org.drools.canonicalmodel;
    requires org.drools.modelcompiler;
    requires org.kie.api;
    requires static org.jspecify;

    exports io.smcdoctor.rules;
}
