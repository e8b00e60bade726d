package io.smcdoctor.fleet;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * Finds the bundle pairs of a fleet that hold the two ends of the same connections and diagnoses each pair together,
 * without comparing every pair of bundles:
 *
 * <ol>
 *   <li>each bundle's diagnosis also makes its connection keys
 *       ({@link io.smcdoctor.engine.internal.project.ConnectionKeys}, packed by {@link PairKeyCodes}): about one
 *       {@code long} per connection;</li>
 *   <li>the keys are shuffled by key ({@code groupByKey}: an equi-join of the fleet's keys with themselves); the
 *       bundles under one key that {@link PairKeyCodes#match} (opposite ends) make a candidate pair, counted per pair
 *       ({@code reduceByKey}). A key under more than {@value #MAX_BUNDLES_PER_KEY} bundles is not a connection between
 *       two hosts (a copy of the same bundle many times, or a hash collision): it is skipped and counted;</li>
 *   <li>hubs are capped: each bundle keeps its {@code cap} candidates sharing the most keys (then the smaller bundle
 *       path), and a pair is diagnosed only when both its bundles keep it, so a server matched by 1,000 clients is in
 *       at most {@code cap} pairs and the work is at most {@code cap} × bundles / 2 pairs. The candidates left out
 *       and the bundles over the cap are counted for the summary;</li>
 *   <li>the kept pairs are sorted by their first bundle and diagnosed on the executors ({@link PairTask}): both bundles
 *       are read again from storage, not carried through the shuffle. A fleet's bundles are megabytes each and a pair
 *       job needs only the few that pair; carrying them would shuffle every bundle (hundreds of gigabytes for 100,000
 *       hosts) to diagnose a fraction, while reading again costs each paired bundle one more read (a hub's once per
 *       task that holds its pairs, as the pairs come sorted).</li>
 * </ol>
 */
final class FleetPairs {
    /** Pairs a bundle takes part in at most, by default. */
    static final int DEFAULT_CAP = 20;
    /** A key held by more bundles than this is skipped. */
    static final int MAX_BUNDLES_PER_KEY = 64;

    private FleetPairs() {
    }

    /** A bundle with more candidate pairs than the cap. */
    record Hub(int id, long candidates) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The pairing of one run, before the pairs are diagnosed.
     *
     * @param pairs      the kept pairs: key {@code a << 32 | b} (bundle ids, {@code a < b}), value the keys they share
     * @param candidates candidate pairs found by the keys
     * @param kept       of those, pairs within the cap of both bundles
     * @param hubs       bundles with more candidates than the cap
     * @param hubSample  the hubs with the most candidates (at most {@link FleetSummary#TOP})
     */
    record Found(JavaPairRDD<Long, Long> pairs, long candidates, long kept, long hubs, List<Hub> hubSample) {
    }

    /** Finds the pairs among the diagnosed bundles (which carry their keys); {@code cap} at least 1. */
    static Found find(JavaRDD<BundleResult> results, Broadcast<BundlePlan> plan, int cap, LongAccumulator crowded) {
        JavaPairRDD<Long, Long> keyed = results.filter(r -> r.error() == null && r.keys().length > 0)
                .flatMapToPair(r -> {
                    long id = plan.value().id(r.bundle());
                    List<Tuple2<Long, Long>> out = new ArrayList<>(r.keys().length);
                    for (long k : r.keys()) {
                        out.add(new Tuple2<>(k & PairKeyCodes.JOIN, id << 3 | (k & ~PairKeyCodes.JOIN)));
                    }
                    return out.iterator();
                });
        JavaPairRDD<Long, Long> candidates = keyed.groupByKey().flatMapToPair(t -> {
            List<Long> held = new ArrayList<>();
            t._2().forEach(held::add);
            List<Tuple2<Long, Long>> out = new ArrayList<>();
            if (held.size() > MAX_BUNDLES_PER_KEY) {
                crowded.add(1);
                return out.iterator();
            }
            long key = t._1();
            for (int i = 0; i < held.size(); i++) {
                for (int j = i + 1; j < held.size(); j++) {
                    long x = held.get(i);
                    long y = held.get(j);
                    long ix = x >>> 3;
                    long iy = y >>> 3;
                    if (ix != iy && PairKeyCodes.match(key | (x & 7), key | (y & 7))) {
                        out.add(new Tuple2<>(Math.min(ix, iy) << 32 | Math.max(ix, iy), 1L));
                    }
                }
            }
            return out.iterator();
        }).reduceByKey(Long::sum).persist(StorageLevel.MEMORY_AND_DISK());

        // each bundle's candidates: partner << 32 | shared keys
        JavaPairRDD<Integer, Iterable<Long>> perBundle = candidates.flatMapToPair(t -> {
            int a = (int) (t._1() >>> 32);
            int b = (int) (long) t._1();
            long n = Math.min(t._2(), Integer.MAX_VALUE);
            return List.of(new Tuple2<>(a, (long) b << 32 | n), new Tuple2<>(b, (long) a << 32 | n)).iterator();
        }).groupByKey().persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<Long, Long> kept = perBundle.flatMapToPair(t -> {
            List<Long> partners = new ArrayList<>();
            t._2().forEach(partners::add);
            partners.sort(Comparator.comparingLong((Long p) -> -(p & 0xffffffffL)).thenComparingLong(p -> p >>> 32));
            List<Tuple2<Long, Tuple2<Integer, Long>>> out = new ArrayList<>();
            long self = t._1();
            for (Long p : partners.subList(0, Math.min(cap, partners.size()))) {
                long other = p >>> 32;
                out.add(new Tuple2<>(Math.min(self, other) << 32 | Math.max(self, other),
                        new Tuple2<>(1, p & 0xffffffffL)));
            }
            return out.iterator();
        }).reduceByKey((x, y) -> new Tuple2<>(x._1() + y._1(), x._2()))
                .filter(t -> t._2()._1() == 2).mapToPair(t -> new Tuple2<>(t._1(), t._2()._2()))
                .persist(StorageLevel.MEMORY_AND_DISK());

        long candidateCount = candidates.count();
        long keptCount = kept.count();
        JavaRDD<Hub> hubs = perBundle.map(t -> {
            long n = 0;
            for (Long ignored : t._2()) {
                n++;
            }
            return new Hub(t._1(), n);
        }).filter(h -> h.candidates() > cap);
        long hubCount = hubs.count();
        List<Hub> sample = hubs.takeOrdered(FleetSummary.TOP, new HubOrder());
        perBundle.unpersist();
        candidates.unpersist();
        return new Found(kept, candidateCount, keptCount, hubCount, sample);
    }

    /** Most candidates first, then by bundle id (path order). */
    private static final class HubOrder implements Comparator<Hub>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(Hub x, Hub y) {
            int c = Long.compare(y.candidates(), x.candidates());
            return c != 0 ? c : Integer.compare(x.id(), y.id());
        }
    }

    /** Diagnoses the kept pairs on the executors, both bundles read again from storage. */
    static JavaRDD<PairResult> diagnose(Found found, Broadcast<BundlePlan> plan, Broadcast<HadoopConf> conf,
                                        FleetLimits limits, FleetCounters counters, int parallelism) {
        int slices = FleetJob.slices((int) Math.min(Integer.MAX_VALUE, Math.max(1, found.kept())), parallelism);
        return found.pairs().sortByKey(true, slices).mapPartitions(it -> {
            Iterator<PairTask.Pair> pairs = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public PairTask.Pair next() {
                    Tuple2<Long, Long> t = it.next();
                    return new PairTask.Pair((int) (t._1() >>> 32), (int) (long) t._1(), t._2());
                }
            };
            BundlePlan p = plan.value();
            return PairTask.diagnose(pairs, p::byId, id -> {
                BundlePlan.Bundle b = p.byId(id);
                Path path = new Path(b.path());
                return BundleTask.read(b, () -> path.getFileSystem(conf.value().get()).open(path),
                        new HadoopDirectory(conf.value().get(), b.path()), limits);
            }, counters);
        });
    }
}
