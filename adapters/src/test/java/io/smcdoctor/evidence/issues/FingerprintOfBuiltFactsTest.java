package io.smcdoctor.evidence.issues;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.Endpoint;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.facts.SocketMode;
import io.smcdoctor.evidence.facts.SocketRow;
import io.smcdoctor.evidence.facts.SysctlSetting;
import org.junit.jupiter.api.Test;

/**
 * Regression: facts an embedder builds with a line number (as if read from a file) were left out of the fingerprint,
 * so two different evidences could share a fingerprint and so a cached report.
 */
class FingerprintOfBuiltFactsTest {
    private static SocketRow row(int code) {
        Provenance p = new Provenance("smcss.txt", 2, "ACTIVE ...");
        return SocketRow.basic(p, "ACTIVE", 0, 519, new Endpoint("10.0.0.1", 5101, false),
                new Endpoint("10.0.0.2", 40000, false), 0, SocketMode.TCP, code, 0);
    }

    @Test
    void fingerprint_factsWithLineNumbers_differWhenFactsDiffer() {
        Evidence a = Evidence.builder().add(row(0x03030000)).build();
        Evidence b = Evidence.builder().add(row(0x03010000)).build();
        Evidence c = Evidence.builder().add(new SysctlSetting(new Provenance("sysctl.txt", 3, "x"), "net.smc.wmem", "1")).build();
        Evidence d = Evidence.builder().add(new SysctlSetting(new Provenance("sysctl.txt", 3, "x"), "net.smc.wmem", "2")).build();

        assertThat(a.fingerprint()).isNotEqualTo(b.fingerprint());
        assertThat(c.fingerprint()).isNotEqualTo(d.fingerprint());
        assertThat(Evidence.builder().add(row(0x03030000)).build().fingerprint()).isEqualTo(a.fingerprint());
    }
}
