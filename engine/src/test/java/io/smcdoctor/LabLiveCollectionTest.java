package io.smcdoctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.smcdoctor.catalog.Severity;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.facts.Provenance;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle written by {@code smc-doctor collect} inside the SMC lab's client guest (upstream 6.12, soft-RoCE) while
 * an SMC-R connection was alive. The kernel's fallback counters hold one client NOSMCDEV from before our commands
 * ran, and {@code smcr stats} and {@code smcd stats} both print it (one table per netns).
 */
class LabLiveCollectionTest {
    private static final int NOSMCDEV = 0x03030000;
    private static Diagnoser diagnoser;
    private static Path live;

    @BeforeAll
    static void setUp() throws URISyntaxException {
        diagnoser = Diagnoser.builder().cacheSize(0).build();
        live = Path.of(LabLiveCollectionTest.class.getResource("/lab-6.12-live/live-bundle").toURI());
    }

    @Test
    void liveBundle_smcWorks_theStrayCounterIsInformationNotAProblem() throws IOException {
        Evidence ev = EvidenceBundle.read(List.of(live));
        DiagnosisReport report = diagnoser.diagnose(ev);

        assertThat(report.warnings()).isEmpty();
        assertThat(report.stats().smcSockets()).isEqualTo(1);
        assertThat(report.top()).get().extracting(Diagnosis::id).isEqualTo("smc-working");
        assertThat(report.diagnoses()).allSatisfy(d -> assertThat(d.severity()).as(d.id()).isEqualTo(Severity.INFO));

        // three independent files agree that SMC-R works: the socket list, the link group, the stats
        assertThat(report.top().orElseThrow().evidence()).extracting(Provenance::source)
                .contains("smcr-linkgroup.txt", "smcr-stats.txt").anyMatch(src -> src.startsWith("smcss"));

        Diagnosis past = report.diagnosis("past-fallbacks-only").orElseThrow();
        assertThat(past.rank()).isEqualTo(2);
        assertThat(past.reasonCodes()).containsExactly(NOSMCDEV);
        assertThat(past.evidence()).extracting(Provenance::source, Provenance::line)
                .contains(tuple("smcr-stats.txt", 10),
                        tuple("smcd-stats.txt", 10));
    }

    @Test
    void liveBundle_smcrAndSmcdStatsShowTheSameCounter_countedOnce() throws IOException {
        DiagnosisReport report = diagnoser.diagnose(EvidenceBundle.read(List.of(live)));

        assertThat(report.stats().fallbacks()).isEqualTo(Map.of(NOSMCDEV, 1L));
        assertThat(report.toText()).contains("0x03030000 x1").doesNotContain("0x03030000 x2");
    }

    @Test
    void countersOnly_noSocketList_causesTheEvidenceContradictsAreLeftOut(@TempDir Path tmp) throws IOException {
        // the same host without its socket list: only the counters say NOSMCDEV, so every cause is a candidate
        // except those the other files contradict (a device is listed, netns shared, a UEID is set)
        try (Stream<Path> files = Files.list(live)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().startsWith("smcss")) {
                    Files.copy(f, tmp.resolve(f.getFileName()));
                }
            }
        }
        DiagnosisReport report = diagnoser.diagnose(EvidenceBundle.read(List.of(tmp)));

        assertThat(report.diagnoses()).extracting(Diagnosis::id)
                .contains("nosmcdev-nic-without-erdma", "nosmcdev-ipv6")
                .doesNotContain("nosmcdev-no-rdma-device", "nosmcdev-rdma-netns-exclusive", "nosmcdev-no-ueid",
                        "smc-working", "past-fallbacks-only");
        assertThat(report.top()).get().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.PROBLEM);
            assertThat(d.reasonCodes()).contains(NOSMCDEV);
        });
    }
}
