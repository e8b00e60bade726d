package io.smcdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.EvidenceBundle;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * End to end with the bundled catalog: genuine bundles captured on an upstream 6.12 kernel (smc-lab), read by
 * {@link EvidenceBundle}, diagnosed by {@link Diagnoser#create()}.
 */
class LabBundleTest {
    static Diagnoser diagnoser;

    @BeforeAll
    static void build() {
        diagnoser = Diagnoser.create();
    }

    private static Path bundle(String scenario) throws URISyntaxException {
        return Path.of(LabBundleTest.class.getResource("/lab-6.12/" + scenario).toURI());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "no-ueid/client, nosmcdev-no-ueid, 0x03030000",
        // the server only sees the client's decline: the client's cause is not decidable from its files
        "no-ueid/server, peerdecl-peer-declined, 0x05000000",
        "fastopen/client, optunsupp-fastopen, 0x03060000",
        "ipv6/client, nosmcdev-ipv6, 0x03030000",
        "peer-no-smc/client, peernosmc-peer-without-smc, 0x03010000",
        "smcr-ok/client, smc-working, ",
        "smc-module-missing/client, smc-module-not-loaded, "
    })
    void diagnose_labBundle_ranksTheScenarioCauseFirst(String scenario, String expectedId, String code) throws Exception {
        DiagnosisReport r = diagnoser.diagnose(EvidenceBundle.read(List.of(bundle(scenario))));

        Diagnosis top = r.top().orElseThrow();
        assertThat(top.id()).as(r.toText()).isEqualTo(expectedId);
        if (code != null) {
            assertThat(top.reasonCodes()).contains(Integer.parseUnsignedInt(code.substring(2), 16));
        }
        assertThat(top.evidence()).isNotEmpty();
        assertThat(r.toJson()).contains("\"schema\" : \"smc-doctor/diagnosis/v1\"");
    }
}
