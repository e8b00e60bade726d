package io.smcdoctor.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ObjectType;
import org.drools.base.rule.EntryPointId;
import org.drools.base.rule.constraint.AlphaNodeFieldConstraint;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.CompositeObjectSinkAdapter;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectSinkPropagator;
import org.drools.core.reteoo.ObjectTypeNode;
import org.jspecify.annotations.Nullable;
import org.kie.api.KieBase;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Tells, from the built Rete network of a rule base (the bundled rules and every pack), whether a fact can ever
 * reach a rule: inserting a fact costs a stateless execution about a quarter of a microsecond, and most of the facts
 * of a bundle (the 40 modules of an lsmod, the sysctls) reach none. A fact is needed when an object type node of
 * its class (or of a supertype) passes every fact on to a join or a rule, or when one of the alpha constraints that
 * node tests first holds for it; a fact whose class no rule names, or which fails all of them, could never be in any
 * match, so leaving it out changes no rule's outcome. The decision is conservative: a type node that is not of a
 * class, a constraint that throws and a rule base whose network cannot be read keep every fact.
 *
 * <p>Immutable after construction and thread-safe (the per-class decisions are computed on demand and kept).
 */
final class FactFilter {
    /**
     * The decision for the facts of one class: keep all, or keep those for which a hashed equality of a type node
     * ({@code kind == KernelEventKind.X} of many rules, one lookup as Drools propagates it) or one of the other alpha
     * constraints holds; with neither, keep none.
     */
    private record Test(boolean all, List<Hashed> hashed, List<AlphaNodeFieldConstraint> constraints) {
        static final Test KEEP = new Test(true, List.of(), List.of());
    }

    /** The alpha nodes a type node hashes by the value of one field. */
    private record Hashed(CompositeObjectSinkAdapter.FieldIndex field, Map<CompositeObjectSinkAdapter.HashKey, AlphaNode> nodes) {
        boolean holds(Object fact) {
            return nodes.containsKey(new CompositeObjectSinkAdapter.HashKey(field, fact));
        }
    }

    /** Type nodes of the default entry point, or null to keep every fact. */
    private final @Nullable List<ObjectTypeNode> nodes;

    private final ClassValue<Test> tests = new ClassValue<>() {
        @Override
        protected Test computeValue(Class<?> type) {
            return test(type);
        }
    };

    private FactFilter(@Nullable List<ObjectTypeNode> nodes) {
        this.nodes = nodes;
    }

    /** The filter of a rule base built by Drools' Rete builder; one that keeps every fact for any other. */
    static FactFilter of(KieBase kieBase) {
        if (!(kieBase instanceof InternalRuleBase rb)) {
            return new FactFilter(null);
        }
        Map<ObjectType, ObjectTypeNode> byType = rb.getRete().getObjectTypeNodes(EntryPointId.DEFAULT);
        if (byType == null) {
            return new FactFilter(null);
        }
        List<ObjectTypeNode> nodes = new ArrayList<>(byType.size());
        for (Map.Entry<ObjectType, ObjectTypeNode> e : byType.entrySet()) {
            if (!(e.getKey() instanceof ClassObjectType)) {
                return new FactFilter(null);
            }
            nodes.add(e.getValue());
        }
        return new FactFilter(List.copyOf(nodes));
    }

    private Test test(Class<?> type) {
        List<ObjectTypeNode> nodes = this.nodes;
        if (nodes == null) {
            return Test.KEEP;
        }
        List<Hashed> hashed = new ArrayList<>();
        List<AlphaNodeFieldConstraint> constraints = new ArrayList<>();
        for (ObjectTypeNode node : nodes) {
            Class<?> nodeType = ((ClassObjectType) node.getObjectType()).getClassType();
            if (nodeType == null || !nodeType.isAssignableFrom(type)) {
                continue;
            }
            ObjectSinkPropagator propagator = node.getObjectSinkPropagator();
            Set<AlphaNode> byHash = Collections.newSetFromMap(new IdentityHashMap<>());
            if (propagator instanceof CompositeObjectSinkAdapter composite && composite.getHashedSinkMap() != null
                    && composite.getHashedFieldIndexes() != null) {
                Map<CompositeObjectSinkAdapter.HashKey, AlphaNode> map = composite.getHashedSinkMap();
                for (CompositeObjectSinkAdapter.FieldIndex f : composite.getHashedFieldIndexes()) {
                    if (f.isHashed()) {
                        hashed.add(new Hashed(f, map));
                    }
                }
                byHash.addAll(map.values());
            }
            for (ObjectSink sink : propagator.getSinks()) {
                if (!(sink instanceof AlphaNode alpha)) {
                    return Test.KEEP;
                }
                if (!byHash.contains(alpha)) {
                    constraints.add(alpha.getConstraint());
                }
            }
        }
        return new Test(false, List.copyOf(hashed), List.copyOf(constraints));
    }

    /** False when no rule of the rule base can ever match the fact. */
    boolean needed(Object fact) {
        Test t = tests.get(fact.getClass());
        if (t.all()) {
            return true;
        }
        List<Hashed> hashed = t.hashed();
        List<AlphaNodeFieldConstraint> constraints = t.constraints();
        try {
            for (int i = 0; i < hashed.size(); i++) {
                if (hashed.get(i).holds(fact)) {
                    return true;
                }
            }
            if (constraints.isEmpty()) {
                return false;
            }
            Probe handle = new Probe(fact);
            for (int i = 0; i < constraints.size(); i++) {
                if (constraints.get(i).isAllowed(handle, null)) {
                    return true;
                }
            }
        } catch (RuntimeException e) {
            // a constraint that needs a session (a global, a handle of the session) decides in the session
            return true;
        }
        return false;
    }

    /** The fact as an alpha constraint of the executable model reads it: only its object. */
    private static final class Probe implements FactHandle {
        private final Object object;

        Probe(Object object) {
            this.object = object;
        }

        @Override
        public Object getObject() {
            return object;
        }

        @Override
        public boolean isNegated() {
            return false;
        }

        @Override
        public boolean isEvent() {
            return false;
        }

        @Override
        public long getId() {
            return 0;
        }

        @Override
        public long getRecency() {
            return 0;
        }

        @Override
        public <K> K as(Class<K> klass) {
            return klass.cast(object);
        }

        @Override
        public boolean isValid() {
            return true;
        }

        @Override
        public String toExternalForm() {
            return "probe:" + object.getClass().getName();
        }
    }
}
