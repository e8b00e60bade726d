package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.IpFamily;
import io.smcdoctor.evidence.facts.KernelEvent;
import io.smcdoctor.evidence.facts.LinkGroup;
import io.smcdoctor.evidence.facts.LoadedModule;
import io.smcdoctor.evidence.facts.NetInterface;
import io.smcdoctor.evidence.facts.RdmaDeviceKind;
import io.smcdoctor.evidence.facts.SmcStats;
import io.smcdoctor.evidence.facts.SmcrDevice;
import io.smcdoctor.evidence.facts.SocketGroup;
import io.smcdoctor.evidence.facts.SocketMode;
import io.smcdoctor.evidence.facts.SocketRow;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.SysctlSetting;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every text parser reads what a person still reads as the tool's output: the same listing indented, tab-indented,
 * quoted (also twice), behind a shell prompt, with CRLF, with colour codes, with an elision line and host labels gives
 * the same facts as the clean listing, and the facts cite the lines of the text as given. The clean listings are lab
 * captures (smc-lab, 6.12.117, see {@code src/test/resources/bundle/no-ueid-server/}); the published shapes come from the
 * corpus excerpts under {@code src/test/resources/corpus/} (README there names each source).
 */
class PastedListingsTest {
    private static final String SMCSS = HostFixtures.text("bundle/no-ueid-server/smcss.txt");

    /** The ways a listing is pasted: each turns clean text into what a mail, ticket or terminal log shows. */
    static Stream<Arguments> pastes() {
        return Stream.of(
                Arguments.of("indented by 4", (UnaryOperator<String>) t -> prefix(t, "    ")),
                Arguments.of("indented by a tab", (UnaryOperator<String>) t -> prefix(t, "\t")),
                Arguments.of("quoted", (UnaryOperator<String>) t -> prefix(t, "> ")),
                Arguments.of("quoted twice", (UnaryOperator<String>) t -> prefix(t, ">> ")),
                Arguments.of("quoted and indented", (UnaryOperator<String>) t -> prefix(t, "   > ")),
                Arguments.of("prompt before", (UnaryOperator<String>) t -> "[root@host ~]# cat out.txt\n" + t),
                Arguments.of("CRLF", (UnaryOperator<String>) t -> t.replace("\n", "\r\n")),
                Arguments.of("colour codes", (UnaryOperator<String>) t -> t.replace("ACTIVE", "\u001b[32mACTIVE\u001b[0m")
                        .replace("LISTEN", "\u001b[1mLISTEN\u001b[0m")),
                Arguments.of("label, elision", (UnaryOperator<String>) t -> "Server:\n" + t + "...\n"),
                Arguments.of("all at once", (UnaryOperator<String>) t -> "$ cat out.txt\n" + prefix(t, "  > ")
                        .replace("\n", "\r\n") + "  > [...]\n"));
    }

    private static String prefix(String text, String p) {
        return text.lines().map(l -> p + l).collect(Collectors.joining("\n", "", "\n"));
    }

    private static Evidence parse(SourceKind kind, String text) {
        return Evidence.builder().parse(kind, kind.fileName(), text).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pastes")
    void smcss_pasted_givesTheSameSocketsAsClean(String how, UnaryOperator<String> paste) {
        Evidence clean = parse(SourceKind.SMCSS, SMCSS);
        Evidence pasted = parse(SourceKind.SMCSS, paste.apply(SMCSS));

        assertThat(clean.sockets().total() + clean.sockets().listening()).isPositive();
        assertThat(pasted.sockets().total()).as("a listing with rows never reads as 0 sockets").isPositive()
                .isEqualTo(clean.sockets().total());
        assertThat(pasted.sockets().listening()).isEqualTo(clean.sockets().listening());
        assertThat(groups(pasted)).isEqualTo(groups(clean));
        assertThat(pasted.warnings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pastes")
    void hostListings_pasted_giveTheSameFactsAsClean(String how, UnaryOperator<String> paste) {
        for (SourceKind kind : List.of(SourceKind.SMCR_DEVICE, SourceKind.SMCR_STATS, SourceKind.SMCR_LINKGROUP,
                SourceKind.LSMOD, SourceKind.IP_ADDR, SourceKind.SYSCTL, SourceKind.RDMA_LINK, SourceKind.RDMA_DEV,
                SourceKind.RDMA_SYSTEM, SourceKind.UNAME, SourceKind.DMESG, SourceKind.SMCR_INFO, SourceKind.SMC_PNET,
                SourceKind.IBV_DEVINFO, SourceKind.SMCD_DEVICE, SourceKind.SMCD_LINKGROUP, SourceKind.SMCD_STATS)) {
            String text = HostFixtures.text("specs/" + kind.fileName());
            Evidence clean = parse(kind, text);
            Evidence pasted = parse(kind, paste.apply(text));

            assertThat(facts(pasted)).as("%s %s", kind, how).isEqualTo(facts(clean));
            assertThat(pasted.warnings()).as("%s %s", kind, how).isEmpty();
        }
    }

    /** The facts without their provenance (also the lines of single counters): what was read, not where. */
    private static List<String> facts(Evidence ev) {
        return ev.allFacts().stream().map(f -> f.toString().replaceAll("provenance=[^,\\]]*", "")
                .replaceAll("counterLines=\\{[^}]*\\}", "")).sorted().toList();
    }

    private static List<String> groups(Evidence ev) {
        return ev.sockets().groups().stream()
                .map(g -> g.mode() + "/" + g.localCode() + "/" + g.peerCode() + "/" + g.family() + "/" + g.count())
                .sorted().toList();
    }

    @Test
    void smcss_quoted_citesTheLinesAsGiven() {
        Evidence ev = parse(SourceKind.SMCSS, "Hi,\n" + prefix(SMCSS, "> "));

        SocketRow first = ev.sockets().groups().get(0).samples().get(0);
        int line = first.provenance().line();
        assertThat(("Hi,\n" + prefix(SMCSS, "> ")).lines().toList().get(line - 1)).startsWith("> ")
                .contains(Long.toString(first.inode()));
    }

    /** Corpus case 05 (journal of an IBM Z test host, rows wrapped by the mailer before the Intf column). */
    @Test
    void smcss_wrappedRowsAfterAPrompt_corpus05() {
        Evidence ev = HostFixtures.parse(SourceKind.SMCSS, "corpus/05-smcss-wrapped-rows.txt");

        assertThat(ev.warnings()).isEmpty();
        assertThat(ev.sockets().total()).isEqualTo(14);
        assertThat(ev.sockets().smc()).isEqualTo(12);
        assertThat(ev.sockets().byCode()).containsEntry(0x030d0000, 2L).containsEntry(0x05000000, 2L);
        SocketRow r = ev.sockets().groups().stream().filter(g -> g.mode() == SocketMode.SMCD).findFirst().orElseThrow()
                .samples().get(0);
        assertThat(r.provenance().line()).isEqualTo(2);
        assertThat(r.intf()).isZero();
    }

    /** Corpus case 36 (Alibaba Cloud ACK documentation): prompt and rows indented by four spaces. */
    @Test
    void smcss_indentedDocumentation_corpus36() {
        Evidence ev = HostFixtures.parse(SourceKind.SMCSS, "corpus/36-smcss-indented-doc.txt");

        assertThat(ev.warnings()).isEmpty();
        assertThat(ev.sockets().smc()).isEqualTo(1);
        assertThat(ev.sockets().groups().get(0).samples().get(0).provenance().line()).isEqualTo(3);
    }

    /**
     * Corpus case 02 (smc_dbg rows of two namespaces under {@code Server:}/{@code Client:} labels, with an elided header
     * column): IPv4-mapped rows cut with {@code ..} are IPV4_MAPPED; a LISTEN on {@code 0.0.0.0} has no known family.
     */
    @Test
    void smcss_labelsAndTruncatedMappedAddresses_corpus02() {
        Evidence ev = HostFixtures.parse(SourceKind.SMCSS, "corpus/02-smc_dbg-server-client-labels.txt");

        assertThat(ev.warnings()).isEmpty();
        assertThat(ev.sockets().total()).isEqualTo(4);
        assertThat(ev.sockets().listening()).isEqualTo(2);
        SocketGroup mapped = group(ev, 0x03030000, 0);
        assertThat(mapped.family()).isEqualTo(IpFamily.IPV4_MAPPED);
        assertThat(mapped.samples().get(0).local().truncated()).isTrue();
        assertThat(group(ev, 0x05000000, 0x03030000).family()).isEqualTo(IpFamily.IPV4);
        assertThat(ev.sockets().groups().stream().filter(SocketGroup::listening).findFirst().orElseThrow().family())
                .isEqualTo(IpFamily.UNKNOWN);
        // one LISTEN row per server port: the accepted rows are the server's, the others the client's
        assertThat(mapped.servers()).isEqualTo(1);
        assertThat(mapped.clients()).isEqualTo(1);
    }

    private static SocketGroup group(Evidence ev, int local, int peer) {
        return ev.sockets().groups().stream().filter(g -> g.localCode() == local && g.peerCode() == peer).findFirst()
                .orElseThrow();
    }

    /** Lab smc6-dualstack-server: the AF_SMC6 listener on {@code ::} is printed {@code 0.0.0.0:5150}. */
    @Test
    void smcss_dualStackListener_familyUnknown_acceptedRowIsServerSide() {
        Evidence ev = HostFixtures.parse(SourceKind.SMCSS, "lab/smc6-dualstack-server-smcss.txt");

        SocketGroup active = ev.sockets().groups().stream().filter(g -> !g.listening()).findFirst().orElseThrow();
        assertThat(active.family()).isEqualTo(IpFamily.IPV4_MAPPED);
        assertThat(active.servers()).isEqualTo(1);
        assertThat(active.clients()).isZero();
        assertThat(ev.sockets().groups().stream().filter(SocketGroup::listening).findFirst().orElseThrow().family())
                .isEqualTo(IpFamily.UNKNOWN);
    }

    /** Lab rdma-link-removed, server: the SMC-R row's local port is 0 (its TCP socket is gone); its side is unknown. */
    @Test
    void smcss_localPortZero_isCountedAndHasNoSide() {
        Evidence ev = HostFixtures.parse(SourceKind.SMCSS, "lab/rdma-link-removed-server-smcss.txt");

        SocketGroup smcr = ev.sockets().groups().stream().filter(g -> g.mode() == SocketMode.SMCR).findFirst()
                .orElseThrow();
        assertThat(smcr.localPortZero()).isEqualTo(1);
        assertThat(smcr.servers()).isZero();
        assertThat(smcr.clients()).isZero();
        assertThat(smcr.samples().get(0).clcSocketGone()).isTrue();
    }

    @Test
    void smcss_withoutListenRows_sidesAreUnknown() {
        Evidence ev = HostFixtures.parse(SourceKind.SMCSS, "lab/smc6-mapped-client-smcss.txt");

        SocketGroup g = ev.sockets().groups().get(0);
        assertThat(g.family()).isEqualTo(IpFamily.IPV4_MAPPED);
        assertThat(g.servers()).isEqualTo(-1);
        assertThat(g.clients()).isEqualTo(-1);
    }

    /** Corpus case 02: rows with a blank Net-Dev and spacing a mailer collapsed, two hosts under labels. */
    @Test
    void smcrDevice_collapsedSpacingAndBlankNetDev_corpus02() {
        Evidence ev = HostFixtures.parse(SourceKind.SMCR_DEVICE, "corpus/02-smcr-device-collapsed-blank-netdev.txt");

        assertThat(ev.warnings()).isEmpty();
        List<SmcrDevice> d = ev.facts(SmcrDevice.class);
        assertThat(d).hasSize(6);
        assertThat(d).extracting(SmcrDevice::netDev).containsExactly("", "", "ens2076", "", "ens1296", "");
        assertThat(d).extracting(SmcrDevice::ibDev).containsExactly("roceP12p", "roceP11p", "roceP9p0", "roceP12p",
                "roceP11p", "roceP9p0");
        assertThat(d).extracting(SmcrDevice::pnetId).containsExactly("NET26", "NET25", "NET25", "NET26", "NET25",
                "NET25");
        assertThat(d).allSatisfy(x -> assertThat(x.deviceKind()).isEqualTo(RdmaDeviceKind.ROCE_EXPRESS));
    }

    /** Corpus case 49: indented by two spaces, first row without Net-Dev (device in another namespace). */
    @Test
    void smcrDevice_indented_corpus49() {
        Evidence ev = HostFixtures.parse(SourceKind.SMCR_DEVICE, "corpus/49-smcr-device-indented.txt");

        assertThat(ev.warnings()).isEmpty();
        assertThat(ev.facts(SmcrDevice.class)).extracting(SmcrDevice::netDev, SmcrDevice::ibDev)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("", "mlx5_0"),
                        org.assertj.core.groups.Tuple.tuple("eth2", "mlx5_1"));
        assertThat(ev.facts(SmcrDevice.class).get(0).withoutNetDev()).isTrue();
        assertThat(ev.facts(SmcrDevice.class)).allSatisfy(x -> assertThat(x.deviceKind()).isEqualTo(RdmaDeviceKind.MLX5));
    }

    /** Corpus case 27: the command line, then a soft-RoCE row: Type 0 (no PCI function), no Net-Dev, no PNET ID. */
    @Test
    void smcrDevice_softRoce_corpus27() {
        Evidence ev = HostFixtures.parse(SourceKind.SMCR_DEVICE, "corpus/27-smcr-device-rxe.txt");

        assertThat(ev.warnings()).isEmpty();
        SmcrDevice d = ev.facts(SmcrDevice.class).get(0);
        assertThat(d.netDev()).isEmpty();
        assertThat(d.type()).isEqualTo("0");
        assertThat(d.deviceKind()).isEqualTo(RdmaDeviceKind.RXE);
        assertThat(d.provenance().line()).isEqualTo(3);
    }

    @Test
    void smcrDevice_detailedRowsWithBlankColumns_collapsed() {
        Evidence ev = parse(SourceKind.SMCR_DEVICE,
                "Net-Dev IB-Dev IB-P IB-State Type Crit FID PCI-ID PCHID #Links PNET-ID\n"
                        + "eth0 rxe0 1 ACTIVE 0 Yes 7fb0 0000 1\n"
                        + "eth1 erdma_0 1 ACTIVE 0x107f No 0000 0000:00:05.0 0000 1\n"
                        + "ens1f0 mlx5_0 1 INACTIVE 0x1017 No 0000 0000:3b:00.0 0000 0 *NET1\n");

        assertThat(ev.warnings()).isEmpty();
        List<SmcrDevice> d = ev.facts(SmcrDevice.class);
        assertThat(d).extracting(SmcrDevice::pciId).containsExactly("", "0000:00:05.0", "0000:3b:00.0");
        assertThat(d).extracting(SmcrDevice::deviceKind).containsExactly(RdmaDeviceKind.RXE, RdmaDeviceKind.ERDMA,
                RdmaDeviceKind.MLX5);
        assertThat(d.get(2).pnetUserDefined()).isTrue();
        assertThat(d.get(2).active()).isFalse();
    }

    @Test
    void deviceKind_fromTypeWhenTheNameSaysNothing() {
        assertThat(RdmaDeviceKind.of("dev0", "0x107f")).isEqualTo(RdmaDeviceKind.ERDMA);
        assertThat(RdmaDeviceKind.of("dev0", "0")).isEqualTo(RdmaDeviceKind.SOFT);
        assertThat(RdmaDeviceKind.of("roceP9p0", "RoCE_Express3")).isEqualTo(RdmaDeviceKind.ROCE_EXPRESS);
        assertThat(RdmaDeviceKind.of("ibp0", "0x1018")).isEqualTo(RdmaDeviceKind.UNKNOWN);
        assertThat(RdmaDeviceKind.of("rxe0", "0").guidFromMac()).isTrue();
        assertThat(RdmaDeviceKind.of("mlx5_0", "0x1018").guidFromMac()).isFalse();
    }

    /** Corpus case 34 parts read as files: stats and linkgroups under host labels and prompts. */
    @Test
    void linkgroupAndLsmod_afterPrompts_areRead() {
        Evidence lg = parse(SourceKind.SMCR_LINKGROUP, "[root@t8345011 ~]# smcr linkgroup\n"
                + "LG-ID    LG-Role  LG-Type  VLAN  #Conns  PNET-ID\n00000400 SERV     SYM         0       0  NET25\n");
        Evidence lsmod = parse(SourceKind.LSMOD, "[root@t8345011 ~]# lsmod | grep smc\n"
                + "smc                   225280  18 ism,smc_diag\n");

        assertThat(lg.facts(LinkGroup.class)).extracting(LinkGroup::id).containsExactly("00000400");
        assertThat(lsmod.facts(LoadedModule.class)).extracting(LoadedModule::useCount).containsExactly(18);
        assertThat(lg.warnings()).isEmpty();
        assertThat(lsmod.warnings()).isEmpty();
    }

    @Test
    void aFileWithAnotherToolsCommandLine_isReadAsItsKind_withOneWarning() {
        Evidence ev = parse(SourceKind.SYSCTL, "$ smcss -a\nnet.smc.tcp2smc = 1\n$ lsmod\nnet.smc.wmem = 65536\n");

        assertThat(ev.facts(SysctlSetting.class)).hasSize(2);
        assertThat(ev.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(1);
            assertThat(w.message()).contains("smcss -a", "diagnose -");
        });
    }

    @Test
    void ipAddr_quoted_keepsContinuationLines() {
        Evidence ev = parse(SourceKind.IP_ADDR, prefix(HostFixtures.text("specs/ip-addr.txt"), "> "));

        assertThat(ev.facts(NetInterface.class)).isNotEmpty()
                .allSatisfy(i -> assertThat(i.name()).doesNotStartWith(">"));
        assertThat(ev.facts(NetInterface.class).stream().flatMap(i -> i.addresses().stream())).isNotEmpty();
    }

    @Test
    void statsAndDmesg_pasted_keepTheirNumbers() {
        Evidence stats = parse(SourceKind.SMCR_STATS, prefix(HostFixtures.text("specs/smcr-stats.txt"), "    "));
        Evidence dmesg = parse(SourceKind.DMESG, prefix(HostFixtures.text("specs/dmesg.txt"), "> "));

        assertThat(stats.facts(SmcStats.class)).singleElement().satisfies(s -> assertThat(s.totalConnections()).isPositive());
        assertThat(dmesg.facts(KernelEvent.class)).isNotEmpty();
    }
}
