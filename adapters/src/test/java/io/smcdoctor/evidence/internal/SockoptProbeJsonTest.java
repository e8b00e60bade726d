package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.Fact;
import io.smcdoctor.evidence.facts.ProbeOutcome;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.facts.SocketProbeOutcome;
import io.smcdoctor.evidence.facts.SockoptProbeResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SockoptProbeJsonTest {
    private static final Provenance LIVE = Provenance.of("sockopt-probe.json");

    private static final SocketProbeOutcome EAFNO = new SocketProbeOutcome(LIVE, "SMCPROTO_SMC", false, 97,
            "EAFNOSUPPORT", "SMC not available in this kernel (EAFNOSUPPORT)");
    private static final SocketProbeOutcome OPENED = new SocketProbeOutcome(LIVE, "SMCPROTO_SMC6", true, 0, "",
            "AF_SMC socket opened (SO_DOMAIN=43, SO_PROTOCOL=1: an SMC socket)");
    private static final SockoptProbeResult ULP = new SockoptProbeResult(LIVE, "SOL_TCP", "TCP_ULP", 0,
            "before-connect", ProbeOutcome.ERROR, 95, 0, "setsockopt failed: EOPNOTSUPP; plain TCP: ENOENT", 2);
    private static final SockoptProbeResult FASTOPEN = new SockoptProbeResult(LIVE, "SOL_TCP", "TCP_FASTOPEN_CONNECT", 1,
            "before-connect", ProbeOutcome.FALLBACK, 0, 0x03060000, "read back 1");

    private static byte[] write() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SockoptProbeJson.write(new SockoptProbeJson.Document("web-1", "2026-11-26T16:10:08Z", "linux", "6.12.117",
                "", List.of(EAFNO, OPENED), List.of(ULP, FASTOPEN)), out);
        return out.toByteArray();
    }

    @Test
    void writeThenRead_roundTripsEveryFieldAndCitesLines() throws IOException {
        List<ParseWarning> warnings = new ArrayList<>();

        List<Fact> facts = SockoptProbeJson.read(new ByteArrayInputStream(write()), "sockopt-probe.json", warnings::add);

        assertThat(warnings).isEmpty();
        assertThat(facts).hasSize(4);
        assertThat(facts.get(0)).usingRecursiveComparison().ignoringFields("provenance").isEqualTo(EAFNO);
        assertThat(facts.get(1)).usingRecursiveComparison().ignoringFields("provenance").isEqualTo(OPENED);
        assertThat(facts.get(2)).usingRecursiveComparison().ignoringFields("provenance").isEqualTo(ULP);
        assertThat(facts.get(3)).usingRecursiveComparison().ignoringFields("provenance").isEqualTo(FASTOPEN);
        assertThat(facts).extracting(f -> f.provenance().line()).isSortedAccordingTo(Integer::compare)
                .allSatisfy(l -> assertThat(l).isGreaterThan(1));
        assertThat(facts.get(0).provenance().text())
                .isEqualTo("socket(AF_SMC, SMCPROTO_SMC): SMC not available in this kernel (EAFNOSUPPORT)");
        assertThat(facts.get(2).provenance().text())
                .isEqualTo("SOL_TCP TCP_ULP=0 before-connect: error EOPNOTSUPP; plain TCP: ENOENT");
        assertThat(((SockoptProbeResult) facts.get(3)).tcpMeasured()).isFalse();
    }

    @Test
    void read_probeFileWithoutTcpControl_hasNoControl() throws IOException {
        String json = "{\"schema\":\"smc-doctor/sockopt-probe/v1\",\"options\":[{\"level\":\"SOL_SOCKET\","
                + "\"name\":\"SO_LINGER\",\"value\":1,\"phase\":\"before-connect\",\"outcome\":\"error\",\"errno\":22}]}";
        List<Fact> facts = SockoptProbeJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "sockopt-probe.json", w -> { });
        SockoptProbeResult r = (SockoptProbeResult) facts.get(0);
        assertThat(r.tcpMeasured()).isFalse();
        assertThat(r.differsFromTcp()).isFalse();
    }

    @Test
    void write_printsReasonCodesAsTenCharacterHexAndErrnoNames() throws IOException {
        String json = new String(write(), StandardCharsets.UTF_8);

        assertThat(json).contains("\"schema\" : \"smc-doctor/sockopt-probe/v1\"", "\"fallbackCode\" : \"0x03060000\"",
                "\"fallbackCode\" : \"0x00000000\"", "\"errnoName\" : \"EOPNOTSUPP\"");
    }

    @Test
    void read_numericFallbackCodeAndMissingFields_areAccepted() throws IOException {
        String json = "{\"schema\":\"smc-doctor/sockopt-probe/v1\",\"options\":[{\"level\":\"SOL_TCP\","
                + "\"name\":\"TCP_FASTOPEN\",\"fallbackCode\":50724864}]}";

        List<Fact> facts = SockoptProbeJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "p.json", w -> { });

        assertThat(facts).singleElement().isInstanceOfSatisfying(SockoptProbeResult.class, r -> {
            assertThat(r.fallbackCode()).isEqualTo(0x03060000);
            assertThat(r.outcome()).isEqualTo(ProbeOutcome.UNKNOWN);
            assertThat(r.provenance().line()).isEqualTo(1);
        });
    }

    @Test
    void read_garbage_isAWarning() throws IOException {
        List<ParseWarning> warnings = new ArrayList<>();

        List<Fact> facts = SockoptProbeJson.read(new ByteArrayInputStream(new byte[] {'{', 0, 1, 2, (byte) 0xff}),
                "p.json", warnings::add);

        assertThat(facts).isEmpty();
        assertThat(warnings).extracting(ParseWarning::message)
                .anySatisfy(m -> assertThat(m).startsWith("not valid JSON ("))
                .anySatisfy(m -> assertThat(m).startsWith("schema is missing"));
    }
}
