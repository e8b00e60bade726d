package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.RdmaDev;
import io.smcdoctor.evidence.facts.RdmaLink;
import io.smcdoctor.evidence.facts.RdmaNetnsMode;
import io.smcdoctor.evidence.facts.RdmaSystem;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.ToolError;
import io.smcdoctor.evidence.facts.ToolErrorKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code rdma system}, {@code rdma dev} and {@code rdma link}. */
class RdmaParsersTest {

    @Test
    void parseSystem_lab_yieldsSharedCopyOnFork() {
        Evidence ev = HostFixtures.parse(SourceKind.RDMA_SYSTEM, "rdma/lab-6.12-system.txt");

        RdmaSystem s = ev.facts(RdmaSystem.class).get(0);
        assertThat(s.netnsMode()).isEqualTo(RdmaNetnsMode.SHARED);
        assertThat(s.copyOnFork()).isEqualTo("on");
        assertThat(ev.warnings()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rdma/exclusive-system.txt|exclusive|on",
        "rdma/old-iproute2-system.txt|shared|''",
        "rdma/new-iproute2-system.txt|shared|on"
    })
    void parseSystem_variants_yieldModeAndCopyOnFork(String resource, String mode, String cof) {
        RdmaSystem s = HostFixtures.parse(SourceKind.RDMA_SYSTEM, resource).facts(RdmaSystem.class).get(0);

        assertThat(s.netnsMode().word()).isEqualTo(mode);
        assertThat(s.copyOnFork()).isEqualTo(cof);
    }

    @Test
    void parseSystem_json_isRead() {
        RdmaSystem s = HostFixtures.parseText(SourceKind.RDMA_SYSTEM, "rdma-system.txt",
                "[{\"netns\":\"exclusive\",\"copy-on-fork\":false}]\n").facts(RdmaSystem.class).get(0);

        assertThat(s.netnsMode()).isEqualTo(RdmaNetnsMode.EXCLUSIVE);
        assertThat(s.copyOnFork()).isEqualTo("off");
    }

    @Test
    void parseSystem_garbage_warns() {
        Evidence ev = HostFixtures.parseText(SourceKind.RDMA_SYSTEM, "rdma-system.txt",
                "Object \"system\" is unknown, try \"rdma help\".\nnetns weird\n");

        assertThat(ev.facts(RdmaSystem.class)).isEmpty();
        assertThat(ev.warnings()).extracting(w -> w.line()).containsExactly(1, 2);
    }

    @Test
    void parseDev_lab_yieldsRxe() {
        RdmaDev d = HostFixtures.parse(SourceKind.RDMA_DEV, "rdma/lab-6.12-dev.txt").facts(RdmaDev.class).get(0);

        assertThat(d.index()).isZero();
        assertThat(d.name()).isEqualTo("rxe0");
        assertThat(d.nodeType()).isEqualTo("ca");
        assertThat(d.nodeGuid()).isEqualTo("5054:00ff:fe5c:0002");
        assertThat(d.sysImageGuid()).isEqualTo("5054:00ff:fe5c:0002");
    }

    @Test
    void parseDev_erdma_isRnicWithMacDerivedGuid() {
        RdmaDev d = HostFixtures.parse(SourceKind.RDMA_DEV, "rdma/erdma-dev.txt").facts(RdmaDev.class).get(0);

        assertThat(d.name()).isEqualTo("erdma_0");
        assertThat(d.nodeType()).isEqualTo("rnic");
        assertThat(d.nodeGuid()).isEqualTo("0216:3eff:fe12:3456");
    }

    @Test
    void parseDev_detailLines_areSkipped() {
        Evidence ev = HostFixtures.parse(SourceKind.RDMA_DEV, "rdma/mlx5-dev-detail.txt");

        assertThat(ev.facts(RdmaDev.class)).extracting(d -> d.index() + ":" + d.name() + ":" + d.nodeGuid())
                .containsExactly("0:mlx5_0:b8ce:f603:00a1:b2c4", "1:mlx5_1:b8ce:f603:00a1:b2c5");
        assertThat(ev.warnings()).isEmpty();
    }

    @Test
    void parseLink_lab_yieldsActiveRxePortOnEth0() {
        RdmaLink l = HostFixtures.parse(SourceKind.RDMA_LINK, "rdma/lab-6.12-link.txt").facts(RdmaLink.class).get(0);

        assertThat(l.device()).isEqualTo("rxe0");
        assertThat(l.port()).isEqualTo(1);
        assertThat(l.state()).isEqualTo("ACTIVE");
        assertThat(l.physicalState()).isEqualTo("LINK_UP");
        assertThat(l.netDev()).isEqualTo("eth0");
    }

    @Test
    void parseLink_mixed_readsErdmaMlx5AndInfinibandPorts() {
        List<RdmaLink> links =
                HostFixtures.parse(SourceKind.RDMA_LINK, "rdma/mixed-link.txt").facts(RdmaLink.class);

        assertThat(links).extracting(l -> l.device() + "/" + l.port() + " " + l.state() + " " + l.physicalState()
                + " " + l.netDev()).containsExactly("erdma_0/1 ACTIVE LINK_UP eth0",
                "mlx5_0/1 DOWN DISABLED ens1f0np0", "mlx5_2/1 ACTIVE LINK_UP ");
    }

    @Test
    void parseDevAndLink_garbage_warn() {
        Evidence ev = Evidence.builder()
                .parse(SourceKind.RDMA_DEV, "rdma-dev.txt", "rdma: command not found\n0: rxe0: node_type ca\n")
                .parse(SourceKind.RDMA_LINK, "rdma-link.txt", "link rxe0 state ACTIVE\nlink rxe0/1 state DOWN\n")
                .build();

        assertThat(ev.facts(RdmaDev.class)).hasSize(1);
        assertThat(ev.facts(RdmaLink.class)).extracting(RdmaLink::state).containsExactly("DOWN");
        assertThat(ev.warnings()).extracting(w -> w.source() + ":" + w.line()).containsExactly("rdma-link.txt:1");
        assertThat(ev.facts(ToolError.class)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ToolErrorKind.NOT_INSTALLED);
            assertThat(e.tool()).isEqualTo("rdma");
        });
    }
}
