package io.smcdoctor.fleet;

import io.smcdoctor.Diagnoser;
import io.smcdoctor.HostEvidence;
import io.smcdoctor.MultiHostReport;
import io.smcdoctor.MultiHostReport.HostDiagnosis;
import io.smcdoctor.MultiHostReport.HostPairing;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.evidence.Evidence;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * What an executor does with the bundle pairs of one task: reads both bundles again (as {@link BundleTask} read them
 * for their own diagnosis) and diagnoses them together with this JVM's {@link Diagnoser}
 * ({@link Diagnoser#diagnose(List)}). The pairs come sorted by their first bundle, so a bundle that is in several pairs
 * in a row (a server with many clients) is read once for them; the last few bundles read are kept
 * ({@value #KEEP} at most, each the size of its parsed evidence).
 *
 * <p>Never throws for a bad bundle: a bundle that cannot be read again (deleted or changed since it was listed) makes a
 * pair row with its error; any other failure of one pair does too.
 */
final class PairTask {
    /** Parsed bundles kept by one task thread. */
    static final int KEEP = 4;
    private static final Pattern LABEL_CHARS = Pattern.compile("[^A-Za-z0-9._-]");

    private PairTask() {
    }

    /** A bundle pair to diagnose: the two bundle ids (first < second) and the keys they share. */
    record Pair(int a, int b, long matchedKeys) {
    }

    /** Reads a bundle of the plan by id, or says why it cannot be read. */
    @FunctionalInterface
    interface Reader {
        Evidence read(int id) throws BundleTask.Unreadable;
    }

    /** Diagnoses the pairs in order. */
    static Iterator<PairResult> diagnose(Iterator<Pair> pairs, IntFunction<BundlePlan.Bundle> bundles, Reader reader,
                                         FleetCounters counters) {
        Diagnoser diagnoser = Diagnosers.get();
        Map<Integer, Object> recent = new LinkedHashMap<>(KEEP * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Object> eldest) {
                return size() > KEEP;
            }
        };
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return pairs.hasNext();
            }

            @Override
            public PairResult next() {
                Pair p = pairs.next();
                return one(p, bundles.apply(p.a()), bundles.apply(p.b()), recent, reader, diagnoser, counters);
            }
        };
    }

    private static PairResult one(Pair p, BundlePlan.Bundle a, BundlePlan.Bundle b, Map<Integer, Object> recent,
                                  Reader reader, Diagnoser diagnoser, FleetCounters counters) {
        String hostA = a.name();
        String hostB = b.name();
        try {
            long read = System.nanoTime();
            Object ea = evidence(p.a(), recent, reader);
            Object eb = evidence(p.b(), recent, reader);
            counters.pairReadNanos().add(System.nanoTime() - read);
            if (ea instanceof Evidence x) {
                hostA = BundleTask.host(a, x)[0];
            }
            if (eb instanceof Evidence y) {
                hostB = BundleTask.host(b, y)[0];
            }
            if (!(ea instanceof Evidence x)) {
                return PairResult.failed(a.path(), hostA, b.path(), hostB, p.matchedKeys(), (String) ea);
            }
            if (!(eb instanceof Evidence y)) {
                return PairResult.failed(a.path(), hostA, b.path(), hostB, p.matchedKeys(), (String) eb);
            }
            String[] labels = labels(hostA, hostB);
            long diagnose = System.nanoTime();
            MultiHostReport report;
            try {
                report = diagnoser.diagnose(List.of(HostEvidence.of(labels[0], x), HostEvidence.of(labels[1], y)));
            } finally {
                counters.pairDiagnoseNanos().add(System.nanoTime() - diagnose);
            }
            return result(a.path(), hostA, b.path(), hostB, p.matchedKeys(), report);
        } catch (RuntimeException | StackOverflowError e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            return PairResult.failed(a.path(), hostA, b.path(), hostB, p.matchedKeys(), "the pair could not be"
                    + " diagnosed: " + m);
        }
    }

    /** The evidence of a bundle (read now or kept from a pair before), or the error of reading it. */
    private static Object evidence(int id, Map<Integer, Object> recent, Reader reader) {
        Object known = recent.get(id);
        if (known != null) {
            return known;
        }
        Object value;
        try {
            value = reader.read(id);
        } catch (BundleTask.Unreadable e) {
            value = e.getMessage();
        }
        recent.put(id, value);
        return value;
    }

    /** The fleet's values of a pair report. */
    static PairResult result(String bundleA, String hostA, String bundleB, String hostB, long matchedKeys,
                             MultiHostReport report) {
        HostPairing pairing = report.pairings().get(0);
        List<PairResult.Cause> causes = new ArrayList<>();
        for (HostDiagnosis d : report.diagnoses()) {
            causes.add(new PairResult.Cause(d.rank(), d.id(), d.diagnosis().title(), d.confidence(),
                    d.diagnosis().severity().json(), d.diagnosis().side().json(), d.concludedOn(), d.fixOn(),
                    d.fixEach(), d.diagnosis().reasonCodes().stream().map(ReasonCode::hex).toList(),
                    d.evidence().size()));
        }
        return new PairResult(bundleA, hostA, bundleB, hostB, matchedKeys, pairing.relation().json(),
                pairing.related(), pairing.consistent(), pairing.joined(), pairing.joinedByCut(),
                pairing.contradicting(), causes, null);
    }

    /**
     * The labels the two hosts are given ({@link HostEvidence#label()}): their fleet host names, with characters a
     * label cannot hold replaced by {@code -} and cut to 63; {@code -1} and {@code -2} added when the two are the same.
     * The report names a host by the name its bundle gives, else by the label, so the causes' hosts are the fleet's
     * names whenever those are valid labels and differ.
     */
    static String[] labels(String hostA, String hostB) {
        String a = label(hostA);
        String b = label(hostB);
        if (a.equalsIgnoreCase(b)) {
            a = cut(a, 61) + "-1";
            b = cut(b, 61) + "-2";
        }
        return new String[] {a, b};
    }

    static String label(String host) {
        String l = LABEL_CHARS.matcher(host).replaceAll("-");
        if (l.isEmpty() || l.charAt(0) == '.' || l.charAt(0) == '_' || l.charAt(0) == '-') {
            l = "h" + l;
        }
        return cut(l, 63);
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }
}
