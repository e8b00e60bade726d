package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.RdmaResource;
import io.smcdoctor.evidence.facts.SourceKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code rdma resource}. The fixture {@code specs/rdma-res.txt} is the listing published in ofiwg/libfabric issue
 * #8256 (2022-11-22, "after clients up"): four mlx5 devices, one of them holding 8053 queue pairs and 16159 memory
 * regions.
 */
class RdmaResourceParserTest {

    @Test
    void parse_publishedListing_yieldsEveryDeviceWithItsCountsInOrder() {
        Evidence ev = HostFixtures.parse(SourceKind.RDMA_RESOURCE, "specs/rdma-res.txt");

        List<RdmaResource> res = ev.facts(RdmaResource.class);
        assertThat(res).extracting(RdmaResource::device).containsExactly("mlx5_0", "mlx5_1", "mlx5_2", "mlx5_3");
        assertThat(res).extracting(RdmaResource::index).containsExactly(0, 1, 2, 3);
        RdmaResource busy = res.get(2);
        assertThat(busy.counts().keySet()).containsExactly("pd", "cq", "qp", "cm_id", "mr", "ctx", "srq");
        assertThat(busy.count("mr")).hasValue(16159);
        assertThat(busy.count("qp")).hasValue(8053);
        assertThat(busy.count("cm_id")).hasValue(12079);
        assertThat(busy.count("xrcd")).isEmpty();
        assertThat(busy.provenance().line()).isEqualTo(3);
        assertThat(ev.warnings()).isEmpty();
    }

    @Test
    void parse_oldIproute2WithoutTheObject_givesNoFactAndAWarning() {
        Evidence ev = HostFixtures.parseText(SourceKind.RDMA_RESOURCE, "rdma-res.txt",
                "Object \"resource\" is unknown, try \"rdma help\".\n");

        assertThat(ev.facts(RdmaResource.class)).isEmpty();
        assertThat(ev.warnings()).isNotEmpty();
    }

    @Test
    void parse_truncatedLine_keepsTheCompletePairs_andWarnsAboutTheRest() {
        Evidence ev = HostFixtures.parseText(SourceKind.RDMA_RESOURCE, "rdma-res.txt",
                "0: mlx5_0: pd 2 cq 3 qp 1 cm_id 0 mr 0 ctx 4027 srq 2 \n2: mlx5_2: pd 8056 cq 4030 qp\n");

        List<RdmaResource> res = ev.facts(RdmaResource.class);
        assertThat(res).hasSize(2);
        assertThat(res.get(1).counts()).containsOnlyKeys("pd", "cq");
        assertThat(ev.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(2);
            assertThat(w.message()).contains("'qp'");
        });
    }

    @Test
    void parse_garbage_warnsWithTheLineNumber_andNeverThrows() {
        Evidence ev = HostFixtures.parseText(SourceKind.RDMA_RESOURCE, "rdma-res.txt", String.join("\n",
                "link mlx5_0/1 lqpn 1 type GSI state RTS sq-psn 0 comm [ib_core]",
                "0: mlx5_0:",
                "99999999999: mlx5_9: pd 1",
                "1: mlx5_1: pd -4 MR 7 mr x mr 3 mr 4",
                "\u0000\u00ff: x",
                ""));

        assertThat(ev.warnings()).extracting(w -> w.line()).contains(1, 2, 3, 4, 5);
        List<RdmaResource> res = ev.facts(RdmaResource.class);
        assertThat(res).singleElement().satisfies(r -> {
            assertThat(r.device()).isEqualTo("mlx5_1");
            assertThat(r.counts()).containsExactly(Map.entry("mr", 3L));
        });
    }
}
