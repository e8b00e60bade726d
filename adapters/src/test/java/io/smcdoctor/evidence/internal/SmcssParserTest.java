package io.smcdoctor.evidence.internal;

import static io.smcdoctor.evidence.internal.SmcFixtures.parse;
import static io.smcdoctor.evidence.internal.SmcFixtures.parseText;
import static io.smcdoctor.evidence.internal.SmcFixtures.row;
import static io.smcdoctor.evidence.internal.SmcFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.Endpoint;
import io.smcdoctor.evidence.facts.InputFailed;
import io.smcdoctor.evidence.facts.IpFamily;
import io.smcdoctor.evidence.facts.SocketMode;
import io.smcdoctor.evidence.facts.SocketRow;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.ToolError;
import io.smcdoctor.evidence.facts.ToolErrorKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmcssParserTest {

    @Test
    void parse_defaultListing_yieldsModesCodesAndAddresses() {
        Evidence ev = parse(SourceKind.SMCSS, "smcss/default-mixed.txt");

        assertThat(ev.warnings()).isEmpty();
        assertThat(ev.sockets().total()).isEqualTo(6);
        SocketRow smcr = row(ev, 41853);
        assertThat(smcr.state()).isEqualTo("ACTIVE");
        assertThat(smcr.uid()).isZero();
        assertThat(smcr.mode()).isEqualTo(SocketMode.SMCR);
        assertThat(smcr.local()).isEqualTo(new Endpoint("10.1.1.2", 45678, false));
        assertThat(smcr.peer()).isEqualTo(new Endpoint("10.1.1.3", 5201, false));
        assertThat(smcr.intf()).isZero();
        assertThat(smcr.family()).isEqualTo(IpFamily.IPV4);
        assertThat(smcr.provenance().source()).isEqualTo("default-mixed.txt");
        assertThat(smcr.provenance().line()).isEqualTo(2);
        assertThat(smcr.provenance().text()).startsWith("ACTIVE         00000 0041853 10.1.1.2:45678");

        SocketRow peerDecl = row(ev, 41854);
        assertThat(peerDecl.uid()).isEqualTo(1000);
        assertThat(peerDecl.mode()).isEqualTo(SocketMode.TCP);
        assertThat(peerDecl.localCode()).isEqualTo(0x05000000);
        assertThat(peerDecl.peerCode()).isEqualTo(0x03030000);

        SocketRow smcd6 = row(ev, 41855);
        assertThat(smcd6.mode()).isEqualTo(SocketMode.SMCD);
        assertThat(smcd6.local()).isEqualTo(new Endpoint("fd00:ab12:0:1::21", 51234, false));
        assertThat(smcd6.peer()).isEqualTo(new Endpoint("fd00:ab12:0:1::22", 443, false));
        assertThat(smcd6.family()).isEqualTo(IpFamily.IPV6);

        SocketRow truncated = row(ev, 41856);
        assertThat(truncated.local()).isEqualTo(new Endpoint("2001:db8:1234:5", 51234, true));
        assertThat(truncated.peer()).isEqualTo(new Endpoint("2001:db8:1234:567", 443, true));
        assertThat(truncated.localCode()).isEqualTo(0x03030002);
        assertThat(truncated.peerCode()).isZero();
        assertThat(truncated.family()).isEqualTo(IpFamily.IPV6);

        SocketRow longState = row(ev, 41858);
        assertThat(longState.state()).isEqualTo("PEERFINCLOSEWAIT");
        assertThat(longState.local().port()).isEqualTo(45691);
        assertThat(longState.mode()).isEqualTo(SocketMode.SMCR);

        assertThat(row(ev, 41859).intf()).isEqualTo(0x1a);
        assertThat(ev.sockets().byCode()).containsEntry(0x03010000, 1L).containsEntry(0x05000000, 1L);
    }

    @Test
    void parse_allListing_yieldsListenInitAndClosedRows() {
        Evidence ev = parse(SourceKind.SMCSS, "smcss/all-a.txt");

        assertThat(ev.warnings()).isEmpty();
        assertThat(ev.sockets().listening()).isEqualTo(2);
        assertThat(ev.sockets().total()).isEqualTo(3);
        SocketRow listen = row(ev, 39001);
        assertThat(listen.listening()).isTrue();
        assertThat(listen.local()).isEqualTo(new Endpoint("0.0.0.0", 5201, false));
        assertThat(listen.peer()).isEqualTo(Endpoint.NONE);
        assertThat(listen.mode()).isEqualTo(SocketMode.NONE);
        assertThat(listen.intf()).isEqualTo(-1);
        SocketRow init = row(ev, 39003);
        assertThat(init.state()).isEqualTo("INIT");
        assertThat(init.local()).isEqualTo(Endpoint.NONE);
        assertThat(init.family()).isEqualTo(IpFamily.UNKNOWN);
        SocketRow closed = row(ev, 39004);
        assertThat(closed.state()).isEqualTo("CLOSED");
        assertThat(closed.peer()).isEqualTo(new Endpoint("10.1.1.3", 5201, false));
        assertThat(closed.intf()).isZero();
        assertThat(closed.mode()).isEqualTo(SocketMode.NONE);
    }

    @Test
    void parse_listeningListing_yieldsOnlyListeners() {
        Evidence ev = parse(SourceKind.SMCSS, "smcss/listening-l.txt");

        assertThat(ev.warnings()).isEmpty();
        assertThat(ev.sockets().listening()).isEqualTo(2);
        assertThat(ev.sockets().total()).isZero();
        assertThat(row(ev, 39005).uid()).isEqualTo(1000);
        assertThat(row(ev, 39005).local().port()).isEqualTo(37373);
    }

    @Test
    void parse_debugListing_keepsBaseColumnsOfSmcAndFallbackRows() {
        Evidence ev = parse(SourceKind.SMCSS, "smcss/debug-d.txt");

        assertThat(ev.warnings()).isEmpty();
        assertThat(row(ev, 41853).mode()).isEqualTo(SocketMode.SMCR);
        assertThat(row(ev, 41853).role()).isEmpty();
        SocketRow closing = row(ev, 41860);
        assertThat(closing.state()).isEqualTo("APPCLOSEWAIT2");
        assertThat(closing.mode()).isEqualTo(SocketMode.SMCD);
        assertThat(closing.gid()).isEmpty();
        assertThat(row(ev, 41854).localCode()).isEqualTo(0x03010000);
        assertThat(row(ev, 39001).listening()).isTrue();
    }

    @Test
    void parse_smcrDetails_yieldsRoleDeviceAndGids() {
        Evidence ev = parse(SourceKind.SMCSS, "smcss/smcr-R.txt");

        assertThat(ev.warnings()).isEmpty();
        SocketRow client = row(ev, 41853);
        assertThat(client.role()).isEqualTo("CLNT");
        assertThat(client.ibDevice()).isEqualTo("mlx5_0");
        assertThat(client.gid()).isEqualTo("fe80:0000:0000:0000:0a00:27ff:fe4e:1b01");
        assertThat(client.peerGid()).isEqualTo("fe80:0000:0000:0000:0a00:27ff:fe4e:1b02");
        assertThat(client.family()).isEqualTo(IpFamily.IPV4);
        SocketRow server = row(ev, 41870);
        assertThat(server.role()).isEqualTo("SERV");
        assertThat(server.ibDevice()).isEqualTo("erdma_0");
        assertThat(server.peerGid()).isEqualTo("0000:0000:0000:0000:0000:ffff:0a01:0104");
    }

    @Test
    void parse_debugPlusSmcrDetails_skipsDebugColumnsAndReadsRole() {
        Evidence ev = parse(SourceKind.SMCSS, "smcss/debug-smcr-dR.txt");

        SocketRow r = row(ev, 41853);
        assertThat(r.role()).isEqualTo("CLNT");
        assertThat(r.ibDevice()).isEqualTo("mlx5_0");
        assertThat(r.gid()).endsWith("1b01");
        assertThat(r.peerGid()).endsWith("1b02");
    }

    @Test
    void parse_smcdDetails_yieldsGids() {
        Evidence ev = parse(SourceKind.SMCSS, "smcss/smcd-D.txt");

        assertThat(ev.warnings()).isEmpty();
        SocketRow r = row(ev, 41880);
        assertThat(r.mode()).isEqualTo(SocketMode.SMCD);
        assertThat(r.gid()).isEqualTo("a1b2c3d4e5f60708");
        assertThat(r.peerGid()).isEqualTo("a1b2c3d4e5f60709");
        assertThat(r.role()).isEmpty();
        assertThat(r.peer()).isEqualTo(new Endpoint("10.2.0.6", 1521, false));
    }

    @Test
    void parse_wideListing_yieldsFullIpv6AndMappedAddresses() {
        Evidence ev = parse(SourceKind.SMCSS, "smcss/wide-W.txt");

        assertThat(ev.warnings()).isEmpty();
        SocketRow v6 = row(ev, 41856);
        assertThat(v6.local()).isEqualTo(new Endpoint("2001:db8:1234:5678::abcd", 51234, false));
        assertThat(v6.peer()).isEqualTo(new Endpoint("2001:db8:1234:5678::1", 443, false));
        SocketRow mapped = row(ev, 41857);
        assertThat(mapped.local()).isEqualTo(new Endpoint("::ffff:10.1.1.2", 5201, false));
        assertThat(mapped.family()).isEqualTo(IpFamily.IPV4_MAPPED);
        assertThat(mapped.localCode()).isEqualTo(0x05000000);
        assertThat(mapped.peerCode()).isEqualTo(0x03030000);
        SocketRow anyV6 = row(ev, 41858);
        assertThat(anyV6.local()).isEqualTo(new Endpoint("::", 5201, false));
        assertThat(anyV6.listening()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "50001, PEERFINCLOSEWAIT, SMCR",
        "50002, APPFINCLOSEWAIT1, SMCD",
        "50003, PEERCLOSEWAIT1, SMCR",
        "50004, APPCLOSEWAIT2, SMCR",
        "50005, PEERABORTWAIT, SMCR",
        "50006, 0x1f?, SMCR",
        "50007, ACTIVE, TCP",
        "50008, ACTIVE, TCP",
        "50009, PROCESSABORT, TCP",
    })
    void parse_stateSpellings_normalisedToProgramSpelling(long inode, String state, SocketMode mode) {
        Evidence ev = parse(SourceKind.SMCSS, "smcss/states.txt");

        assertThat(ev.warnings()).isEmpty();
        SocketRow r = row(ev, inode);
        assertThat(r.state()).isEqualTo(state);
        assertThat(r.mode()).isEqualTo(mode);
        assertThat(r.peer()).isEqualTo(new Endpoint("10.1.1.3", 5201, false));
    }

    @Test
    void parse_tcpWithoutCodeAndZeroCode_yieldFallbackWithoutReason() {
        Evidence ev = parse(SourceKind.SMCSS, "smcss/states.txt");

        assertThat(row(ev, 50007).localCode()).isZero();
        assertThat(row(ev, 50008).localCode()).isZero();
        assertThat(row(ev, 50009).localCode()).isEqualTo(0x09990003);
        assertThat(row(ev, 50009).uid()).isEqualTo(123456);
        assertThat(ev.sockets().fallbacks()).isEqualTo(3);
    }

    @Test
    void parse_concatenatedListings_countsEachSocketOnceAndKeepsRowsWithoutHeader() {
        Evidence ev = parse(SourceKind.SMCSS, "smcss/concatenated.txt");

        assertThat(ev.warnings()).isEmpty();
        assertThat(ev.sockets().total()).isEqualTo(2);
        assertThat(ev.sockets().listening()).isEqualTo(1);
        assertThat(ev.sockets().fallbacks()).isEqualTo(1);
        assertThat(row(ev, 60001).provenance().line()).isEqualTo(1);
    }

    @Test
    void parse_mailWrappedRows_joinsContinuationLines() {
        Evidence ev = parse(SourceKind.SMCSS, "smcss/mail-wrapped.txt");

        assertThat(ev.warnings()).isEmpty();
        assertThat(ev.sockets().total()).isEqualTo(3);
        SocketRow wrapped = row(ev, 41854);
        assertThat(wrapped.peer()).isEqualTo(new Endpoint("192.168.100.22", 8080, false));
        assertThat(wrapped.localCode()).isEqualTo(0x05000000);
        assertThat(wrapped.peerCode()).isEqualTo(0x03030000);
        assertThat(wrapped.provenance().line()).isEqualTo(2);
        SocketRow wrappedR = row(ev, 41870);
        assertThat(wrappedR.role()).isEqualTo("CLNT");
        assertThat(wrappedR.ibDevice()).isEqualTo("mlx5_0");
        assertThat(wrappedR.peerGid()).endsWith("1b02");
        assertThat(row(ev, 41853).provenance().line()).isEqualTo(4);
    }

    @Test
    void parse_smcChkConnectFallback_yieldsFallbackRowWithBothCodes() {
        Evidence ev = parse(SourceKind.SMCSS, "smcss/smc_chk-connect-fallback.txt");

        assertThat(ev.warnings()).isEmpty();
        List<SocketRow> rows = rows(ev);
        assertThat(rows).hasSize(1);
        SocketRow r = rows.get(0);
        assertThat(r.mode()).isEqualTo(SocketMode.TCP);
        assertThat(r.localCode()).isEqualTo(0x05000000);
        assertThat(r.peerCode()).isEqualTo(0x03030000);
        assertThat(r.peer()).isEqualTo(new Endpoint("10.10.93.12", 37373, false));
        assertThat(r.family()).isEqualTo(IpFamily.IPV4);
        assertThat(r.inode()).isEqualTo(-1);
        assertThat(r.provenance().line()).isEqualTo(7);
        assertThat(r.provenance().text()).contains("Failed", "0x05000000", "0x03030000");
    }

    @Test
    void parse_smcChkLiveTests_yieldsSuccessAndFallbackRowsAndNoConnectionError() {
        Evidence ev = parse(SourceKind.SMCSS, "smcss/smc_chk-live.txt");

        assertThat(ev.warnings()).isEmpty();
        List<SocketRow> rows = rows(ev);
        assertThat(rows).extracting(SocketRow::mode)
                .containsExactly(SocketMode.SMCR, SocketMode.TCP, SocketMode.SMCD);
        assertThat(rows.get(1).localCode()).isEqualTo(0x03010000);
        assertThat(rows.get(1).peerCode()).isZero();
        assertThat(rows.get(2).peer()).isEqualTo(new Endpoint("10.2.0.6", 37374, false));
        List<ToolError> errors = ev.facts(ToolError.class);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).tool()).isEqualTo("smc_chk");
        assertThat(errors.get(0).message()).contains("no connection", "10.2.0.7:37375");
    }

    @Test
    void parse_smcDbgReport_keepsSmcssRowsAndWarnsOncePerOtherSection() {
        Evidence ev = parse(SourceKind.SMCSS, "smcss/smc_dbg-report.txt");

        assertThat(ev.sockets().total()).isEqualTo(4);
        assertThat(ev.sockets().listening()).isEqualTo(1);
        assertThat(row(ev, 41870).role()).isEqualTo("SERV");
        assertThat(row(ev, 41860).mode()).isEqualTo(SocketMode.SMCD);
        // version section (split by the smc_rnics error), pnet table, link-show, smcd -d linkgroup
        assertThat(ev.warnings()).hasSize(5);
        assertThat(ev.warnings()).extracting(ParseWarning::line).containsExactly(2, 6, 18, 21, 24);
        assertThat(ev.warnings().get(2).message()).contains("2 lines skipped", "NET1 ens1f0");
        ToolError rnics = ev.facts(ToolError.class).get(0);
        assertThat(rnics.tool()).isEqualTo("smc_rnics");
        assertThat(rnics.kind()).isEqualTo(ToolErrorKind.OTHER);
    }

    @Test
    void parse_garbageAndBrokenRows_warnsPerLineAndKeepsGoodRows() {
        Evidence ev = parse(SourceKind.SMCSS, "smcss/garbage.txt");

        assertThat(ev.sockets().total()).isEqualTo(3);
        assertThat(row(ev, 41853).mode()).isEqualTo(SocketMode.SMCR);
        assertThat(row(ev, 41858).localCode()).isEqualTo(0x03030000);
        SocketRow badCode = row(ev, 41857);
        assertThat(badCode.mode()).isEqualTo(SocketMode.TCP);
        assertThat(badCode.localCode()).isZero();
        assertThat(ev.warnings()).extracting(ParseWarning::line).containsExactly(3, 4, 5, 6, 7, 9, 10);
        assertThat(ev.warnings()).extracting(ParseWarning::source).containsOnly("garbage.txt");
        assertThat(ev.warnings().get(1).message()).contains("unknown mode", "SMCX");
        assertThat(ev.warnings().get(3).message()).contains("invalid local address");
        assertThat(ev.warnings().get(6).message()).contains("truncated", "ACTIVE");
    }

    @Test
    void parse_truncatedLastRowWithoutNewline_warnsAndKeepsEarlierRows() {
        String text = "State          UID   Inode   Local Address           Peer Address            Intf Mode \n"
                + "ACTIVE         00000 0041853 10.1.1.2:45678          10.1.1.3:5201           0000 SMCR \n"
                + "ACTIVE         00000 0041854 10.1.1.2:45679          10.1.1";
        Evidence ev = parseText(SourceKind.SMCSS, text);

        assertThat(ev.sockets().total()).isEqualTo(1);
        assertThat(ev.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(3);
            assertThat(w.message()).contains("truncated", "found 5");
        });
    }

    @Test
    void parse_crlfLines_yieldsSameRowsAsLf() {
        String lf = SmcFixtures.text("smcss/default-mixed.txt");
        Evidence ev = parseText(SourceKind.SMCSS, lf.replace("\n", "\r\n"));

        assertThat(ev.warnings()).isEmpty();
        assertThat(ev.sockets().total()).isEqualTo(6);
        assertThat(row(ev, 41854).peerCode()).isEqualTo(0x03030000);
        assertThat(row(ev, 41853).provenance().text()).doesNotContain("\r");
    }

    @Test
    void parse_emptyInput_yieldsNoSocketsAndNoWarnings() {
        Evidence ev = parseText(SourceKind.SMCSS, "");

        assertThat(ev.has(SourceKind.SMCSS)).isTrue();
        assertThat(ev.sockets().total()).isZero();
        assertThat(ev.warnings()).isEmpty();
    }

    @Test
    void parse_labSmcrOkServer_yieldsServerRowAndListener() {
        Evidence ev = parse(SourceKind.SMCSS, "smcss/lab-smcr-ok-server-R.txt");

        assertThat(ev.warnings()).isEmpty();
        SocketRow r = row(ev, 611);
        assertThat(r.role()).isEqualTo("SERV");
        assertThat(r.ibDevice()).isEqualTo("rxe0");
        assertThat(r.gid()).isEqualTo("0000:0000:0000:0000:0000:ffff:0a0a:0001");
        assertThat(r.local()).isEqualTo(new Endpoint("10.10.0.1", 5103, false));
        assertThat(row(ev, 609).listening()).isTrue();
    }

    @Test
    void parse_labClientDebug_yieldsSmcrRow() {
        Evidence ev = parse(SourceKind.SMCSS, "smcss/lab-smcr-ok-client-d.txt");

        assertThat(ev.warnings()).isEmpty();
        assertThat(row(ev, 652).mode()).isEqualTo(SocketMode.SMCR);
        assertThat(row(ev, 652).peer()).isEqualTo(new Endpoint("10.10.0.1", 5103, false));
    }

    @Test
    void parse_labPeerDeclineAndIpv6_yieldsCodes() {
        Evidence server = parse(SourceKind.SMCSS, "smcss/lab-no-ueid-server.txt");
        assertThat(row(server, 519).localCode()).isEqualTo(0x05000000);
        assertThat(row(server, 519).peerCode()).isEqualTo(0x03030000);

        Evidence v6 = parse(SourceKind.SMCSS, "smcss/lab-ipv6-client.txt");
        SocketRow r = row(v6, 760);
        assertThat(r.family()).isEqualTo(IpFamily.IPV6);
        assertThat(r.local()).isEqualTo(new Endpoint("fd00::2", 51144, false));
        assertThat(r.peer()).isEqualTo(new Endpoint("fd00::1", 5102, false));
        assertThat(r.localCode()).isEqualTo(0x03030000);
    }

    @Test
    void parse_labFastopenInit_yieldsInitRowWithoutMode() {
        Evidence ev = parse(SourceKind.SMCSS, "smcss/lab-fastopen-client.txt");

        SocketRow r = row(ev, 971);
        assertThat(r.state()).isEqualTo("INIT");
        assertThat(r.mode()).isEqualTo(SocketMode.NONE);
        assertThat(ev.warnings()).isEmpty();
    }

    @Test
    void parse_labModuleMissing_yieldsSocketListUnavailable() {
        Evidence ev = parse(SourceKind.SMCSS, "smcss/lab-module-missing-client.txt");

        assertThat(ev.sockets().total()).isZero();
        assertThat(ev.sockets().unavailable()).as("the list is unknown, not empty").isTrue();
        assertThat(ev.warnings()).isEmpty();
        ToolError e = ev.facts(ToolError.class).get(0);
        assertThat(e.kind()).isEqualTo(ToolErrorKind.SOCKET_LIST_UNAVAILABLE);
        assertThat(ev.facts(InputFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(SourceKind.SMCSS);
            assertThat(f.reason()).isEqualTo(ToolErrorKind.SOCKET_LIST_UNAVAILABLE);
            assertThat(f.provenance().line()).isEqualTo(e.provenance().line());
        });
        assertThat(e.tool()).isEqualTo("smcss");
        assertThat(e.message()).isEqualTo("Resource temporarily unavailable");
        assertThat(e.provenance().line()).isEqualTo(1);
    }

    @Test
    void parse_labManyConnections_countsFiftySmcrSockets() {
        Evidence ev = parse(SourceKind.SMCSS, "smcss/lab-many-conns-server-R.txt");

        assertThat(ev.warnings()).isEmpty();
        assertThat(ev.sockets().smc()).isEqualTo(50);
        assertThat(ev.sockets().listening()).isEqualTo(1);
        assertThat(ev.sockets().groups()).filteredOn(g -> !g.listening()).singleElement().satisfies(g -> {
            assertThat(g.mode()).isEqualTo(SocketMode.SMCR);
            assertThat(g.samples()).allSatisfy(r -> assertThat(r.role()).isEqualTo("SERV"));
        });
    }

    @Test
    void parse_commandNotFound_yieldsNotInstalledToolError() {
        Evidence ev = parseText(SourceKind.SMCSS, "bash: smcss: command not found\n");

        ToolError e = ev.facts(ToolError.class).get(0);
        assertThat(e.kind()).isEqualTo(ToolErrorKind.NOT_INSTALLED);
        assertThat(e.tool()).isEqualTo("smcss");
        assertThat(ev.warnings()).isEmpty();
    }
}
