package io.smcdoctor.rules;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.KnowledgeValidationException;
import io.smcdoctor.evidence.Evidence;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.jspecify.annotations.Nullable;
import org.kie.api.KieBase;
import org.kie.api.runtime.StatelessKieSession;

/**
 * The compiled diagnosis rules. The DRL in {@code src/main/resources/io/smcdoctor/rules} is compiled to the Drools
 * executable model when this module is built; {@link #load()} instantiates the generated model classes directly
 * (listed in {@code META-INF/kie/.../drools-model}), so no DRL is parsed and no {@code kmodule.xml} is read at run
 * time.
 *
 * <p>Immutable and thread-safe: one instance (one {@code KieBase}) serves any number of threads; every
 * {@link #run} uses its own stateless session.
 */
public final class RuleBase {
    /** Where kie-maven-plugin lists the generated model classes of this module. */
    static final String MODEL_LIST = "META-INF/kie/io.smcdoctor/smc-doctor-rules/drools-model";
    /** The name of the global the collecting rules write to. */
    static final String RESULTS_GLOBAL = "results";

    private final KieBase kieBase;
    private final int ruleCount;

    private volatile RuleInputs.@Nullable Phrases phrases;

    private RuleBase(KieBase kieBase) {
        this.kieBase = kieBase;
        this.ruleCount = kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
    }

    /**
     * Loads the precompiled rules shipped in this jar.
     *
     * @throws KnowledgeValidationException when the generated model is missing or cannot be instantiated (a build
     *                                      problem, not a user error)
     */
    public static RuleBase load() {
        ClassLoader cl = RuleBase.class.getClassLoader();
        List<Model> models = new ArrayList<>();
        for (String className : modelClassNames(cl)) {
            try {
                models.add((Model) Class.forName(className, true, cl).getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw problem("cannot instantiate generated rule model " + className + ": " + e);
            }
        }
        if (models.isEmpty()) {
            throw problem("no generated rule model listed in " + MODEL_LIST);
        }
        return new RuleBase(KieBaseBuilder.createKieBaseFromModel(models));
    }

    /** The symptom phrases of the catalog last used, prepared once (a benign race: any thread may rebuild them). */
    private RuleInputs.Phrases phrases(Catalog catalog) {
        RuleInputs.Phrases p = phrases;
        if (p == null || p.catalog != catalog) {
            p = RuleInputs.Phrases.of(catalog);
            phrases = p;
        }
        return p;
    }

    /** How many rules the base holds (for diagnostics and tests). */
    public int ruleCount() {
        return ruleCount;
    }

    /**
     * Runs every rule over the evidence once, with the catalog facts the rules need, and returns what they
     * concluded (unranked; the same cause may be concluded by several rules).
     */
    public RuleOutcome run(Evidence evidence, Catalog catalog) {
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(catalog, "catalog");
        RuleResults results = new RuleResults();
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.setGlobal(RESULTS_GLOBAL, results);
        session.execute(RuleInputs.facts(evidence, catalog, phrases(catalog)));
        return results.outcome();
    }

    private static List<String> modelClassNames(ClassLoader cl) {
        List<String> names = new ArrayList<>();
        try (InputStream in = cl.getResourceAsStream(MODEL_LIST)) {
            if (in == null) {
                throw problem("resource " + MODEL_LIST + " not found: was the rules module built with kie-maven-plugin?");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String s = line.trim();
                if (!s.isEmpty() && !s.startsWith("Drools-Model-Version") && !s.startsWith("#")) {
                    names.add(s);
                }
            }
        } catch (IOException e) {
            throw problem("cannot read " + MODEL_LIST + ": " + e.getMessage());
        }
        return names;
    }

    private static KnowledgeValidationException problem(String message) {
        return new KnowledgeValidationException(List.of(new KnowledgeValidationException.Problem(MODEL_LIST, 0, 0, message)));
    }
}
