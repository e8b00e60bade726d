package io.smcdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.EvidenceBundle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diagnose} judges a socket-option probe result by the host's kernel when the probe has no plain-TCP control
 * (probe files from before the control was added): SO_REUSEPORT failing with EOPNOTSUPP on an AF_SMC socket is SMC
 * evidence on a kernel with "net: restrict SO_REUSEPORT to inet sockets" (5b0af621c3f6; stable 6.12.9, 6.6.70,
 * 6.1.124, 5.15.176), and nothing is concluded on a kernel where the catalog does not decide it. The probe line is
 * the SMC lab's measurement on 6.12.117 (EOPNOTSUPP before connect); the uname lines are as uname -a prints them.
 */
class SockoptHostKernelTest {
    private static Diagnoser diagnoser;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        diagnoser = Diagnoser.create();
    }

    private static final String PROBE = "{\n"
            + "  \"schema\" : \"smc-doctor/sockopt-probe/v1\",\n"
            + "  \"host\" : \"(none)\",\n"
            + "  \"platform\" : \"linux\",\n"
            + "  \"target\" : \"\",\n"
            + "  \"sockets\" : [ {\"protocol\" : \"SMCPROTO_SMC\", \"opened\" : true, \"errno\" : 0, \"errnoName\" : \"\","
            + " \"message\" : \"AF_SMC socket opened\"} ],\n"
            + "  \"options\" : [\n"
            + "    {\"level\" : \"SOL_SOCKET\", \"name\" : \"SO_REUSEPORT\", \"value\" : 15, \"phase\" : \"before-connect\","
            + " \"outcome\" : \"error\", \"errno\" : 95, \"errnoName\" : \"EOPNOTSUPP\", \"fallbackCode\" : \"0x00000000\","
            + " \"detail\" : \"setsockopt failed\"},\n"
            + "    {\"level\" : \"SOL_SOCKET\", \"name\" : \"SO_TYPE\", \"value\" : 3, \"phase\" : \"before-connect\","
            + " \"outcome\" : \"error\", \"errno\" : 92, \"errnoName\" : \"ENOPROTOOPT\", \"fallbackCode\" : \"0x00000000\","
            + " \"detail\" : \"setsockopt failed\"}\n"
            + "  ]\n"
            + "}\n";

    private DiagnosisReport diagnose(String uname) throws IOException {
        Path b = Files.createDirectories(dir.resolve("b" + Math.abs(uname.hashCode())));
        Files.writeString(b.resolve("sockopt-probe.json"), PROBE, StandardCharsets.UTF_8);
        if (!uname.isEmpty()) {
            Files.writeString(b.resolve("uname.txt"), uname + "\n", StandardCharsets.UTF_8);
        }
        return diagnoser.diagnose(EvidenceBundle.read(List.of(b)));
    }

    private static boolean concludes(DiagnosisReport r) {
        return r.diagnoses().stream().anyMatch(d -> d.id().equals("sockopt-not-supported-by-smc"));
    }

    @Test
    void kernelWithTheChange_theProbeErrorIsSmcEvidence() throws IOException {
        DiagnosisReport r = diagnose("Linux (none) 6.12.117+deb12-amd64 #1 SMP PREEMPT_DYNAMIC Debian "
                + "6.12.117-1~deb12u1 (2026-11-14) x86_64 GNU/Linux");
        Diagnosis d = r.diagnoses().stream().filter(x -> x.id().equals("sockopt-not-supported-by-smc")).findFirst()
                .orElseThrow();
        assertThat(d.evidence()).extracting(p -> p.text()).anySatisfy(t -> assertThat(t).contains("SO_REUSEPORT")
                .contains("EOPNOTSUPP"));
        // SO_TYPE is get-only: ENOPROTOOPT on any socket, never cited
        assertThat(d.evidence()).extracting(p -> p.text()).noneMatch(t -> t.contains("SO_TYPE"));
    }

    @Test
    void kernelBeforeTheBackport_orNoUname_concludesNothingFromTheError() throws IOException {
        assertThat(concludes(diagnose("Linux web-1 6.12.8 #1 SMP PREEMPT_DYNAMIC x86_64 GNU/Linux"))).isFalse();
        assertThat(concludes(diagnose(""))).isFalse();
    }

    @Test
    void debianAbiRelease_usesTheStableVersionUnameNames() throws IOException {
        assertThat(concludes(diagnose("Linux web-1 6.1.0-30-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.124-1 "
                + "(2025-01-12) x86_64 GNU/Linux"))).isTrue();
        assertThat(concludes(diagnose("Linux web-1 6.1.0-18-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 "
                + "(2024-02-01) x86_64 GNU/Linux"))).isFalse();
    }
}
