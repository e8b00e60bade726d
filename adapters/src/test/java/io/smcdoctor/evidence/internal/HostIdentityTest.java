package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.facts.HostIdentity;
import io.smcdoctor.evidence.facts.SourceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host a bundle names: {@code uname -a}'s node name, {@code manifest.json}'s host and time. */
class HostIdentityTest {
    @TempDir
    Path tmp;

    @Test
    void unameA_alinux3_nodeNameIsTheHost() {
        List<HostIdentity> ids = HostFixtures.parse(SourceKind.UNAME, "uname/alinux3-a.txt").facts(HostIdentity.class);

        assertThat(ids).hasSize(1);
        assertThat(ids.get(0).hostname()).isEqualTo("iZbp1a2b3c4d5e6f7g8h9iZ");
        assertThat(ids.get(0).usableName()).contains("iZbp1a2b3c4d5e6f7g8h9iZ");
        assertThat(ids.get(0).capturedAt()).isEmpty();
        assertThat(ids.get(0).provenance().line()).isEqualTo(1);
    }

    @Test
    void unameA_labGuestWithoutName_noneIsNoUsableName() {
        List<HostIdentity> ids = HostFixtures.parse(SourceKind.UNAME, "uname/lab-6.12-busybox-a.txt")
                .facts(HostIdentity.class);

        assertThat(ids).hasSize(1);
        assertThat(ids.get(0).hostname()).isEqualTo("(none)");
        assertThat(ids.get(0).usableName()).isEmpty();
    }

    @Test
    void unameR_releaseOnly_noHost() {
        assertThat(HostFixtures.parse(SourceKind.UNAME, "uname/alinux3-r.txt").facts(HostIdentity.class)).isEmpty();
    }

    @Test
    void manifest_collectedBundle_hostAndTime() throws Exception {
        Path m = tmp.resolve("manifest.json");
        Files.writeString(m, "{\"schema\": \"smc-doctor/manifest/v1\", \"host\": \"web-1\","
                + " \"time\": \"2026-11-26T16:10:08Z\", \"kernel\": \"6.12.117+deb12-amd64\", \"commands\": []}");

        List<HostIdentity> ids = EvidenceBundle.read(m).facts(HostIdentity.class);

        assertThat(ids).hasSize(1);
        assertThat(ids.get(0).usableName()).contains("web-1");
        assertThat(ids.get(0).capturedAt()).contains(Instant.parse("2026-11-26T16:10:08Z"));
    }

    @Test
    void usableName_markupOrPlaceholders_refused() {
        assertThat(new HostIdentity(io.smcdoctor.evidence.facts.Provenance.of("x"), "<script>", java.util.Optional.empty())
                .usableName()).isEmpty();
        assertThat(new HostIdentity(io.smcdoctor.evidence.facts.Provenance.of("x"), "localhost", java.util.Optional.empty())
                .usableName()).isEmpty();
    }
}
