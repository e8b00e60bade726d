package io.smcdoctor;

import static io.smcdoctor.Fx.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.DiagnosisReport.MissingEvidence;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Severity;
import io.smcdoctor.catalog.Side;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.BinaryLinkage;
import io.smcdoctor.evidence.facts.FallbackCounter;
import io.smcdoctor.evidence.facts.KernelEvent;
import io.smcdoctor.evidence.facts.KernelEventKind;
import io.smcdoctor.evidence.facts.KernelRelease;
import io.smcdoctor.evidence.facts.LoadedModule;
import io.smcdoctor.evidence.facts.NetInterface;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.facts.RdmaDeviceInfo;
import io.smcdoctor.evidence.facts.RdmaNetnsMode;
import io.smcdoctor.evidence.facts.RdmaSystem;
import io.smcdoctor.evidence.facts.SmcStats;
import io.smcdoctor.evidence.facts.SmcTechnology;
import io.smcdoctor.evidence.facts.SmcrDevice;
import io.smcdoctor.evidence.facts.SocketProbeOutcome;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.SymptomText;
import io.smcdoctor.evidence.facts.SysctlSetting;
import io.smcdoctor.evidence.facts.ToolError;
import io.smcdoctor.evidence.facts.ToolErrorKind;
import io.smcdoctor.evidence.facts.Ueid;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The diagnosis examples of issue 4: realistic evidence in, top diagnosis, reason code and remedy command out. */
class DiagnoserScenarioTest {
    static final Diagnoser DIAGNOSER = Diagnoser.builder().cacheSize(0).build();

    static final String RXE_DEVICE_LINE =
            "eth0            rxe0        1    ACTIVE  0              Yes   7f6f                0000        1                   ";

    private static Evidence.Builder withRdmaDeviceAndUeid(Evidence.Builder b) {
        b.source("smcr-device.txt", SourceKind.SMCR_DEVICE).source("smcr-ueid.txt", SourceKind.SMCR_UEID);
        b.add(new SmcrDevice(at("smcr-device.txt", 2, RXE_DEVICE_LINE), "eth0", "rxe0", 1, "ACTIVE", "0", true, "7f6f",
                "", "", 1, "", false));
        b.add(new Ueid(at("smcr-ueid.txt", 1, "SMC-LAB-UEID-1                  "), "SMC-LAB-UEID-1"));
        return b;
    }

    private static Evidence.Builder symptom(Evidence.Builder b, String text) {
        b.source("symptom.txt", SourceKind.SYMPTOM);
        return b.add(new SymptomText(at("symptom.txt", 1, text), text));
    }

    private static SysctlSetting sysctl(int line, String key, String value) {
        return new SysctlSetting(at("sysctl.txt", line, key + " = " + value), key, value);
    }

    private static SmcStats stats(Provenance p, long total, long smc, double avgRequests, long fallbacks) {
        return SmcStats.builder(p, SmcTechnology.SMCR).totalConnections(total).smcConnections(smc).smcClient(smc)
                .smcServer(0).v1(0).v2(smc).handshakeErrors(0).handshakeErrorsClient(0).handshakeErrorsServer(0)
                .avgRequestsPerConnection(avgRequests).tcpFallbacks(fallbacks).fallbacksClient(fallbacks)
                .fallbacksServer(0).rxBytes(0).rxRequests(0).rxBufferFull(0).txBytes(0).txRequests(0).txBufferFull(0)
                .txBufferFullRemote(0).txBufferTooSmall(0).txBufferTooSmallRemote(0).build();
    }

    @Test
    void diagnose_ipv6SocketsWithIpv6Enabled_ranksNosmcdevIpv6First() {
        Evidence.Builder b = Fx.smcss(Evidence.builder(),
                "ACTIVE         00000 0000760 fd00::2:51144           fd00::1:5102            0000 TCP 0x03030000");
        withRdmaDeviceAndUeid(b).source("sysctl.txt", SourceKind.SYSCTL)
                .add(sysctl(1203, "net.ipv6.conf.all.disable_ipv6", "0"))
                .add(sysctl(1244, "net.ipv6.conf.default.disable_ipv6", "0"));

        DiagnosisReport r = DIAGNOSER.diagnose(b.build());

        Diagnosis top = r.top().orElseThrow();
        assertThat(top.id()).isEqualTo("nosmcdev-ipv6");
        assertThat(top.reasonCodes()).containsExactly(0x03030000);
        assertThat(top.commands()).contains("sysctl -w net.ipv6.conf.all.disable_ipv6=1");
        assertThat(top.evidence()).extracting(Provenance::source).contains("smcss.txt", "sysctl.txt");
        assertThat(top.evidence()).extracting(Provenance::line).contains(2, 1203);
        assertThat(top.side()).isEqualTo(Side.LOCAL);
        assertThat(r.missingEvidence()).extracting(MissingEvidence::what).contains("uname.txt");
    }

    @Test
    void diagnose_nosmcdevWithEmptyDeviceList_ranksNoRdmaDeviceFirst() {
        Evidence.Builder b = Fx.smcss(Evidence.builder(),
                "ACTIVE         00000 0000531 10.10.0.2:56906         10.10.0.1:5101          0000 TCP 0x03030000");
        b.source("smcr-device.txt", SourceKind.SMCR_DEVICE);

        Diagnosis top = DIAGNOSER.diagnose(b.build()).top().orElseThrow();

        assertThat(top.id()).isEqualTo("nosmcdev-no-rdma-device");
        assertThat(top.reasonCodes()).containsExactly(0x03030000);
        assertThat(top.commands()).containsAll(Fx.remedyCommands("nosmcdev-no-rdma-device"));
        assertThat(top.evidence()).extracting(Provenance::source).contains("smcss.txt", "smcr-device.txt");
    }

    @Test
    void diagnose_nosmcdevWithExclusiveRdmaNetns_ranksNetnsExclusiveFirst() {
        // exclusive mode, this namespace (where the application's sockets are) sees no RDMA device, and the host's
        // kernel log shows smc adding one: the device lives in another namespace (net/smc/smc_pnet.c
        // rdma_dev_access_netns checks)
        Evidence.Builder b = Fx.smcss(Evidence.builder(),
                "ACTIVE         00000 0000531 10.10.0.2:56906         10.10.0.1:5101          0000 TCP 0x03030000");
        b.parse(SourceKind.SMCR_DEVICE, "smcr-device.txt", "Net-Dev         IB-Dev   IB-P  IB-State  Type"
                + "          Crit   FID   PCI-ID        PCHID  #Links  PNET-ID  \n");
        b.parse(SourceKind.DMESG, "dmesg.txt", "[    3.842533] smc: adding ib device erdma_0 with port count 1\n");
        b.source("rdma-system.txt", SourceKind.RDMA_SYSTEM)
                .add(new RdmaSystem(at("rdma-system.txt", 1, "netns exclusive copy-on-fork on"), RdmaNetnsMode.EXCLUSIVE, "on"));

        Diagnosis top = DIAGNOSER.diagnose(b.build()).top().orElseThrow();

        assertThat(top.id()).isEqualTo("nosmcdev-rdma-netns-exclusive");
        assertThat(top.commands()).containsAll(Fx.remedyCommands("nosmcdev-rdma-netns-exclusive"));
        assertThat(top.evidence()).extracting(Provenance::text).contains("netns exclusive copy-on-fork on")
                .anyMatch(t -> t.contains("adding ib device erdma_0"));
    }

    @Test
    void diagnose_exclusiveRdmaNetns_butTheNamespaceSeesADevice_isNotTheCause() {
        Evidence.Builder b = Fx.smcss(Evidence.builder(),
                "ACTIVE         00000 0000531 10.10.0.2:56906         10.10.0.1:5101          0000 TCP 0x03030000");
        withRdmaDeviceAndUeid(b).source("rdma-system.txt", SourceKind.RDMA_SYSTEM)
                .add(new RdmaSystem(at("rdma-system.txt", 1, "netns exclusive copy-on-fork on"), RdmaNetnsMode.EXCLUSIVE, "on"));

        DiagnosisReport r = DIAGNOSER.diagnose(b.build());

        assertThat(r.diagnoses()).extracting(Diagnosis::id).doesNotContain("nosmcdev-rdma-netns-exclusive");
    }

    @Test
    void diagnose_rdmaGuidMatchesNoInterfaceMac_ranksNicWithoutErdmaFirst() {
        Evidence.Builder b = Fx.smcss(Evidence.builder(),
                "ACTIVE         00000 0004711 192.168.0.10:40022      192.168.0.20:8080       0000 TCP 0x03030000");
        // no device-to-netdev binding is listed (no smcr device, no rdma link): eRDMA's GUID is the EUI-64 of its NIC's MAC
        b.source("smcr-ueid.txt", SourceKind.SMCR_UEID)
                .add(new Ueid(at("smcr-ueid.txt", 1, "SMC-LAB-UEID-1                  "), "SMC-LAB-UEID-1"));
        b.source("ip-addr.txt", SourceKind.IP_ADDR).source("ibv_devinfo.txt", SourceKind.IBV_DEVINFO)
                .add(new NetInterface(at("ip-addr.txt", 7, "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP group default qlen 1000"),
                        2, "eth0", "ether", "00:16:3e:aa:bb:cc", 1500, List.of("BROADCAST", "MULTICAST", "UP", "LOWER_UP"),
                        "UP", List.of("192.168.0.10/24")))
                .add(new RdmaDeviceInfo(at("ibv_devinfo.txt", 1, "hca_id:\terdma_0"), "erdma_0", "iWARP",
                        "0216:3eff:fe12:3456", "0216:3eff:fe12:3456", "0.2.0", 0x1ded, 0x107f, -1, -1,
                        List.of("PORT_ACTIVE"), List.of("Ethernet")));

        Diagnosis top = DIAGNOSER.diagnose(b.build()).top().orElseThrow();

        assertThat(top.id()).isEqualTo("nosmcdev-nic-without-erdma");
        assertThat(top.reasonCodes()).containsExactly(0x03030000);
        assertThat(top.evidence()).extracting(Provenance::source).contains("smcss.txt", "ip-addr.txt");
        assertThat(top.commands()).containsAll(Fx.remedyCommands("nosmcdev-nic-without-erdma"));
    }

    @Test
    void diagnose_lab612NoUeidClient_ranksNoUeidFirst() {
        // lab-6.12/no-ueid/client: rxe0 without PNET ID, `smcr ueid show` printed nothing, stats count NOSMCDEV
        Evidence.Builder b = Fx.smcss(Evidence.builder(),
                "ACTIVE         00000 0000531 10.10.0.2:56906         10.10.0.1:5101          0000 TCP 0x03030000");
        b.source("smcr-device.txt", SourceKind.SMCR_DEVICE).source("smcr-ueid.txt", SourceKind.SMCR_UEID)
                .source("smc-pnet.txt", SourceKind.SMC_PNET).source("rdma-system.txt", SourceKind.RDMA_SYSTEM)
                .source("smcr-stats.txt", SourceKind.SMCR_STATS)
                .add(new SmcrDevice(at("smcr-device.txt", 2,
                        "eth0            rxe0        1    ACTIVE  0               No   7fd0                0000        0                   "),
                        "eth0", "rxe0", 1, "ACTIVE", "0", false, "7fd0", "", "", 0, "", false))
                .add(new RdmaSystem(at("rdma-system.txt", 1, "netns shared copy-on-fork on"), RdmaNetnsMode.SHARED, "on"))
                .add(new FallbackCounter(at("smcr-stats.txt", 10, "     NOSMCDEV                           1"),
                        SmcTechnology.SMCR, "client", "NOSMCDEV", 0x03030000, 1));

        DiagnosisReport r = DIAGNOSER.diagnose(b.build());

        Diagnosis top = r.top().orElseThrow();
        assertThat(top.id()).isEqualTo("nosmcdev-no-ueid");
        assertThat(top.reasonCodes()).containsExactly(0x03030000);
        assertThat(top.commands()).anyMatch(c -> c.startsWith("smcr ueid add"));
        assertThat(top.evidence()).extracting(Provenance::source)
                .contains("smcss.txt", "smcr-device.txt", "smcr-ueid.txt", "smcr-stats.txt");
        assertThat(r.stats().fallbacks()).containsEntry(0x03030000, 1L);
    }

    @Test
    void diagnose_mostFallbacksPeerNoSmc_ranksPeerWithoutSmcFirstOnPeerSide() {
        Evidence.Builder b = Fx.smcss(Evidence.builder(),
                "ACTIVE         00000 0000601 10.10.0.2:36290         10.10.0.1:5103          0000 TCP 0x03010000",
                "ACTIVE         00000 0000602 10.10.0.2:36292         10.10.0.1:5103          0000 TCP 0x03010000",
                "ACTIVE         00000 0000603 10.10.0.2:36294         10.10.0.1:5103          0000 TCP 0x03010000",
                "ACTIVE         00000 0000604 10.10.0.2:36296         10.10.0.3:5103          0000 SMCR ");

        DiagnosisReport r = DIAGNOSER.diagnose(b.build());

        Diagnosis top = r.top().orElseThrow();
        assertThat(top.id()).isEqualTo("peernosmc-peer-without-smc");
        assertThat(top.side()).isEqualTo(Side.PEER);
        assertThat(top.reasonCodes()).containsExactly(0x03010000);
        assertThat(top.commands()).contains("sysctl -w net.smc.tcp2smc=1");
        assertThat(r.diagnosis("peernosmc-option-stripped")).get()
                .satisfies(d -> assertThat(d.rank()).isGreaterThan(1));
        assertThat(r.stats().sockets()).isEqualTo(4);
        assertThat(r.stats().smcSockets()).isEqualTo(1);
        assertThat(r.stats().fallbacks()).isEqualTo(Map.of(0x03010000, 3L));
    }

    @Test
    void diagnose_lab612FastOpenClient_ranksOptUnsuppFastOpenFirst() {
        // lab-6.12/fastopen/client: only an INIT row without addresses; the stats count OPTUNSUPP
        Evidence.Builder b = Fx.smcss(Evidence.builder(), "INIT           00000 0000971 ");
        b.source("smcr-stats.txt", SourceKind.SMCR_STATS)
                .add(stats(at("smcr-stats.txt", 2, "  Total connections handled             1"), 1, 0, 0.0, 1))
                .add(new FallbackCounter(at("smcr-stats.txt", 10, "     OPTUNSUPP                          1"),
                        SmcTechnology.SMCR, "client", "OPTUNSUPP", 0x03060000, 1));

        DiagnosisReport r = DIAGNOSER.diagnose(b.build());

        Diagnosis top = r.top().orElseThrow();
        assertThat(top.id()).isEqualTo("optunsupp-fastopen");
        assertThat(top.reasonCodes()).containsExactly(0x03060000);
        assertThat(top.evidence()).extracting(Provenance::text)
                .contains("     OPTUNSUPP                          1", "INIT           00000 0000971 ");
        assertThat(top.commands()).containsAll(Fx.remedyCommands("optunsupp-fastopen"));
        assertThat(r.stats().fallbacks()).containsEntry(0x03060000, 1L);
    }

    @Test
    void diagnose_peerDeclinedWithNosmcdev_explainsPeerReasonOnPeerSide() {
        // lab-6.12/no-ueid/server: the server has a UEID, the client has none and declined
        Evidence.Builder b = Fx.smcss(Evidence.builder(),
                "ACTIVE         00000 0000519 10.10.0.1:5101          10.10.0.2:56906         0000 TCP 0x05000000/0x03030000",
                "LISTEN         00000 0000515 0.0.0.0:5101            ");
        withRdmaDeviceAndUeid(b).source("smcr-stats.txt", SourceKind.SMCR_STATS)
                .add(new FallbackCounter(at("smcr-stats.txt", 10, "     PEERDECL                           1"),
                        SmcTechnology.SMCR, "server", "PEERDECL", 0x05000000, 1));

        DiagnosisReport r = DIAGNOSER.diagnose(b.build());

        // the peer declined over IPv4 with NOSMCDEV: from this host's files the peer may lack the UEID, have another
        // one, have no device for the route or have used an IPv6 socket (the lab produced each with this evidence),
        // so "the peer declined" leads and the peer's missing UEID is one candidate, on the peer's side
        Diagnosis top = r.top().orElseThrow();
        assertThat(top.id()).isEqualTo("peerdecl-peer-declined");
        Diagnosis noUeid = r.diagnosis("nosmcdev-no-ueid").orElseThrow();
        assertThat(noUeid.reasonCodes()).containsExactly(0x05000000, 0x03030000);
        assertThat(noUeid.side()).isEqualTo(Side.PEER);
        assertThat(noUeid.confidence()).isLessThan(top.confidence());
        assertThat(noUeid.commands()).anySatisfy(c -> assertThat(c).startsWith("smcr ueid add"));
        // what decides the peer's causes is in the peer's files: this host's missing inputs that their rules need
        // (ibv_devinfo for no RDMA device, rdma system for the namespace mode) are not asked for
        assertThat(r.missingEvidence()).extracting(MissingEvidence::what)
                .doesNotContain("ibv_devinfo.txt", "rdma-system.txt");
        assertThat(r.diagnoses()).extracting(Diagnosis::id).contains("peerdecl-peer-declined", "nosmcdev-no-rdma-device");
        assertThat(r.diagnosis("peerdecl-peer-declined")).get().satisfies(d -> {
            assertThat(d.side()).isEqualTo(Side.PEER);
            assertThat(d.reasonCodes()).containsExactly(0x05000000, 0x03030000);
        });
        assertThat(r.diagnosis("nosmcdev-no-rdma-device")).get().satisfies(d -> {
            assertThat(d.side()).isEqualTo(Side.PEER);
            assertThat(d.reasonCodes()).containsExactly(0x05000000, 0x03030000);
        });
    }

    @Test
    void diagnose_reservedPortsInDmesgAndEaddrinuse_ranksErdmaOobReservedPortsFirst() {
        Evidence.Builder b = symptom(Evidence.builder(), "bind() on port 65501 fails: Address already in use");
        b.source("dmesg.txt", SourceKind.DMESG).add(new KernelEvent(
                at("dmesg.txt", 812, "[   12.345678] smc: netns 1 reserved ports [65500 ~ 65515] for eRDMA OOB"),
                KernelEventKind.SMC_RESERVED_PORTS, Map.of("netns", "1", "first", "65500", "last", "65515"),
                "12.345678"));

        Diagnosis top = DIAGNOSER.diagnose(b.build()).top().orElseThrow();

        assertThat(top.id()).isEqualTo("erdma-oob-reserved-ports");
        assertThat(top.commands()).containsAll(Fx.remedyCommands("erdma-oob-reserved-ports"));
        assertThat(top.evidence()).extracting(Provenance::source).contains("dmesg.txt", "symptom.txt");
        assertThat(top.confidence()).isGreaterThan(0.8);
    }

    @Test
    void diagnose_smcUnknownSymbolWithMlxModules_ranksOfedBreaksSmcFirst() {
        Evidence.Builder b = Evidence.builder().source("dmesg.txt", SourceKind.DMESG).source("lsmod.txt", SourceKind.LSMOD)
                .add(new KernelEvent(at("dmesg.txt", 1440, "[    8.120331] smc: Unknown symbol ib_register_client (err -22)"),
                        KernelEventKind.MODULE_UNKNOWN_SYMBOL, Map.of("module", "smc", "symbol", "ib_register_client"),
                        "8.120331"))
                .add(new KernelEvent(at("dmesg.txt", 1102, "[    5.410200] mlx5_core 0000:00:05.0: firmware version: 16.35.2000"),
                        KernelEventKind.OFED_DRIVER, Map.of("driver", "mlx5_core", "message", "firmware version: 16.35.2000"),
                        "5.410200"))
                .add(new LoadedModule(at("lsmod.txt", 4, "mlx5_ib               405504  0"), "mlx5_ib", 405504, 0, List.of()));

        Diagnosis top = DIAGNOSER.diagnose(b.build()).top().orElseThrow();

        assertThat(top.id()).isEqualTo("ofed-breaks-smc-module");
        assertThat(top.side()).isEqualTo(Side.HOST);
        assertThat(top.evidence()).extracting(Provenance::line).contains(1440, 1102);
        assertThat(top.remedies()).isNotEmpty();
    }

    @Test
    void diagnose_staticallyLinkedBinary_ranksSmcRunStaticBinaryFirst() {
        Evidence.Builder b = Evidence.builder().source("(binary)", SourceKind.BINARY)
                .add(new BinaryLinkage(at("/usr/local/bin/server", 0, "ELF 64-bit LSB executable, statically linked"),
                        "/usr/local/bin/server", true, true, "", List.of()));

        Diagnosis top = DIAGNOSER.diagnose(b.build()).top().orElseThrow();

        assertThat(top.id()).isEqualTo("smc-run-static-binary");
        assertThat(top.commands()).contains("sysctl -w net.smc.tcp2smc=1");
    }

    @Test
    void diagnose_symptomSmcRunHasNoEffect_ranksSmcRunStaticBinaryFirst() {
        Evidence.Builder b = symptom(Evidence.builder(), "smc_run has no effect on our Go server");

        DiagnosisReport r = DIAGNOSER.diagnose(b.build());

        assertThat(r.top().orElseThrow().id()).isEqualTo("smc-run-static-binary");
        assertThat(r.missingEvidence()).extracting(MissingEvidence::what).contains("(binary)");
    }

    @Test
    void diagnose_noSpeedupWithShortConnectionsAndMtu1500_ranksFiveCausesByEvidence() {
        Evidence.Builder b = Fx.smcss(Evidence.builder(),
                "ACTIVE         00000 0000701 10.0.0.2:40000          10.0.0.1:80             0000 SMCR ",
                "ACTIVE         00000 0000702 10.0.0.2:40002          10.0.0.1:80             0000 SMCR ",
                "ACTIVE         00000 0000703 10.0.0.2:40004          10.0.0.1:80             0000 SMCR ",
                "ACTIVE         00000 0000704 10.0.0.2:40006          10.0.0.9:80             0000 TCP 0x03010000");
        symptom(b, "SMC-R is enabled but there is no speed-up");
        b.source("smcr-stats.txt", SourceKind.SMCR_STATS).source("ip-addr.txt", SourceKind.IP_ADDR)
                .add(stats(at("smcr-stats.txt", 2, "  Total connections handled         20000"), 20000, 19990, 1.5, 10))
                .add(new NetInterface(at("ip-addr.txt", 7, "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP group default qlen 1000"),
                        2, "eth0", "ether", "00:16:3e:12:34:56", 1500, List.of("UP"), "UP", List.of("10.0.0.2/24")));

        DiagnosisReport r = DIAGNOSER.diagnose(b.build());

        assertThat(r.diagnoses()).extracting(Diagnosis::id).containsSubsequence(
                "no-speedup-short-lived-connections", "no-speedup-header-overhead-mtu", "no-speedup-network-not-bottleneck");
        assertThat(r.diagnoses()).extracting(Diagnosis::id).contains("no-speedup-fallback", "no-speedup-resource-limits");
        assertThat(r.top().orElseThrow().id()).isEqualTo("no-speedup-short-lived-connections");
        assertThat(r.diagnosis("no-speedup-header-overhead-mtu").orElseThrow().commands())
                .containsAll(Fx.remedyCommands("no-speedup-header-overhead-mtu"));
        // the network-not-bottleneck cause cannot be seen in files: it is asked as a question with its command
        assertThat(r.missingEvidence()).extracting(MissingEvidence::command).contains(Catalog.bundled()
                .cause("no-speedup-network-not-bottleneck").orElseThrow().checks().get(0).commands().get(0));
    }

    @Test
    void diagnose_pingWorksCurlFails_withClientHandshakeErrors_ranksTcpOptionReplayMiddleboxFirst() {
        // a replayed option makes the client wait for a CLC reply that never comes: connect() fails, no fallback code,
        // and `smcr -d stats` counts a client handshake error (net/smc/af_smc.c smc_connect_decline_fallback())
        Evidence.Builder b = Fx.smcss(Evidence.builder(),
                "ACTIVE         00000 0000801 10.0.0.2:41000          10.0.0.9:8500           0000 SMCR ");
        symptom(b, "After enabling SMC-R: ping works, curl fails to some hosts");
        b.source("smcr-stats.txt", SourceKind.SMCR_STATS).add(SmcStats.builder(at("smcr-stats.txt", 5,
                "  Handshake errors                     23 (client 23, server 0)"), SmcTechnology.SMCR)
                .totalConnections(604).smcConnections(393).smcClient(352).smcServer(41).v1(0).v2(393)
                .handshakeErrors(23).handshakeErrorsClient(23).handshakeErrorsServer(0).avgRequestsPerConnection(761.1)
                .tcpFallbacks(0).fallbacksClient(0).fallbacksServer(0).rxBytes(0).rxRequests(150331).rxBufferFull(0)
                .txBytes(0).txRequests(148775).txBufferFull(0).txBufferFullRemote(0).txBufferTooSmall(0)
                .txBufferTooSmallRemote(0).build());

        DiagnosisReport r = DIAGNOSER.diagnose(b.build());

        Diagnosis top = r.top().orElseThrow();
        assertThat(top.id()).isEqualTo("tcp-option-replay-middlebox");
        assertThat(top.evidence()).extracting(Provenance::source).contains("symptom.txt", "smcr-stats.txt");
        assertThat(top.confidence()).isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void diagnose_pingWorksCurlFails_butThePeerSentNoSmcOption_doesNotConcludeReplay() {
        // 0x03010000: the SYN-ACK came back WITHOUT the SMC option, the opposite of a replay (af_smc.c __smc_connect())
        Evidence.Builder b = Fx.smcss(Evidence.builder(),
                "ACTIVE         00000 0000801 10.0.0.2:41000          172.16.5.9:443          0000 TCP 0x03010000");
        symptom(b, "After enabling SMC-R: ping works, curl fails to some hosts");

        DiagnosisReport r = DIAGNOSER.diagnose(b.build());

        assertThat(r.top().orElseThrow().id()).isEqualTo("peernosmc-peer-without-smc");
        assertThat(r.diagnosis("tcp-option-replay-middlebox")).hasValueSatisfying(d ->
                assertThat(d.confidence()).isLessThan(0.4));
    }

    @Test
    void diagnose_smcModuleMissing_ranksModuleNotLoadedFirstWithAllSignals() {
        Evidence.Builder b = Evidence.builder().source("smcss.txt", SourceKind.SMCSS).source("lsmod.txt", SourceKind.LSMOD)
                .source("sysctl.txt", SourceKind.SYSCTL).source("sockopt-probe.json", SourceKind.SOCKOPT_PROBE)
                .add(new ToolError(at("smcss.txt", 1, "Error: SMC module not loaded"), "smcss",
                        ToolErrorKind.SMC_MODULE_NOT_LOADED, "Error: SMC module not loaded"))
                .add(new SocketProbeOutcome(at("sockopt-probe.json", 3, "\"socket\": {\"opened\": false, \"errno\": 97}"),
                        "0", false, 97, "EAFNOSUPPORT", "SMC not available in this kernel (EAFNOSUPPORT)"))
                .add(new LoadedModule(at("lsmod.txt", 2, "rdma_rxe              176128  0"), "rdma_rxe", 176128, 0, List.of()))
                // the net.smc sysctls exist since 5.18: on this kernel their absence means something
                .source("uname.txt", SourceKind.UNAME)
                .add(new KernelRelease(at("uname.txt", 1, "Linux (none) 6.12.117+deb12-amd64 #1 SMP PREEMPT_DYNAMIC"),
                        "6.12.117+deb12-amd64", "x86_64", "debian12"));
        for (int i = 0; i < 60; i++) {
            b.add(sysctl(100 + i, "net.ipv4.conf.eth0.setting_" + i, "0"));
        }

        Diagnosis top = DIAGNOSER.diagnose(b.build()).top().orElseThrow();

        assertThat(top.id()).isEqualTo("smc-module-not-loaded");
        assertThat(top.commands()).contains("modprobe smc");
        assertThat(top.evidence()).extracting(Provenance::source)
                .contains("smcss.txt", "sockopt-probe.json", "lsmod.txt", "sysctl.txt");
        // five files agree (the sysctl rule also cites the uname line that makes the absence meaningful):
        // 0.9 × (0.70 + 0.20 × (1 − 0.5^4) + 0.10 × 0.5) = 0.84375
        assertThat(top.evidence()).extracting(Provenance::source).contains("uname.txt");
        assertThat(top.confidence()).isEqualTo(0.84);
        assertThat(top.rules()).hasSize(4);
    }

    @Test
    void diagnose_onlySmcrSocketsNoFallbacks_reportsSmcWorkingAndNoProblem() {
        String[] rows = new String[50];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = String.format("ACTIVE         00000 %07d 10.10.0.2:%d         10.10.0.1:5103          0000 SMCR ",
                    1000 + i, 40000 + i);
        }
        DiagnosisReport r = DIAGNOSER.diagnose(Fx.smcss(Evidence.builder(), rows).build());

        Diagnosis top = r.top().orElseThrow();
        assertThat(top.id()).isEqualTo("smc-working");
        assertThat(top.severity()).isEqualTo(Severity.INFO);
        assertThat(r.diagnoses()).noneMatch(d -> d.severity() == Severity.PROBLEM);
        assertThat(r.stats().smcSockets()).isEqualTo(50);
        assertThat(r.stats().fallbacks()).isEmpty();
    }

    @Test
    void diagnose_nosmcdevWithOnlySmcss_listsDeviceAndNamespaceInputsAsMissing() {
        Evidence ev = Fx.smcss(Evidence.builder(),
                "ACTIVE         00000 0000531 10.10.0.2:56906         10.10.0.1:5101          0000 TCP 0x03030000").build();

        DiagnosisReport r = DIAGNOSER.diagnose(ev);

        assertThat(r.missingEvidence()).extracting(MissingEvidence::what)
                .contains("smcr-device.txt", "rdma-system.txt", "ibv_devinfo.txt", "ip-addr.txt", "smcr-stats.txt")
                .doesNotContain("smcss.txt");
        assertThat(r.missingEvidence()).filteredOn(m -> m.what().equals("smcr-device.txt"))
                .extracting(MissingEvidence::command).containsExactly("smcr -d device");
        // without device evidence, the NOSMCDEV causes stay candidates (baseline rule), except those whose catalog
        // preconditions the IPv4 socket contradicts
        assertThat(r.diagnoses()).extracting(Diagnosis::id).contains("nosmcdev-no-rdma-device",
                "nosmcdev-nic-without-erdma", "nosmcdev-rdma-netns-exclusive", "nosmcdev-no-ueid")
                .doesNotContain("nosmcdev-ipv6");
        // the code alone is equal evidence for each of them: one confidence, whatever the catalog's order
        assertThat(r.diagnoses()).filteredOn(d -> d.id().startsWith("nosmcdev-")).extracting(Diagnosis::confidence)
                .containsOnly(r.diagnosis("nosmcdev-no-rdma-device").orElseThrow().confidence());
    }

    @Test
    void diagnose_emptyEvidence_hasNoDiagnosisAndAsksForSmcss() {
        DiagnosisReport r = DIAGNOSER.diagnose(Evidence.empty());

        assertThat(r.diagnoses()).isEmpty();
        assertThat(r.missingEvidence()).extracting(MissingEvidence::command).contains("smcss -a");
        assertThat(r.toText()).contains("No problem found");
    }
}
