package io.smcdoctor.evidence;

import static io.smcdoctor.evidence.internal.BundleTestArchives.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.facts.SysctlSetting;
import io.smcdoctor.evidence.internal.BundleReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Evidence built without its fingerprint (what a command-line diagnosis reads): the same facts, sockets, warnings and
 * sources as with it, an empty fingerprint, and the option refused once an input was added.
 */
class FingerprintOptionalTest {
    private final Path server = resource("bundle/no-ueid-server");

    private static Evidence read(Path bundle, boolean fingerprint) {
        BundleReader reader = new BundleReader(EvidenceBundle.Limits.defaults());
        if (!fingerprint) {
            reader.withoutFingerprint();
        }
        return reader.readAll(List.of(new BundleReader.PathInput(bundle)));
    }

    @Test
    void withoutFingerprint_labBundle_sameEvidenceEmptyFingerprint() {
        Evidence with = read(server, true);
        Evidence without = read(server, false);

        assertThat(with.fingerprint()).hasSize(64);
        assertThat(without.fingerprint()).isEmpty();
        assertThat(without.allFacts()).isEqualTo(with.allFacts());
        assertThat(without.sockets()).isEqualTo(with.sockets());
        assertThat(without.warnings()).isEqualTo(with.warnings());
        assertThat(without.sources()).isEqualTo(with.sources());
        assertThat(with.sockets().total()).isPositive();
    }

    @Test
    void withoutFingerprint_afterAnInputOrAFact_refused() {
        Evidence.Builder parsed = Evidence.builder().sysctlOutput("net.smc.autocorking_size = 65536\n");
        Evidence.Builder built = Evidence.builder().add(new SysctlSetting(
                Provenance.of("test"), "net.smc.autocorking_size", "65536"));

        assertThatThrownBy(parsed::withoutFingerprint).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before the first input");
        assertThatThrownBy(built::withoutFingerprint).isInstanceOf(IllegalStateException.class);
        assertThat(Evidence.builder().withoutFingerprint().sysctlOutput("net.smc.autocorking_size = 65536\n")
                .build().sysctl("net.smc.autocorking_size")).contains("65536");
    }
}
