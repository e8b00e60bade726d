package io.smcdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.EvidenceBundle;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "smc-module-not-loaded: smc_init failed": the kernel log lines of {@code net/smc/af_smc.c smc_init()}, in the format
 * its {@code pr_err()} calls print them ({@code smc: smc_init: <step> fails with <rc>}), with the surrounding lines a
 * module load prints ({@code net/socket.c sock_register()/sock_unregister()}), diagnosed with the shipped rules and
 * catalog from an in-memory bundle.
 */
class SmcInitFailedRuleTest {
    private static final String RULE = "smc-module-not-loaded: smc_init failed";

    private static Diagnoser diagnoser;

    @BeforeAll
    static void load() {
        diagnoser = Diagnoser.builder().cacheSize(0).build();
    }

    private static DiagnosisReport diagnose(String dmesg) {
        return diagnoser.diagnose(EvidenceBundle.read(Map.of("dmesg.txt", dmesg)));
    }

    /** ib_register fails after sock_register worked: the family is registered, then unregistered on the error path. */
    @Test
    void initStepFails_moduleNotLoaded_citingTheLine() {
        DiagnosisReport r = diagnose("""
                [    0.000000] Linux version 6.12.48+deb13-amd64 (debian-kernel@lists.debian.org)
                [  112.402117] NET: Registered PF_SMC protocol family
                [  112.402190] smc: smc_init: ib_register fails with -12
                [  112.402201] NET: Unregistered PF_SMC protocol family
                """);

        Diagnosis d = r.diagnosis("smc-module-not-loaded").orElseThrow(() -> new AssertionError(
                "smc-module-not-loaded not among " + r.diagnoses().stream().map(Diagnosis::id).toList()));
        assertThat(d.rules()).contains(RULE);
        assertThat(d.evidence()).anySatisfy(e -> assertThat(e.text()).contains("ib_register fails with -12"));
    }

    /** sock_register itself fails (EEXIST: another PF_SMC family is registered): no Registered line at all. */
    @Test
    void sockRegisterFails_moduleNotLoaded() {
        DiagnosisReport r = diagnose("""
                [   45.118020] smc: smc_init: sock_register fails with -17
                """);

        assertThat(r.diagnosis("smc-module-not-loaded")).hasValueSatisfying(d -> assertThat(d.rules()).contains(RULE));
    }

    /** A later load registered the family: the earlier failure says nothing about the host now. */
    @Test
    void laterLoadWorked_noFinding() {
        DiagnosisReport r = diagnose("""
                [  112.402190] smc: smc_init: smc_llc_init fails with -12
                [  300.118020] NET: Registered PF_SMC protocol family
                [  300.118044] smc: adding ib device mlx5_0 with port count 1
                """);

        assertThat(r.diagnoses()).noneSatisfy(d -> assertThat(d.rules()).contains(RULE));
    }
}
