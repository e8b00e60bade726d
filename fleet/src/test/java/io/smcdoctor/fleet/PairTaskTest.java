package io.smcdoctor.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.Test;

/** Diagnosing bundle pairs on an executor, without Spark: bundles read once, a bundle gone since never fails a pair. */
class PairTaskTest {
    private static final Path LAB = Path.of("../engine/src/test/resources/lab-own/ueid-mismatch");

    private final FleetCounters counters = new FleetCounters(new LongAccumulator(), new LongAccumulator(),
            new LongAccumulator(), new LongAccumulator(), new LongAccumulator(), new LongAccumulator(),
            new LongAccumulator(), new LongAccumulator(), new LongAccumulator());

    @Test
    void pairs_bundleReadOncePerRun_andAnUnreadableBundleMakesAnErrorRow() {
        List<BundlePlan.Bundle> bundles = List.of(new BundlePlan.Bundle("file:/b/client", true, 0),
                new BundlePlan.Bundle("file:/b/server", true, 0),
                new BundlePlan.Bundle("file:/b/gone.tar.gz", false, 0));
        Map<Integer, Evidence> readable = Map.of(0, EvidenceBundle.read(LAB.resolve("client")),
                1, EvidenceBundle.read(LAB.resolve("server")));
        List<Integer> reads = new ArrayList<>();
        PairTask.Reader reader = id -> {
            reads.add(id);
            if (!readable.containsKey(id)) {
                throw new BundleTask.Unreadable(bundles.get(id).path() + ": no such file or directory");
            }
            return readable.get(id);
        };
        List<PairTask.Pair> pairs = List.of(new PairTask.Pair(0, 1, 1), new PairTask.Pair(0, 2, 1),
                new PairTask.Pair(1, 2, 3));

        List<PairResult> out = new ArrayList<>();
        PairTask.diagnose(pairs.iterator(), bundles::get, reader, counters).forEachRemaining(out::add);

        assertThat(reads).containsExactly(0, 1, 2);
        assertThat(out).hasSize(3);
        PairResult ok = out.get(0);
        assertThat(ok.error()).isNull();
        assertThat(ok.relation()).isEqualTo("joined");
        assertThat(ok.joined()).isEqualTo(1);
        assertThat(ok.causes().get(0).id()).isEqualTo("nosmcdev-ueid-mismatch");
        assertThat(ok.causes().get(0).fixOn()).containsExactlyInAnyOrder(ok.hostA(), ok.hostB());
        for (PairResult failed : out.subList(1, 3)) {
            assertThat(failed.error()).isEqualTo("file:/b/gone.tar.gz: no such file or directory");
            assertThat(failed.causes()).isEmpty();
            assertThat(failed.relation()).isNull();
            assertThat(failed.hostB()).isEqualTo("gone");
        }
        assertThat(out.get(2).matchedKeys()).isEqualTo(3);
        assertThat(out.get(2).hostA()).isEqualTo(ok.hostB());
    }

    @Test
    void labels_areValidHostLabels_andDifferWhenTheHostsShareAName() {
        assertThat(PairTask.labels("web-1", "db-1")).containsExactly("web-1", "db-1");
        assertThat(PairTask.labels("web-1", "WEB-1")).containsExactly("web-1-1", "WEB-1-2");
        assertThat(PairTask.labels("_x y/z", "a".repeat(80))).containsExactly("h_x-y-z", "a".repeat(63));
    }
}
