package io.smcdoctor.evidence;

import static io.smcdoctor.evidence.internal.BundleTestArchives.files;
import static io.smcdoctor.evidence.internal.BundleTestArchives.items;
import static io.smcdoctor.evidence.internal.BundleTestArchives.resource;
import static io.smcdoctor.evidence.internal.BundleTestArchives.under;
import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.facts.KernelEvent;
import io.smcdoctor.evidence.facts.SmcrDevice;
import io.smcdoctor.evidence.facts.SysctlSetting;
import io.smcdoctor.evidence.facts.ToolError;
import io.smcdoctor.evidence.internal.BundleTestArchives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundles read through the real parsers: facts arrive with citations naming the bundle file. */
class BundleParsersIntegrationTest {
    @TempDir
    Path tmp;

    private final Path server = resource("bundle/no-ueid-server");
    private final Path client = resource("bundle/smc-module-missing-client");

    @Test
    void read_labServerTarGz_yieldsThePeerDeclinedFallbackAndSettings() throws IOException {
        Path archive = BundleTestArchives.tar(tmp.resolve("server.tar.gz"), true,
                items(under("bundle", files(server))));

        Evidence ev = EvidenceBundle.read(archive);

        assertThat(ev.sockets().fallbacks()).isEqualTo(1);
        assertThat(ev.sockets().byCode()).containsKeys(0x05000000, 0x03030000);
        assertThat(ev.sysctl("net.smc.autocorking_size")).contains("65536");
        assertThat(ev.facts(SmcrDevice.class)).singleElement().satisfies(d -> {
            assertThat(d.ibDev()).isEqualTo("rxe0");
            assertThat(d.provenance().source()).isEqualTo("smcr-device.txt");
            assertThat(d.provenance().line()).isEqualTo(2);
        });
        assertThat(ev.facts(SysctlSetting.class)).allSatisfy(s ->
                assertThat(s.provenance().source()).isEqualTo("sysctl.txt"));
    }

    @Test
    void read_clientAndServer_citesFactsWithTheBundlePrefix() {
        Evidence ev = EvidenceBundle.read(List.of(client, server));

        assertThat(ev.facts(ToolError.class)).anySatisfy(e -> {
            assertThat(e.provenance().source()).isEqualTo("smc-module-missing-client/smcr-device.txt");
            assertThat(e.message()).contains("SMC module not loaded");
        });
        assertThat(ev.facts(SmcrDevice.class)).singleElement()
                .satisfies(d -> assertThat(d.provenance().source()).isEqualTo("no-ueid-server/smcr-device.txt"));
    }

    @Test
    void read_dmesgUnderAnotherName_citesThatName() throws IOException {
        Path log = Files.copy(server.resolve("dmesg.txt"), tmp.resolve("kernel.log"));

        Evidence ev = EvidenceBundle.read(log);

        assertThat(ev.facts(KernelEvent.class)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.provenance().source()).isEqualTo("kernel.log"));
    }
}
