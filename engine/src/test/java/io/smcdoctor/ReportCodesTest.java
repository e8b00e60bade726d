package io.smcdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.Diagnosis.SuggestedRemedy;
import io.smcdoctor.evidence.Evidence;
import org.junit.jupiter.api.Test;

/** Which reason codes a diagnosis reports, how the text writes them, and the commands they fill in. */
class ReportCodesTest {
    private static final Diagnoser DIAGNOSER = Diagnoser.builder().cacheSize(0).build();
    private static final String DECLINED = """
            State          UID   Inode   Local Address           Peer Address            Intf Mode
            ACTIVE         00000 0123457 192.168.10.5:43210      192.168.10.9:6379       0000 TCP 0x05000000/0x03030008
            ACTIVE         00000 0123458 192.168.10.5:43212      192.168.10.9:6379       0000 TCP 0x05000000/0x03030008
            ACTIVE         00000 0123459 192.168.10.5:43214      192.168.10.7:6379       0000 SMCR
            """;

    @Test
    void symptomWithDeclinedSockets_reportsTheObservedPair_notTheSymptomsRelatedCodes() {
        DiagnosisReport r = DIAGNOSER.diagnose(Evidence.builder().smcssOutput(DECLINED)
                .symptom("redis over SMC-R is not faster").build());

        Diagnosis top = r.top().orElseThrow();
        assertThat(top.id()).isEqualTo("no-speedup-fallback");
        assertThat(top.reasonCodes()).containsExactly(0x05000000, 0x03030008);
        assertThat(top.explanation()).contains("The peer's reason: 0x03030008 — ")
                .doesNotContain("0x03010000").doesNotContain("0x01010000");
        assertThat(top.remedies()).flatExtracting(SuggestedRemedy::commands)
                .contains("smc-doctor explain 0x05000000/0x03030008").noneMatch(c -> c.contains("<code>"));
        assertThat(r.toText()).contains("[no-speedup-fallback, confidence").contains(", 0x05000000/0x03030008]");
    }

    @Test
    void symptomAlone_keepsItsRelatedCodes_andNamesNoPeerReason() {
        DiagnosisReport r = DIAGNOSER.diagnose(Evidence.builder().symptom("SMC gives no speed-up").build());

        Diagnosis fallback = r.diagnosis("no-speedup-fallback").orElseThrow();
        assertThat(fallback.reasonCodes()).contains(0x03010000, 0x05000000);
        assertThat(fallback.explanation()).doesNotContain("peer's reason");
        // a list, not the smcss pair notation: nothing was declined; and no code to fill in the command
        assertThat(r.toText()).containsPattern(
                "\\[no-speedup-fallback, confidence [0-9.]+, problem, side unknown, 0x03010000, 0x05000000, ");
        assertThat(fallback.remedies()).flatExtracting(SuggestedRemedy::commands).contains("smc-doctor explain <code>");
    }
}
