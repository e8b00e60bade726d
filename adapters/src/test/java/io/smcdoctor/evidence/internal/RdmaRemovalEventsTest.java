package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.KernelEvent;
import io.smcdoctor.evidence.facts.KernelEventKind;
import io.smcdoctor.evidence.facts.SourceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RDMA device removal and link events as typed, ordered kernel events: the lab captures rdma-link-removed,
 * no-rdma-driver and peer-rdma-lost ({@code src/test/resources/lab/README.md}); smc unloading
 * ({@code net/smc/af_smc.c smc_exit()}: {@code sock_unregister(PF_SMC)} before {@code smc_ib_unregister_client()}, so
 * {@code NET: Unregistered PF_SMC protocol family} precedes {@code smc: removing ib device}); mlx5 health lines
 * ({@code drivers/net/ethernet/mellanox/mlx5/core/health.c}) and PCIe hot-plug ({@code drivers/pci/hotplug/pciehp_ctrl.c}).
 */
class RdmaRemovalEventsTest {

    private static List<KernelEvent> events(String text) {
        return Evidence.builder().dmesgOutput(text).build().facts(KernelEvent.class);
    }

    private static List<KernelEvent> of(List<KernelEvent> ev, KernelEventKind kind) {
        return ev.stream().filter(e -> e.kind() == kind).toList();
    }

    @Test
    void rdmaLinkDeleteUnderALiveConnection_labRdmaLinkRemoved() {
        List<KernelEvent> ev = HostFixtures.parse(SourceKind.DMESG, "lab/rdma-link-removed-client-dmesg.txt")
                .facts(KernelEvent.class);

        KernelEvent removed = of(ev, KernelEventKind.SMC_IB_DEVICE_REMOVED).get(0);
        KernelEvent link = of(ev, KernelEventKind.SMC_LINK_REMOVED).get(0);
        assertThat(removed.field("device")).isEqualTo("rxe0");
        assertThat(removed.field("smcUnloading")).isEqualTo("false");
        assertThat(link.field("ibdev")).isEqualTo("rxe0");
        assertThat(link.provenance().line()).isGreaterThan(removed.provenance().line());
        assertThat(of(ev, KernelEventKind.RDMA_DEVICE_NETDEV)).singleElement()
                .satisfies(e -> assertThat(e.fields()).containsEntry("device", "rxe0").containsEntry("netdev", "eth0"));
    }

    @Test
    void driverUnloadedAfterTheRemoval_labNoRdmaDriver() {
        List<KernelEvent> ev = HostFixtures.parse(SourceKind.DMESG, "lab/no-rdma-driver-client-dmesg.txt")
                .facts(KernelEvent.class);

        KernelEvent removed = of(ev, KernelEventKind.SMC_IB_DEVICE_REMOVED).get(0);
        KernelEvent unloaded = of(ev, KernelEventKind.RDMA_DRIVER_UNLOADED).get(0);
        assertThat(unloaded.field("driver")).isEqualTo("rdma_rxe");
        assertThat(unloaded.provenance().line()).isGreaterThan(removed.provenance().line());
        assertThat(of(ev, KernelEventKind.RDMA_DRIVER_LOADED)).hasSize(1);
    }

    @Test
    void linkRemovedWithoutDeviceRemoval_labPeerRdmaLost() {
        List<KernelEvent> ev = HostFixtures.parse(SourceKind.DMESG, "lab/peer-rdma-lost-server-dmesg.txt")
                .facts(KernelEvent.class);

        assertThat(of(ev, KernelEventKind.SMC_LINK_REMOVED)).hasSize(1);
        assertThat(of(ev, KernelEventKind.SMC_IB_DEVICE_REMOVED)).isEmpty();
    }

    @Test
    void removalAfterSmcUnregistered_isMarkedAsSmcUnloading_bothWordings() {
        List<KernelEvent> ev = events("[  10.0] NET: Unregistered PF_SMC protocol family\n"
                + "[  10.1] smc: removing ib device mlx5_0\n[  20.0] NET: Registered PF_SMC protocol family\n"
                + "[  20.1] smc: adding ib device mlx5_0 with port count 1\n[  30.0] smc: removing ib device mlx5_0\n"
                + "[  40.0] NET: Unregistered protocol family 43\n[  40.1] smc: removing ib device mlx5_1\n");

        assertThat(of(ev, KernelEventKind.SMC_IB_DEVICE_REMOVED)).extracting(e -> e.field("smcUnloading"))
                .containsExactly("true", "false", "true");
        assertThat(ev).extracting(KernelEvent::kind).containsSubsequence(KernelEventKind.SMC_UNREGISTERED,
                KernelEventKind.SMC_REGISTERED, KernelEventKind.SMC_UNREGISTERED);
    }

    @Test
    void mlx5Health_andPciHotplug_areTyped() {
        List<KernelEvent> ev = events(
                "[ 5.0] mlx5_core 0000:3b:00.0: poll_health:800:(pid 0): device's health compromised - reached miss count\n"
                        + "[ 5.1] mlx5_core 0000:3b:00.0: print_health_info:424:(pid 0): Fatal error 1 detected\n"
                        + "[ 5.2] mlx5_core 0000:3b:00.0: mlx5e_open: link up\n"
                        + "[ 6.0] pcieport 0000:00:1c.0: pciehp: Slot(3): Link Down\n"
                        + "[ 6.1] pciehp 0000:00:1c.0:pcie004: Slot(3): Card not present\n");

        assertThat(of(ev, KernelEventKind.RDMA_DEVICE_HEALTH)).hasSize(2)
                .allSatisfy(e -> assertThat(e.field("device")).isEqualTo("0000:3b:00.0"));
        assertThat(of(ev, KernelEventKind.OFED_DRIVER)).hasSize(3);
        assertThat(of(ev, KernelEventKind.PCI_HOTPLUG)).hasSize(2)
                .allSatisfy(e -> assertThat(e.field("slot")).isEqualTo("3"));
    }
}
