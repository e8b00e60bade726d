package io.smcdoctor.evidence.internal;

import static io.smcdoctor.evidence.internal.SmcFixtures.parse;
import static io.smcdoctor.evidence.internal.SmcFixtures.parseText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.FallbackCounter;
import io.smcdoctor.evidence.facts.SmcStats;
import io.smcdoctor.evidence.facts.SmcTechnology;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.ToolError;
import io.smcdoctor.evidence.facts.ToolErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatsParserTest {

    @Test
    void parse_detailedStats_yieldsSummaryWithClientServerSplit() {
        Evidence ev = parse(SourceKind.SMCR_STATS, "smcr/stats-d.txt");

        assertThat(ev.warnings()).isEmpty();
        SmcStats s = ev.facts(SmcStats.class).get(0);
        assertThat(s.technology()).isEqualTo(SmcTechnology.SMCR);
        assertThat(s.totalConnections()).isEqualTo(1530);
        assertThat(s.smcConnections()).isEqualTo(1200);
        assertThat(s.smcClient()).isEqualTo(700);
        assertThat(s.smcServer()).isEqualTo(500);
        assertThat(s.v1()).isZero();
        assertThat(s.v2()).isEqualTo(1200);
        assertThat(s.handshakeErrors()).isEqualTo(2);
        assertThat(s.handshakeErrorsClient()).isEqualTo(2);
        assertThat(s.handshakeErrorsServer()).isZero();
        assertThat(s.avgRequestsPerConnection()).isEqualTo(512.3);
        assertThat(s.tcpFallbacks()).isEqualTo(328);
        assertThat(s.fallbacksClient()).isEqualTo(40);
        assertThat(s.fallbacksServer()).isEqualTo(288);
        assertThat(s.rxBytes()).isEqualTo(5368709120L);
        assertThat(s.rxRequests()).isEqualTo(307380);
        assertThat(s.rxBufferFull()).isEqualTo(12);
        assertThat(s.txBytes()).isEqualTo(98765432);
        assertThat(s.txRequests()).isEqualTo(307000);
        assertThat(s.txBufferFull()).isEqualTo(7);
        assertThat(s.txBufferFullRemote()).isEqualTo(3);
        assertThat(s.txBufferTooSmall()).isEqualTo(1);
        assertThat(s.txBufferTooSmallRemote()).isEqualTo(4);
        assertThat(s.provenance().line()).isEqualTo(1);
    }

    @Test
    void parse_fallbackTable_mapsNamesToCodes() {
        Evidence ev = parse(SourceKind.SMCR_STATS, "smcr/stats-d.txt");

        assertThat(ev.facts(FallbackCounter.class))
                .extracting(FallbackCounter::role, FallbackCounter::name, FallbackCounter::code, FallbackCounter::count)
                .containsExactly(
                        tuple("Server", "PEER_NO_SMC", 0x03010000, 280L),
                        tuple("Server", "NOSMCRDEV", 0x03030002, 6L),
                        tuple("Server", "[unknown]", 0, 2L),
                        tuple("Client", "PEERDECL", 0x05000000, 31L),
                        tuple("Client", "PEER_NO_SMC", 0x03010000, 9L));
        assertThat(ev.facts(FallbackCounter.class).get(0).provenance().line()).isEqualTo(10);
        assertThat(ev.facts(FallbackCounter.class)).extracting(FallbackCounter::technology).containsOnly(SmcTechnology.SMCR);
    }

    @ParameterizedTest
    @CsvSource({
        "PEER_NO_SMC, 0x03010000", "MEMORY, 0x01010000", "TIMEOUT_CL, 0x02010000", "TIMEOUT_AL, 0x02020000",
        "CNF_ERR, 0x03000000", "IPSEC, 0x03020000", "NOSMCDEV, 0x03030000", "NOSMCDDEV, 0x03030001",
        "NOSMCRDEV, 0x03030002", "NOISM2SUPP, 0x03030003", "NOV2EXT, 0x03030004", "NOV2DEXT, 0x03030005",
        "NOSEID, 0x03030006", "NOSMCD2DEV, 0x03030007", "MODEUNSUPP, 0x03040000", "RMBE_EC, 0x03050000",
        "OPTUNSUPP, 0x03060000", "DIFFPREFIX, 0x03070000", "GETVLANERR, 0x03080000", "ISMVLANERR, 0x03090000",
        "NOACTLINK, 0x030a0000", "NOSRVLINK, 0x030b0000", "VERSMISMAT, 0x030c0000", "MAX_DMB, 0x030d0000",
        "SYNCERR, 0x04000000", "PEERDECL, 0x05000000", "[unknown], 0x00000000",
    })
    void parse_fallbackName_yieldsReasonCode(String name, String hex) {
        String text = "SMC-R Connections Summary\n"
                + String.format("  TCP fallback               %12d (client %d, server %d)%n", 7, 7, 0)
                + "    Client\n"
                + String.format("     %-12s            %12d%n", name, 7);
        Evidence ev = parseText(SourceKind.SMCR_STATS, text);

        assertThat(ev.warnings()).isEmpty();
        FallbackCounter c = ev.facts(FallbackCounter.class).get(0);
        assertThat(c.code()).isEqualTo(Integer.parseUnsignedInt(hex.substring(2), 16));
        assertThat(c.count()).isEqualTo(7);
        assertThat(c.role()).isEqualTo("Client");
    }

    @Test
    void parse_plainStats_leavesDetailFieldsAbsent() {
        Evidence ev = parse(SourceKind.SMCR_STATS, "smcr/stats.txt");

        assertThat(ev.warnings()).isEmpty();
        SmcStats s = ev.facts(SmcStats.class).get(0);
        assertThat(s.smcConnections()).isEqualTo(1200);
        assertThat(s.smcClient()).isEqualTo(-1);
        assertThat(s.v2()).isEqualTo(-1);
        assertThat(s.tcpFallbacks()).isEqualTo(328);
        assertThat(s.fallbacksServer()).isEqualTo(-1);
        assertThat(ev.facts(FallbackCounter.class)).isEmpty();
    }

    @Test
    void parse_smcdStats_yieldsSmcdTechnology() {
        Evidence ev = parse(SourceKind.SMCD_STATS, "smcd/stats-d.txt");

        assertThat(ev.facts(SmcStats.class).get(0).technology()).isEqualTo(SmcTechnology.SMCD);
        assertThat(ev.facts(FallbackCounter.class)).hasSize(5).extracting(FallbackCounter::technology)
                .containsOnly(SmcTechnology.SMCD);
    }

    @Test
    void parse_labStats_yieldsCountersIncludingZeroDeltas() {
        Evidence server = parse(SourceKind.SMCR_STATS, "smcr/lab-stats-d-no-ueid-server.txt");
        assertThat(server.warnings()).isEmpty();
        SmcStats s = server.facts(SmcStats.class).get(0);
        assertThat(s.tcpFallbacks()).isEqualTo(1);
        assertThat(s.fallbacksServer()).isEqualTo(1);
        assertThat(server.facts(FallbackCounter.class))
                .extracting(FallbackCounter::name, FallbackCounter::code, FallbackCounter::count)
                .containsExactly(tuple("PEERDECL", 0x05000000, 1L), tuple("PEER_NO_SMC", 0x03010000, 0L));

        Evidence client = parse(SourceKind.SMCR_STATS, "smcr/lab-stats-d-smcr-ok-client.txt");
        assertThat(client.warnings()).isEmpty();
        assertThat(client.facts(SmcStats.class).get(0).smcClient()).isEqualTo(1);
        assertThat(client.facts(SmcStats.class).get(0).avgRequestsPerConnection()).isEqualTo(2.0);
    }

    @Test
    void parse_moduleMissing_yieldsToolErrorAndNoStats() {
        Evidence ev = parseText(SourceKind.SMCR_STATS, "Error: SMC module not loaded\n");

        assertThat(ev.facts(SmcStats.class)).isEmpty();
        assertThat(ev.facts(ToolError.class)).singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(ToolErrorKind.SMC_MODULE_NOT_LOADED));
    }

    @Test
    void parse_unknownLinesAndNames_warnAndKeepTheRest() {
        String text = "garbage before\nSMC-R Connections Summary\n  Total connections handled 5\n"
                + "  Frobnication level 3\n  TCP fallback 5 (client 5, server 0)\n    Client\n"
                + "     NEWREASON                 5\n";
        Evidence ev = parseText(SourceKind.SMCR_STATS, text);

        assertThat(ev.facts(SmcStats.class).get(0).totalConnections()).isEqualTo(5);
        assertThat(ev.facts(SmcStats.class).get(0).fallbacksClient()).isEqualTo(5);
        assertThat(ev.facts(FallbackCounter.class)).singleElement()
                .satisfies(c -> assertThat(c.code()).isZero());
        assertThat(ev.warnings()).extracting(w -> w.line()).containsExactly(1, 4, 7);
    }

    /**
     * Lab capture asym-route (client): smc-tools 1.8.5 has no name for 0x030f0000 and prints {@code [unknown]}; the
     * fallback is still counted and kept, with code 0.
     */
    @Test
    void parse_unknownFallbackName_isKeptAsAnUnnamedCounter_labAsymRoute() {
        Evidence ev = HostFixtures.parse(SourceKind.SMCR_STATS, "lab/asym-route-client-smcr-stats.txt");

        assertThat(ev.warnings()).isEmpty();
        FallbackCounter c = ev.facts(FallbackCounter.class).get(0);
        assertThat(c.name()).isEqualTo("[unknown]");
        assertThat(c.unnamed()).isTrue();
        assertThat(c.role()).isEqualTo("Client");
        assertThat(c.count()).isEqualTo(1);
        assertThat(FallbackCounter.unnamedByRole(ev.facts(FallbackCounter.class))).containsEntry("Client", 1L);
        assertThat(FallbackCounter.totalsByCode(ev.facts(FallbackCounter.class))).isEmpty();
        SmcStats s = ev.facts(SmcStats.class).get(0);
        assertThat(s.fallbacksClient()).isEqualTo(1);
        assertThat(s.rxBufferDowngrades()).isZero();
        assertThat(s.txBufferDowngrades()).isZero();
        assertThat(s.txBufferReuses()).isZero();
        assertThat(s.specialSocketCalls()).isZero();
    }

    @Test
    void parse_detailedBufferLines_areRead() {
        Evidence ev = parseText(SourceKind.SMCR_STATS, "SMC-R Connections Summary\n"
                + "  Total connections handled          1530\n"
                + "  Handshake errors                      2 (client 2, server 0)\n\n"
                + "RX Stats\n  Data transmitted (Bytes)     5368709120 (5.369G)\n  Total requests                   307380\n"
                + "  Buffer usage (Bytes)            1048576 (1.049M)\n  Buffer full                          12 (0.00%)\n"
                + "  Buffer downgrades                     3\n  Buffer reuses                      1180\n\n"
                + "TX Stats\n  Buffer full (remote)                  7 (0.00%)\n  Buffer too small (remote)             9 (0.00%)\n"
                + "  Buffer downgrades                     4\n  Buffer reuses                        11\n\n"
                + "Extras\n  Special socket calls                 21\n");

        assertThat(ev.warnings()).isEmpty();
        SmcStats s = ev.facts(SmcStats.class).get(0);
        assertThat(s.handshakeErrorsClient()).isEqualTo(2);
        assertThat(s.rxBufferUsageBytes()).isEqualTo(1048576);
        assertThat(s.rxBufferDowngrades()).isEqualTo(3);
        assertThat(s.rxBufferReuses()).isEqualTo(1180);
        assertThat(s.txBufferFullRemote()).isEqualTo(7);
        assertThat(s.txBufferTooSmallRemote()).isEqualTo(9);
        assertThat(s.txBufferDowngrades()).isEqualTo(4);
        assertThat(s.txBufferReuses()).isEqualTo(11);
        assertThat(s.specialSocketCalls()).isEqualTo(21);
        assertThat(s.txBufferUsageBytes()).as("not printed").isEqualTo(-1);
    }
}
