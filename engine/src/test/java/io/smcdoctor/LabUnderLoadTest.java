package io.smcdoctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.smcdoctor.Diagnosis.SuggestedRemedy;
import io.smcdoctor.catalog.Severity;
import io.smcdoctor.catalog.Side;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.Provenance;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lab's many-conns scenario captured on a loaded host (upstream 6.12, soft-RoCE): of 50 parallel connections 44
 * used SMC-R, 2 timed out and 2 fell back with {@code 0x09990003} (client: {@code 0x05000000/0x09990003}) while the
 * kernel logged {@code dropped unexpected LLC msg} and removed and re-created the link: the rkey confirmation over
 * LLC failed, not the MR limit.
 */
class LabUnderLoadTest {
    private static final int PEERDECL = 0x05000000;
    private static final int ERR_REGBUF = 0x09990003;
    private static Diagnoser diagnoser;

    @BeforeAll
    static void setUp() {
        diagnoser = Diagnoser.builder().cacheSize(0).build();
    }

    private static DiagnosisReport diagnose(String side) throws IOException, URISyntaxException {
        Path dir = Path.of(LabUnderLoadTest.class.getResource("/lab-6.12-load/many-conns/" + side).toURI());
        return diagnoser.diagnose(EvidenceBundle.read(List.of(dir)));
    }

    @Test
    void server_regbufFallbacksWithLlcTrouble_topIsTheFailedRkeyExchange() throws Exception {
        DiagnosisReport report = diagnose("server");

        assertThat(report.stats().smcSockets()).isEqualTo(44);
        assertThat(report.stats().fallbacks()).containsEntry(ERR_REGBUF, 2L);
        Diagnosis top = report.top().orElseThrow();
        assertThat(top.id()).isEqualTo("err-regbuf-llc-rkey-exchange");
        assertThat(top.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(top.reasonCodes()).containsExactly(ERR_REGBUF);
        assertThat(top.evidence()).extracting(Provenance::text)
                .anyMatch(t -> t.contains("TCP 0x09990003"))
                .anyMatch(t -> t.contains("dropped unexpected LLC msg"));
        assertThat(top.remedies()).flatExtracting(SuggestedRemedy::commands).contains("smcr -d linkgroup");

        // every file of the genuine capture is understood ("[unknown] 3" in the fallback table is smc-tools' own
        // word for reasons it has no name for, kept as a counter with code 0)
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void client_peerDeclinedWithRegbuf_topIsTheFailedRkeyExchangeNotTheGenericDecline() throws Exception {
        DiagnosisReport report = diagnose("client");

        // the lab's own smctest.txt is not an evidence file: named in a warning, nothing else is
        assertThat(report.warnings()).extracting(ParseWarning::source).containsOnly("smctest.txt");
        Diagnosis top = report.top().orElseThrow();
        assertThat(top.id()).isEqualTo("err-regbuf-llc-rkey-exchange");
        assertThat(top.reasonCodes()).containsExactly(PEERDECL, ERR_REGBUF);
        assertThat(top.side()).isEqualTo(Side.EITHER);
        assertThat(top.evidence()).extracting(Provenance::source, Provenance::line)
                .contains(tuple("smcss-d.txt", 46));
        assertThat(top.evidence()).extracting(Provenance::text).anyMatch(t -> t.contains("link removed"));
        // the generic "peer declined" ranks below, and names the peer's reason with a runnable command
        Diagnosis declined = report.diagnosis("peerdecl-peer-declined").orElseThrow();
        assertThat(declined.rank()).isGreaterThan(1);
        assertThat(declined.explanation()).contains("The peer's reason: 0x09990003 — Registering the memory region");
        assertThat(declined.remedies()).flatExtracting(SuggestedRemedy::commands)
                .contains("smc-doctor explain 0x09990003").noneMatch(c -> c.contains("<peer code>"));
    }
}
