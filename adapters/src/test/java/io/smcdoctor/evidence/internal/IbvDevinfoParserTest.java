package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.NetInterface;
import io.smcdoctor.evidence.facts.RdmaDeviceInfo;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.ToolError;
import io.smcdoctor.evidence.facts.ToolErrorKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class IbvDevinfoParserTest {

    private static List<RdmaDeviceInfo> devices(String resource) {
        return HostFixtures.parse(SourceKind.IBV_DEVINFO, resource).facts(RdmaDeviceInfo.class);
    }

    @Test
    void parse_erdma_yieldsIwarpDeviceWithAlibabaVendorIds() {
        List<RdmaDeviceInfo> devs = devices("ibv/erdma.txt");

        assertThat(devs).hasSize(1);
        RdmaDeviceInfo d = devs.get(0);
        assertThat(d.name()).isEqualTo("erdma_0");
        assertThat(d.transport()).isEqualTo("iWARP");
        assertThat(d.firmware()).isEqualTo("0.2.0");
        assertThat(d.nodeGuid()).isEqualTo("0216:3eff:fe12:3456");
        assertThat(d.sysImageGuid()).isEqualTo("0216:3eff:fe12:3456");
        assertThat(d.vendorId()).isEqualTo(0x1ded);
        assertThat(d.vendorPartId()).isEqualTo(0x107f);
        assertThat(d.maxMr()).isEqualTo(-1);
        assertThat(d.maxMrSize()).isEqualTo(-1);
        assertThat(d.portStates()).containsExactly("PORT_ACTIVE");
        assertThat(d.linkLayers()).containsExactly("Ethernet");
        assertThat(d.provenance().line()).isEqualTo(1);
    }

    @Test
    void parse_erdmaAndIpAddr_guidIsEui64OfEth0Mac() {
        Evidence ev = Evidence.builder()
                .ibvDevinfoOutput(HostFixtures.text("ibv/erdma.txt"))
                .ipAddrOutput(HostFixtures.text("ip/alinux3-erdma-ecs.txt"))
                .build();
        String guid = ev.facts(RdmaDeviceInfo.class).get(0).nodeGuid().replace(":", "");
        String mac = ev.facts(NetInterface.class).get(1).mac().replace(":", "");

        // EUI-64: flip the universal/local bit of the first octet and insert ff:fe in the middle
        String eui64 = String.format("%02x", Integer.parseInt(mac.substring(0, 2), 16) ^ 0x02) + mac.substring(2, 6)
                + "fffe" + mac.substring(6);
        assertThat(guid).isEqualTo(eui64).isEqualTo("02163efffe123456");
    }

    @Test
    void parse_mlx5VerboseTwoDevices_readsMrLimitsAndSkipsFlagLines() {
        Evidence ev = HostFixtures.parse(SourceKind.IBV_DEVINFO, "ibv/mlx5-v-two-devices.txt");
        List<RdmaDeviceInfo> devs = ev.facts(RdmaDeviceInfo.class);

        assertThat(devs).extracting(RdmaDeviceInfo::name).containsExactly("mlx5_0", "mlx5_1");
        RdmaDeviceInfo d = devs.get(0);
        assertThat(d.transport()).isEqualTo("InfiniBand");
        assertThat(d.firmware()).isEqualTo("16.35.2000");
        assertThat(d.vendorId()).isEqualTo(0x02c9);
        assertThat(d.vendorPartId()).isEqualTo(4119);
        assertThat(d.maxMr()).isEqualTo(16_777_216);
        assertThat(d.maxMrSize()).isEqualTo(Long.MAX_VALUE);
        assertThat(d.portStates()).containsExactly("PORT_ACTIVE");
        assertThat(devs.get(1).portStates()).containsExactly("PORT_DOWN");
        assertThat(devs.get(1).nodeGuid()).isEqualTo("b8ce:f603:00a1:b2c5");
        assertThat(ev.warnings()).isEmpty();
    }

    @Test
    void parse_rxe_yieldsSoftRoceDevice() {
        RdmaDeviceInfo d = devices("ibv/rxe.txt").get(0);

        assertThat(d.name()).isEqualTo("rxe0");
        assertThat(d.vendorId()).isEqualTo(0xffffff);
        assertThat(d.vendorPartId()).isZero();
        assertThat(d.nodeGuid()).isEqualTo("5054:00ff:fe5c:0002");
    }

    @Test
    void parse_noDevices_yieldsNothingWithoutWarning() {
        Evidence ev = HostFixtures.parse(SourceKind.IBV_DEVINFO, "ibv/no-devices.txt");

        assertThat(ev.facts(RdmaDeviceInfo.class)).isEmpty();
        assertThat(ev.warnings()).isEmpty();
    }

    @Test
    void parse_listForm_yieldsNames() {
        List<RdmaDeviceInfo> devs = HostFixtures.parseText(SourceKind.IBV_DEVINFO, "ibv_devinfo.txt",
                "2 HCAs found:\n\tmlx5_0\n\tmlx5_1\n").facts(RdmaDeviceInfo.class);

        assertThat(devs).extracting(RdmaDeviceInfo::name).containsExactly("mlx5_0", "mlx5_1");
        assertThat(devs.get(0).vendorId()).isEqualTo(-1);
    }

    @Test
    void parse_garbageAndBadNumbers_warn() {
        Evidence ev = HostFixtures.parseText(SourceKind.IBV_DEVINFO, "ibv_devinfo.txt",
                "Failed to get IB devices list: Function not implemented\n"
                        + "hca_id:\tmlx5_0\n\tvendor_id:\t\t\tzz\n\tmax_mr:\t\t\t99999999999999999999999\n"
                        + "trailing garbage\n");

        RdmaDeviceInfo d = ev.facts(RdmaDeviceInfo.class).get(0);
        assertThat(d.vendorId()).isEqualTo(-1);
        assertThat(d.maxMr()).isEqualTo(Long.MAX_VALUE);
        assertThat(ev.warnings()).extracting(w -> w.line()).containsExactly(3, 5);
        assertThat(ev.facts(ToolError.class)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ToolErrorKind.NO_RDMA_DEVICES);
            assertThat(e.message()).isEqualTo("Failed to get IB devices list: Function not implemented");
        });
    }
}
