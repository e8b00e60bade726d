package io.smcdoctor.adapters.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.internal.BundleTestArchives;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Javadoc examples of EvidenceBundle, LiveCollector and SocketProbe, compiled and run. */
class Snippets {
    @TempDir
    Path tmp;

    @Test
    void evidenceBundle_readOneOrSeveral() {
        Path client = BundleTestArchives.resource("bundle/smc-module-missing-client");
        Path server = BundleTestArchives.resource("bundle/no-ueid-server");

        Evidence one = EvidenceBundle.read(server);
        Evidence both = EvidenceBundle.read(List.of(client, server));

        assertThat(one.sources()).containsKey("smcss.txt");
        assertThat(both.sources()).containsKey("no-ueid-server/smcss.txt");
    }

    @Test
    void liveCollector_collectThenRead() {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux"));

        LiveCollector.Result r = LiveCollector.create().collect(tmp.resolve("bundle.tar.gz"));
        Evidence ev = EvidenceBundle.read(r.output());

        assertThat(ev.sources()).containsKey("manifest.json");
    }

    @Test
    void socketProbe_probeOneOption() {
        SocketProbe.Report r = SocketProbe.create().probe(SocketProbe.Request.of(List.of(
                new SocketProbe.Option("SOL_TCP", 6, "TCP_NODELAY", 1, 1))));

        assertThat(r.sockets()).isNotEmpty().allSatisfy(s -> assertThat(s.message()).isNotBlank());
    }
}
