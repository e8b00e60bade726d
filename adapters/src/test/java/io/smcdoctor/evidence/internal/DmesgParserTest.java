package io.smcdoctor.evidence.internal;

import static io.smcdoctor.evidence.facts.KernelEventKind.KERNEL_BANNER;
import static io.smcdoctor.evidence.facts.KernelEventKind.MODULE_SYMBOL_VERSION;
import static io.smcdoctor.evidence.facts.KernelEventKind.MODULE_UNKNOWN_SYMBOL;
import static io.smcdoctor.evidence.facts.KernelEventKind.NET_LINK_STATE;
import static io.smcdoctor.evidence.facts.KernelEventKind.OFED_DRIVER;
import static io.smcdoctor.evidence.facts.KernelEventKind.RDMA_DEVICE_ACTIVE;
import static io.smcdoctor.evidence.facts.KernelEventKind.RDMA_DEVICE_NETDEV;
import static io.smcdoctor.evidence.facts.KernelEventKind.RDMA_DRIVER_LOADED;
import static io.smcdoctor.evidence.facts.KernelEventKind.RXE_DRIVER;
import static io.smcdoctor.evidence.facts.KernelEventKind.SMC_IB_DEVICE_ADDED;
import static io.smcdoctor.evidence.facts.KernelEventKind.SMC_IB_DEVICE_PNETID;
import static io.smcdoctor.evidence.facts.KernelEventKind.SMC_LGR_STATE_CHANGED;
import static io.smcdoctor.evidence.facts.KernelEventKind.SMC_LINK_ADDED;
import static io.smcdoctor.evidence.facts.KernelEventKind.SMC_REGISTERED;
import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.KernelEvent;
import io.smcdoctor.evidence.facts.KernelEventKind;
import io.smcdoctor.evidence.facts.SourceKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DmesgParserTest {

    private static List<KernelEvent> events(String resource) {
        return HostFixtures.parse(SourceKind.DMESG, resource).facts(KernelEvent.class);
    }

    private static List<KernelEvent> eventsOf(String text) {
        return HostFixtures.parseText(SourceKind.DMESG, "dmesg.txt", text).facts(KernelEvent.class);
    }

    private static KernelEvent only(String line) {
        List<KernelEvent> ev = eventsOf(line + "\n");
        assertThat(ev).as("events of %s", line).hasSize(1);
        return ev.get(0);
    }

    @Test
    void parse_labSmcrOkClient_yieldsRxeAndSmcEventsInOrder() {
        List<KernelEvent> ev = events("dmesg/lab-6.12-smcr-ok-client.txt");

        // "rdma_rxe: loaded", "infiniband rxe0: set active" and "... added eth0" are driver lines and typed events
        assertThat(ev).extracting(KernelEvent::kind).containsExactly(KERNEL_BANNER, RXE_DRIVER, RDMA_DRIVER_LOADED,
                RDMA_DEVICE_ACTIVE, RXE_DRIVER, RDMA_DEVICE_NETDEV, RXE_DRIVER, SMC_REGISTERED, SMC_IB_DEVICE_ADDED,
                SMC_IB_DEVICE_PNETID, SMC_LINK_ADDED, SMC_LGR_STATE_CHANGED);
        assertThat(ev.get(0).field("release")).isEqualTo("6.12.117+deb12-amd64");
        assertThat(ev.get(0).timestamp()).isEqualTo("0.000000");
        assertThat(ev.get(2).fields()).containsEntry("driver", "rdma_rxe");
        assertThat(ev.get(3).fields()).containsEntry("device", "rxe0");
        assertThat(ev.get(5).fields()).containsEntry("device", "rxe0").containsEntry("netdev", "eth0");
        ev = ev.stream().filter(e -> e.kind() != RDMA_DRIVER_LOADED && e.kind() != RDMA_DEVICE_ACTIVE
                && e.kind() != RDMA_DEVICE_NETDEV).toList();
        KernelEvent added = ev.get(5);
        assertThat(added.fields()).containsEntry("device", "rxe0").containsEntry("ports", "1");
        assertThat(added.timestamp()).isEqualTo("6.634843");
        assertThat(added.provenance().source()).isEqualTo("lab-6.12-smcr-ok-client.txt");
        assertThat(added.provenance().text()).isEqualTo("[    6.634843] smc: adding ib device rxe0 with port count 1");
        assertThat(ev.get(6).fields()).containsEntry("device", "rxe0").containsEntry("port", "1")
                .containsEntry("pnetid", "").containsEntry("userDefined", "false");
        assertThat(ev.get(7).fields()).containsEntry("lg", "00010000").containsEntry("net", "1")
                .containsEntry("id", "00000101").containsEntry("peerid", "00000101")
                .containsEntry("ibdev", "rxe0").containsEntry("ibport", "1");
        assertThat(ev.get(8).fields()).containsEntry("state", "SINGLE").containsEntry("pnetid", "");
        assertThat(ev.get(1).field("message")).isEqualTo("loaded");
        assertThat(ev.get(2).fields()).containsEntry("device", "rxe0").containsEntry("message", "set active");
        assertThat(HostFixtures.parse(SourceKind.DMESG, "dmesg/lab-6.12-smcr-ok-client.txt").warnings()).isEmpty();
    }

    @Test
    void parse_labServer_recognisesBareRxeDevicePrefix() {
        List<KernelEvent> ev = events("dmesg/lab-6.12-smcr-ok-server.txt");

        KernelEvent last = ev.get(ev.size() - 1);
        assertThat(last.kind()).isEqualTo(RXE_DRIVER);
        assertThat(last.fields()).containsEntry("device", "rxe0")
                .containsEntry("message", "qp#18 rxe_modify_qp: returned err = -22");
        assertThat(last.provenance().line()).isEqualTo(375);
    }

    @Test
    void parse_labModuleMissing_hasNoSmcEvents() {
        List<KernelEvent> ev = events("dmesg/lab-6.12-smc-module-missing-client.txt");

        assertThat(ev).extracting(KernelEvent::kind).containsExactly(KERNEL_BANNER, RXE_DRIVER, RDMA_DRIVER_LOADED,
                RDMA_DEVICE_ACTIVE, RXE_DRIVER, RDMA_DEVICE_NETDEV, RXE_DRIVER);
    }

    @Test
    void parse_mainlineSequence_yieldsLinkGroupLifecycle() {
        List<KernelEvent> ev = events("dmesg/mainline-smcr-sequence.txt");
        Map<KernelEventKind, List<KernelEvent>> byKind =
                ev.stream().collect(Collectors.groupingBy(KernelEvent::kind));

        assertThat(byKind.get(KERNEL_BANNER).get(0).field("release")).isEqualTo("6.8.0-45-generic");
        assertThat(byKind.get(KernelEventKind.SMC_IB_DEVICE_NO_PNETID).get(0).fields())
                .containsEntry("device", "mlx5_0").containsEntry("port", "1");
        assertThat(byKind.get(KernelEventKind.SMC_LINK_REMOVED).get(0).fields())
                .containsEntry("lg", "00000100").containsEntry("net", "4096").containsEntry("ibdev", "mlx5_0");
        assertThat(byKind.get(KernelEventKind.SMC_LLC_PROBLEM).get(0).fields())
                .containsEntry("lg", "00000100").containsEntry("detail", "LLC protocol violation: llc_type 9");
        assertThat(byKind.get(KernelEventKind.SMC_RATELIMITED).get(0).fields())
                .containsEntry("function", "smc_llc_link_active").containsEntry("suppressed", "3");
        assertThat(byKind.get(KernelEventKind.SMC_IB_DEVICE_REMOVED).get(0).field("device")).isEqualTo("mlx5_0");
        assertThat(byKind.get(KernelEventKind.SMC_UNREGISTERED)).hasSize(1);
        assertThat(byKind.get(SMC_REGISTERED)).hasSize(1);
        assertThat(byKind.get(NET_LINK_STATE)).extracting(e -> e.field("interface") + "=" + e.field("state"))
                .containsExactly("ens1f0np0=up", "ens1f0np0=up", "ens1f0np0=down");
        assertThat(byKind.get(OFED_DRIVER)).extracting(e -> e.field("driver"))
                .containsExactly("mlx5_core", "mlx5_core", "mlx5_core", "mlx5_core");
        assertThat(byKind.get(OFED_DRIVER).get(0).field("message"))
                .isEqualTo("0000:3b:00.0: firmware version: 16.35.2000");
    }

    @Test
    void parse_alinux3ReserveModeWithDmesgT_yieldsReservedPortsAndErdmaDevice() {
        List<KernelEvent> ev = events("dmesg/alinux3-erdma-reserve-mode-T.txt");

        assertThat(ev).extracting(KernelEvent::kind).containsExactly(KernelEventKind.SMC_RESERVE_MODE,
                SMC_REGISTERED, KernelEventKind.SMC_RESERVED_PORTS, KernelEventKind.ERDMA_DRIVER,
                KernelEventKind.ERDMA_DRIVER, SMC_IB_DEVICE_ADDED, SMC_IB_DEVICE_PNETID, SMC_IB_DEVICE_PNETID,
                SMC_LINK_ADDED, SMC_LGR_STATE_CHANGED, KernelEventKind.SMC_RESERVE_MODE_INVALID_BASE);
        assertThat(ev.get(0).timestamp()).isEqualTo("Thu Nov 26 16:10:08 2026");
        assertThat(ev.get(2).fields()).containsEntry("netns", "4026531840").containsEntry("first", "65500")
                .containsEntry("last", "65515");
        assertThat(ev.get(4).fields()).containsEntry("device", "erdma_0").containsEntry("message", "erdma device ready");
        assertThat(ev.get(5).fields()).containsEntry("device", "erdma_0").containsEntry("ports", "1");
        assertThat(ev.get(6).field("pnetid")).isEmpty();
        assertThat(ev.get(7).field("pnetid")).isEmpty();
        assertThat(ev.get(8).fields()).containsEntry("lg", "00000200").containsEntry("net", "")
                .containsEntry("ibdev", "erdma_0");
    }

    @Test
    void parse_journalctlWithOfed_yieldsUnknownSymbolsAndOfedDriver() {
        List<KernelEvent> ev = events("dmesg/journalctl-k-ofed.txt");

        assertThat(ev.get(0).kind()).isEqualTo(KERNEL_BANNER);
        assertThat(ev.get(0).field("release")).isEqualTo("5.10.134-16.3.al8.x86_64");
        assertThat(ev.get(0).timestamp()).isEqualTo("Nov 26 16:10:01");
        List<KernelEvent> unknown = ev.stream().filter(e -> e.kind() == MODULE_UNKNOWN_SYMBOL).toList();
        assertThat(unknown).extracting(e -> e.field("module") + ":" + e.field("symbol") + ":" + e.field("error"))
                .containsExactly("smc:ib_dealloc_pd_user:-2", "smc:ib_register_client:-22",
                        "smc_diag:smc_proto:-2");
        List<KernelEvent> version = ev.stream().filter(e -> e.kind() == MODULE_SYMBOL_VERSION).toList();
        assertThat(version).extracting(e -> e.field("module") + ":" + e.field("symbol"))
                .containsExactly("smc:ib_register_client", "ib_core:module_layout");
        assertThat(ev.stream().filter(e -> e.kind() == OFED_DRIVER).map(e -> e.field("driver")))
                .containsExactly("mlx_compat", "mlx_compat", "mlx5_core", "mlx5_ib");
        assertThat(ev.stream().filter(e -> e.kind() == KernelEventKind.RDMA_OTHER).findFirst().orElseThrow()
                .fields()).containsEntry("device", "mlx5_0").containsEntry("message", "RoCE v2 is enabled");
        assertThat(ev).noneMatch(e -> e.kind() == KernelEventKind.SMC_OTHER);
        assertThat(ev).hasSize(11);
    }

    @Test
    void parse_variants_handlesPriorityFacilityCallerIsoAndBareLines() {
        List<KernelEvent> ev = events("dmesg/variants.txt");
        Map<Integer, KernelEvent> byLine = ev.stream()
                .collect(Collectors.toMap(e -> e.provenance().line(), e -> e, (a, b) -> a));

        assertThat(byLine.get(1).kind()).isEqualTo(RXE_DRIVER);
        assertThat(byLine.get(1).timestamp()).isEqualTo("3.556586");
        assertThat(byLine.get(3).field("message")).isEqualTo("failed to init crc32 algorithm err:-2");
        assertThat(byLine.get(4).kind()).isEqualTo(SMC_IB_DEVICE_ADDED);
        assertThat(byLine.get(4).timestamp()).isEqualTo("6.634843");
        assertThat(byLine.get(5).fields()).containsEntry("pnetid", "NET1").containsEntry("userDefined", "true");
        assertThat(byLine.get(6).kind()).isEqualTo(KernelEventKind.SMC_SMCD_DEVICE_ADDED);
        assertThat(byLine.get(6).fields()).containsEntry("device", "ism0").containsEntry("pnetid", "NET1");
        assertThat(byLine.get(6).timestamp()).isEqualTo("2026-11-26T16:10:08,123456+00:00");
        assertThat(byLine.get(7).fields()).containsEntry("device", "loopback-ism").containsEntry("pnetid", "");
        assertThat(byLine.get(7).timestamp()).isEmpty();
        assertThat(byLine.get(8).field("device")).isEqualTo("loopback-ism");
        assertThat(byLine.get(9).kind()).isEqualTo(KernelEventKind.SMC_SMCD_DEVICE_REMOVED);
        assertThat(byLine.get(10).kind()).isEqualTo(KernelEventKind.SMC_INIT_FAILED);
        assertThat(byLine.get(10).fields()).containsEntry("step", "sock_register").containsEntry("error", "-17");
        assertThat(byLine.get(11).kind()).isEqualTo(KernelEventKind.SMC_LLC_PROBLEM);
        assertThat(byLine.get(11).field("detail")).startsWith("dropped unexpected LLC msg");
        assertThat(byLine.get(12).kind()).isEqualTo(KernelEventKind.SMC_OTHER);
        assertThat(byLine.get(12).field("message")).isEqualTo("something new the parser has never seen");
        assertThat(byLine.get(13).field("device")).isEqualTo("rxe0");
        assertThat(byLine.get(14).fields()).containsEntry("interface", "eth1").containsEntry("state", "up");
        assertThat(byLine.get(15).kind()).isEqualTo(KernelEventKind.RDMA_OTHER);
        assertThat(byLine).doesNotContainKeys(16, 17);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "smc: smc: load SMC module with reserve_mode|SMC_RESERVE_MODE",
        "smc: netns 1 reserved ports [65500 ~ 65515] for eRDMA OOB|SMC_RESERVED_PORTS",
        "NET: Registered protocol family 43|SMC_REGISTERED",
        "NET: Unregistered protocol family 43|SMC_UNREGISTERED",
        "smc: SMC-R lg 00000100 state changed: ASYMMETRIC_PEER, pnetid NET25|SMC_LGR_STATE_CHANGED",
        "smc: SMC-R lg 00000100 net 7 dropped parallel LLC msg: msg 2 flow 1 role 1|SMC_LLC_PROBLEM",
        "smc: smc_init: proto_register(v6) fails with -12|SMC_INIT_FAILED",
        "smc: removing ib device erdma_0|SMC_IB_DEVICE_REMOVED",
        "smc: adding smcd device ism1 with pnetid NET2 (user defined)|SMC_SMCD_DEVICE_ADDED",
        "eth0: Link is Down|NET_LINK_STATE",
        "IPv6: ADDRCONF(NETDEV_UP): eth2: link is not ready|NET_LINK_STATE",
        "erdma 0000:00:06.0: erdma: probe device failed, ret -110|ERDMA_DRIVER",
        "ib_uverbs: failed to register|RDMA_OTHER",
        "MLNX_OFED_LINUX-23.10-1.1.9.0 loaded|OFED_DRIVER"
    })
    void parse_singleLine_yieldsKind(String line, KernelEventKind kind) {
        assertThat(only(line).kind()).isEqualTo(kind);
    }

    @Test
    void parse_pnetidPaddedWithBlanks_isTrimmedAndUserDefinedFlagged() {
        KernelEvent e = only("smc:    ib device mlx5_1 port 2 has pnetid NET25           (user defined)");

        assertThat(e.fields()).containsEntry("device", "mlx5_1").containsEntry("port", "2")
                .containsEntry("pnetid", "NET25").containsEntry("userDefined", "true");
    }

    @Test
    void parse_lgStateChangedWithPnetid_keepsPnetidAndNet() {
        KernelEvent e = only("[ 9.1] smc: SMC-R lg 0000ab00 net 4026531992 state changed: SYMMETRIC, pnetid NET25");

        assertThat(e.fields()).containsEntry("lg", "0000ab00").containsEntry("net", "4026531992")
                .containsEntry("state", "SYMMETRIC").containsEntry("pnetid", "NET25");
    }

    @Test
    void parse_noiseOnly_yieldsNothingAndNoWarnings() {
        Evidence ev = HostFixtures.parseText(SourceKind.DMESG, "dmesg.txt",
                "[    0.1] ACPI: PCI: Interrupt link LNKA configured for IRQ 10\n"
                        + "[    0.2] NET: Registered PF_INET protocol family\n"
                        + "garbage \u0001\u0002 line\n[ unterminated bracket\n<99999999>\n<4>\n");

        assertThat(ev.facts(KernelEvent.class)).isEmpty();
        assertThat(ev.warnings()).isEmpty();
    }

    @Test
    void parse_crlfLines_areRecognised() {
        List<KernelEvent> ev = eventsOf("[ 1.0] NET: Registered PF_SMC protocol family\r\n"
                + "[ 2.0] smc: adding ib device rxe0 with port count 1\r\n");

        assertThat(ev).extracting(KernelEvent::kind).containsExactly(SMC_REGISTERED, SMC_IB_DEVICE_ADDED);
        assertThat(ev.get(1).field("ports")).isEqualTo("1");
    }

    @Test
    void parse_hundredThousandLines_isFastAndCountsEvents() {
        StringBuilder sb = new StringBuilder(8_000_000);
        for (int i = 0; i < 100_000; i++) {
            if (i % 1000 == 0) {
                sb.append(String.format("[%6d.%06d] smc: SMC-R lg %08x net 1 link added: id 00000101, peerid "
                        + "00000101, ibdev rxe0, ibport 1%n", i / 10, i % 1_000_000, i));
            } else {
                sb.append(String.format("[%6d.%06d] audit: type=1400 audit(1795710208.%d:%d): apparmor=\"DENIED\" "
                        + "operation=\"open\" profile=\"snap\" name=\"/proc/%d/status\" link becomes noisy%n",
                        i / 10, i % 1_000_000, i, i, i));
            }
        }
        String text = sb.toString();
        long start = System.nanoTime();
        List<KernelEvent> ev = eventsOf(text);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(ev).hasSize(100).allMatch(e -> e.kind() == SMC_LINK_ADDED);
        assertThat(ev.get(1).field("lg")).isEqualTo("000003e8");
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }
}
