package io.smcdoctor.rules;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.KnowledgeValidationException;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.SourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.conf.PropertySpecificOption;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSessionsPool;
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
    /** Rule metadata: the inputs a rule needs, e.g. {@code @needs("SMCR_DEVICE IBV_DEVINFO")}. */
    static final String NEEDS = "needs";
    /** Rule metadata: causes a rule concludes besides the one its name starts with. */
    static final String CONCLUDES = "concludes";
    /** Largest accepted {@code drools-model} list of a rule pack. */
    static final int MAX_MODEL_LIST = 64 * 1024;

    /**
     * Sessions of the one KieBase, reused across calls: a stateless session from the pool borrows a reset session
     * for each execute instead of building the node memories of every rule again (a large share of a warm
     * diagnose). Thread-safe; the pool grows with the number of concurrent callers.
     */
    private final KieSessionsPool sessions;
    private final int ruleCount;
    private final List<DeclaredInputs> declaredInputs;
    /** Leaves out the facts no rule can match (most modules and sysctls of a bundle). */
    private final FactFilter filter;

    private RuleBase(KieBase kieBase) {
        // one session to start with (a command line needs no more); the pool adds one per concurrent caller. The
        // pool and its first session are made on the first request for a session: the first run, or
        // prepareSession()
        this.sessions = kieBase.newKieSessionsPool(1);

        this.ruleCount = kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
        this.declaredInputs = declaredInputs(kieBase);
        this.filter = FactFilter.of(kieBase);
    }

    /** The {@code @needs} (and {@code @concludes}) metadata of every rule, in package and rule order. */
    private static List<DeclaredInputs> declaredInputs(KieBase kieBase) {
        List<DeclaredInputs> out = new ArrayList<>();
        List<KnowledgeValidationException.Problem> problems = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        kieBase.getKiePackages().stream().sorted(Comparator.comparing(KiePackage::getName))
                .forEach(p -> p.getRules().stream().sorted(Comparator.comparing(Rule::getName)).forEach(rules::add));
        for (Rule r : rules) {
            Object needs = r.getMetaData().get(NEEDS);
            if (needs == null) {
                continue;
            }
            List<SourceKind> kinds = new ArrayList<>();
            for (String name : words(needs)) {
                try {
                    kinds.add(SourceKind.valueOf(name));
                } catch (IllegalArgumentException e) {
                    problems.add(new KnowledgeValidationException.Problem(r.getPackageName() + ": " + r.getName(), 0, 0,
                            "@" + NEEDS + " names '" + name + "', which is not an input kind; use one of "
                                    + Arrays.toString(SourceKind.values())));
                }
            }
            Set<String> causes = new LinkedHashSet<>();
            int colon = r.getName().indexOf(": ");
            if (colon > 0) {
                causes.add(r.getName().substring(0, colon));
            }
            Object more = r.getMetaData().get(CONCLUDES);
            if (more != null) {
                causes.addAll(words(more));
            }
            out.add(new DeclaredInputs(r.getName(), causes, kinds));
        }
        if (!problems.isEmpty()) {
            throw new KnowledgeValidationException(problems);
        }
        return List.copyOf(out);
    }

    private static List<String> words(Object metadata) {
        List<String> out = new ArrayList<>();
        for (String w : String.valueOf(metadata).replace('"', ' ').split("[\\s,]+")) {
            if (!w.isBlank()) {
                out.add(w.strip());
            }
        }
        return out;
    }

    /**
     * The precompiled rules shipped in this jar, loaded on first use and shared: a rule base is immutable and
     * thread-safe, so every {@code Diagnoser} without rule packs can use the same one. The first caller loads it;
     * callers meanwhile wait for it; a failure is thrown again, the same exception, to every caller.
     *
     * @throws KnowledgeValidationException when the generated model is missing or cannot be instantiated
     */
    public static RuleBase bundled() {
        Object loaded = Bundled.RESULT;
        if (loaded instanceof RuntimeException e) {
            throw e;
        }
        return (RuleBase) loaded;
    }

    /** Lazy holder: the JVM loads the rule base once, on first access, and keeps it or the exception loading threw. */
    private static final class Bundled {
        static final Object RESULT = loadOrFailure();

        private Bundled() {
        }

        private static Object loadOrFailure() {
            try {
                return load();
            } catch (RuntimeException e) {
                return e;
            }
        }
    }

    /**
     * Loads the precompiled rules shipped in this jar (a new rule base; {@link #bundled()} shares one).
     *
     * @throws KnowledgeValidationException when the generated model is missing or cannot be instantiated (a build
     *                                      problem, not a user error)
     */
    public static RuleBase load() {
        return load(List.of());
    }

    /**
     * Sets up what the rule models need from the JVM and another thread can set up while {@link #load} starts on
     * Drools' services: the JVM's SecureRandom, with which Drools names each {@code not} and {@code exists} pattern
     * by a random UUID ({@code AbstractExprViewItem}); its first use loads the security providers and seeds the
     * generator, about 10 ms of a cold start. Harmless at any other time.
     */
    public static void prepareJvm() {
        UUID.randomUUID();
    }

    /**
     * Loads the precompiled rules shipped in this jar and the precompiled rule packs at the given paths, in order.
     * A pack is a jar, or a directory of classes, built from DRL by kie-maven-plugin's {@code build} goal (the
     * executable model: {@code META-INF/kie/<group>/<artifact>/drools-model} lists its model classes); its rules
     * see the same facts as the bundled ones and conclude by inserting {@link Finding}s, whose causes a catalog
     * overlay defines. Packs are code: load only packs you trust (SECURITY.md). Their classes are loaded by one
     * class loader that lives as long as this rule base.
     *
     * @throws KnowledgeValidationException naming the pack when a path is not a jar or directory, holds no
     *                                      executable model, or its model cannot be instantiated
     */
    public static RuleBase load(List<Path> packs) {
        // Drools' services and configurations first: the model classes below name each 'not' and 'exists' pattern
        // with a random UUID, and the JVM's SecureRandom behind it is initialised meanwhile by a caller that preloads
        // (Diagnoser.preload) instead of by this thread
        KieBaseConfiguration conf = KieServices.get().newKieBaseConfiguration();
        conf.setOption(KieBaseMutabilityOption.DISABLED);
        KnowledgeBuilderConfiguration builderConf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration();
        // property reactivity (Drools' default) re-evaluates after a 'modify' only the patterns that test a modified
        // property, and for that reflects over every fact class as the network is built (a tenth of a cold rule base).
        // The bundled rules never modify a fact (the facts are immutable; the rules only insert findings), so it has
        // nothing to do for them; a pack may modify its own declared types and keeps it.
        if (packs.isEmpty()) {
            builderConf.setOption(PropertySpecificOption.ALLOWED);
        }
        ClassLoader own = RuleBase.class.getClassLoader();
        List<Model> models = new ArrayList<>();
        String ownList;
        try (InputStream in = own.getResourceAsStream(MODEL_LIST)) {
            if (in == null) {
                throw problem(MODEL_LIST, "resource not found: was the rules module built with kie-maven-plugin?");
            }
            ownList = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw problem(MODEL_LIST, "cannot read: " + e.getMessage());
        }
        instantiate(models, own, modelClassNames(ownList), MODEL_LIST);
        if (models.isEmpty()) {
            throw problem(MODEL_LIST, "no generated rule model listed");
        }
        if (!packs.isEmpty()) {
            loadPacks(models, packs, own);
        }
        // immutable: rules are never added or removed once built, and Drools then keeps a session's facts in a plain
        // identity store instead of one indexed by class and superclass, whose class stores every execution builds
        // again after the pooled session's reset (about 15 % of a warm diagnose); facts that no rule can match are
        // dropped from the store at once, which no rule and no listener can observe
        return new RuleBase(KieBaseBuilder.createKieBaseFromModel(models, conf, builderConf));
    }

    private static void loadPacks(List<Model> models, List<Path> packs, ClassLoader parent) {
        URL[] urls = new URL[packs.size()];
        for (int i = 0; i < urls.length; i++) {
            Path p = Objects.requireNonNull(packs.get(i), "rule pack path");
            if (!Files.isDirectory(p) && !(Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar"))) {
                throw problem(p.toString(), "a rule pack is a .jar file or a directory of compiled classes; "
                        + (Files.exists(p) ? "this is neither" : "it does not exist"));
            }
            try {
                urls[i] = p.toUri().toURL();
            } catch (MalformedURLException e) {
                throw problem(p.toString(), "cannot use as a class path entry: " + e.getMessage());
            }
        }
        // parent first: the facts, Finding and Drools come from the application, only the packs' own classes from here
        URLClassLoader loader = new URLClassLoader("smc-doctor-rule-packs", urls, parent);
        for (Path p : packs) {
            Map<String, String> lists = packModelLists(p);
            if (lists.isEmpty()) {
                throw problem(p.toString(), "no executable rule model (META-INF/kie/<group>/<artifact>/drools-model): "
                        + "build the pack with kie-maven-plugin's build goal and drools-engine as a dependency");
            }
            int before = models.size();
            lists.forEach((name, text) -> instantiate(models, loader, modelClassNames(text), p + "!/" + name));
            if (models.size() == before) {
                throw problem(p.toString(), "its drools-model lists no model class");
            }
        }
    }

    /** The {@code drools-model} lists of one pack (resource name to content), read from the pack itself. */
    private static Map<String, String> packModelLists(Path pack) {
        Map<String, String> lists = new TreeMap<>();
        try {
            if (Files.isDirectory(pack)) {
                Path kie = pack.resolve("META-INF").resolve("kie");
                if (Files.isDirectory(kie)) {
                    try (Stream<Path> files = Files.walk(kie, 3)) {
                        for (Path f : files.filter(x -> x.getFileName().toString().equals("drools-model")
                                && Files.isRegularFile(x)).sorted().toList()) {
                            lists.put(pack.relativize(f).toString().replace('\\', '/'), readLimited(Files.newInputStream(f)));
                        }
                    }
                }
            } else {
                try (ZipFile zip = new ZipFile(pack.toFile())) {
                    for (ZipEntry e : Collections.list(zip.entries())) {
                        String n = e.getName();
                        if (!e.isDirectory() && n.startsWith("META-INF/kie/") && n.endsWith("/drools-model")) {
                            lists.put(n, readLimited(zip.getInputStream(e)));
                        }
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw problem(pack.toString(), "cannot read the rule pack: " + e.getMessage());
        }
        return lists;
    }

    /** A model list is a few class names: refuse anything larger than 64 KiB. */
    private static String readLimited(InputStream stream) throws IOException {
        try (InputStream in = stream) {
            byte[] b = in.readNBytes(MAX_MODEL_LIST + 1);
            if (b.length > MAX_MODEL_LIST) {
                throw new IOException("a drools-model list is larger than " + MAX_MODEL_LIST + " bytes");
            }
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    private static void instantiate(List<Model> models, ClassLoader cl, List<String> classNames, String where) {
        for (String className : classNames) {
            try {
                models.add((Model) Class.forName(className, true, cl).getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
                throw problem(where, "cannot instantiate generated rule model " + className + ": " + e);
            }
        }
    }

    /**
     * Makes the first pooled session now instead of in the first {@link #run}: a start-up thread that built the rule
     * base can do this beside other work (a cold command line prepares its facts meanwhile). Thread-safe; a run that
     * starts meanwhile waits for this session instead of making another; later calls do nothing more.
     */
    public void prepareSession() {
        sessions.newStatelessKieSession();
    }

    /** What each rule that declares inputs needs ({@link DeclaredInputs}); rules without {@code @needs} are not listed. */
    public List<DeclaredInputs> declaredInputs() {
        return declaredInputs;
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
        return run(evidence, catalog, true);
    }

    /** {@link #run(Evidence, Catalog)}, with every fact inserted when {@code filtered} is false (for tests). */
    RuleOutcome run(Evidence evidence, Catalog catalog, boolean filtered) {
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(catalog, "catalog");
        // the facts first: a first run that finds the first session still being made (prepareSession) waits less
        HostContext host = HostContext.of(evidence);
        List<Object> facts = RuleInputs.facts(evidence, catalog);
        facts.add(host);
        List<Object> inserted = filtered ? needed(facts) : facts;
        RuleResults results = new RuleResults();
        StatelessKieSession session = sessions.newStatelessKieSession();
        session.addEventListener(results);
        session.execute(inserted);
        RuleOutcome raw = results.outcome();
        // no rule concludes a cause whose catalog preconditions the evidence contradicts
        PreconditionCheck.Result checked = PreconditionCheck.apply(raw.findings(), catalog, host);
        return new RuleOutcome(checked.kept(), checked.ruledOut());
    }

    /** The facts some rule of this base can match, in order: inserting the others would change no outcome. */
    List<Object> needed(List<Object> facts) {
        List<Object> needed = new ArrayList<>(facts.size());
        for (Object fact : facts) {
            if (filter.needed(fact)) {
                needed.add(fact);
            }
        }
        return needed;
    }

    /** The model class names of a {@code drools-model} list (after its {@code Drools-Model-Version} line). */
    private static List<String> modelClassNames(String list) {
        List<String> names = new ArrayList<>();
        for (String line : list.split("\\R")) {
            String s = line.trim();
            if (!s.isEmpty() && !s.startsWith("Drools-Model-Version") && !s.startsWith("#")) {
                names.add(s);
            }
        }
        return names;
    }

    private static KnowledgeValidationException problem(String where, String message) {
        return new KnowledgeValidationException(List.of(new KnowledgeValidationException.Problem(where, 0, 0, message)));
    }
}
