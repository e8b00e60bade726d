package io.smcdoctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smcdoctor.MultiHostReport.HostPairing;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Diagnoses of several hosts on small synthetic bundles in the formats of smc-tools 1.8.5 and {@code collect}'s
 * manifest: what the report says when the two ends contradict each other, when only the counters of bundles collected
 * close in time tie them, how hosts are named, and the JSON shape.
 */
class MultiHostDiagnosisTest {
    private static final String HEADER =
            "State          UID   Inode   Local Address           Peer Address            Intf Mode \n";
    private static final String STATS_SERVER = """
            SMC-R Connections Summary
              Total connections handled             1
              SMC connections                       0 (client 0, server 0)
                v1                                  0
                v2                                  0
              Handshake errors                      0 (client 0, server 0)
              Avg requests per SMC conn             0.0
              TCP fallback                          1 (client 0, server 1)
                Server
                 NOSMCDEV                           1
            """;
    private static final String STATS_CLIENT = """
            SMC-R Connections Summary
              Total connections handled             1
              SMC connections                       0 (client 0, server 0)
                v1                                  0
                v2                                  0
              Handshake errors                      0 (client 0, server 0)
              Avg requests per SMC conn             0.0
              TCP fallback                          1 (client 1, server 0)
                Client
                 PEERDECL                           1
            """;

    static Diagnoser diagnoser;

    @BeforeAll
    static void build() {
        diagnoser = Diagnoser.create();
    }

    @TempDir
    Path tmp;

    /** A bundle as collect writes it: manifest.json (host, time) and smcr -d stats. */
    private Evidence collected(String dir, String host, String time, String stats) throws IOException {
        Path d = Files.createDirectories(tmp.resolve(dir));
        Files.writeString(d.resolve("manifest.json"), "{\"schema\": \"smc-doctor/manifest/v1\", \"host\": \"" + host
                + "\", \"time\": \"" + time + "\", \"kernel\": \"6.12.117+deb12-amd64\", \"commands\": []}");
        Files.writeString(d.resolve("smcr-stats.txt"), stats);
        return EvidenceBundle.read(d);
    }

    @Test
    void diagnose_endsContradict_bundlesProbablyNotFromTheSameMoment() {
        // the client lists the connection as SMC-R, the server as a fallback it declined: not one moment
        Evidence client = Evidence.builder().smcssOutput(HEADER
                + "ACTIVE         00000 0000413 10.10.0.2:40266         10.10.0.1:5150          0000 SMCR \n").build();
        Evidence server = Evidence.builder().smcssOutput(HEADER
                + "ACTIVE         00000 0000408 10.10.0.1:5150          10.10.0.2:40266         0000 TCP 0x03030000\n"
                + "LISTEN         00000 0000406 0.0.0.0:5150            \n").build();

        MultiHostReport r = diagnoser.diagnose(List.of(HostEvidence.of("client", client),
                HostEvidence.of("server", server)));

        HostPairing p = r.pairings().get(0);
        assertThat(p.relation()).isEqualTo(HostPairing.Relation.JOINED);
        assertThat(p.consistent()).isFalse();
        assertThat(p.contradicting()).isEqualTo(1);
        assertThat(p.related()).isFalse();
        assertThat(p.groups()).singleElement().satisfies(g -> assertThat(g.contradicts()).isTrue());
        assertThat(r.diagnoses()).allSatisfy(d -> assertThat(d.corroboratedBy()).isEmpty());
        assertThat(r.toText()).contains("probably not from the same moment", "each host is diagnosed on its own");
        assertThat(r.toJson()).contains("\"consistent\" : false");
    }

    @Test
    void diagnose_onlyCountersOfBundlesCollectedCloseInTime_joinedByTimeAndSaidSo() throws IOException {
        Evidence client = collected("c", "web-1", "2026-11-26T16:10:08Z", STATS_CLIENT);
        Evidence server = collected("s", "db-1", "2026-11-26T16:12:08Z", STATS_SERVER);

        MultiHostReport r = diagnoser.diagnose(List.of(HostEvidence.of("client", client),
                HostEvidence.of("server", server)));

        assertThat(r.hosts()).extracting(MultiHostReport.Host::name).containsExactly("web-1", "db-1");
        assertThat(r.hosts()).extracting(MultiHostReport.Host::label).containsExactly("client", "server");
        HostPairing p = r.pairings().get(0);
        assertThat(p.relation()).isEqualTo(HostPairing.Relation.PEERS);
        assertThat(p.countersByTime()).isTrue();
        assertThat(p.joined()).isZero();
        assertThat(p.capturedApart()).contains(Duration.ofMinutes(2));
        assertThat(r.toText()).contains("read together only by the time of collection", "collected 120 s apart");
    }

    @Test
    void diagnose_countersOfBundlesCollectedHoursApart_notJoined() throws IOException {
        Evidence client = collected("c", "web-1", "2026-11-26T10:00:00Z", STATS_CLIENT);
        Evidence server = collected("s", "db-1", "2026-11-26T16:00:00Z", STATS_SERVER);

        HostPairing p = diagnoser.diagnose(List.of(HostEvidence.of("client", client),
                HostEvidence.of("server", server))).pairings().get(0);

        assertThat(p.countersByTime()).isFalse();
        assertThat(p.relation()).isEqualTo(HostPairing.Relation.UNKNOWN);
        assertThat(p.related()).isFalse();
    }

    @Test
    void diagnose_bothBundlesNameTheSameHost_labelsNameThem() throws IOException {
        Evidence a = collected("a", "web-1", "2026-11-26T10:00:00Z", STATS_CLIENT);
        Evidence b = collected("b", "web-1", "2026-11-26T11:00:00Z", STATS_SERVER);

        MultiHostReport r = diagnoser.diagnose(List.of(HostEvidence.of("before", a), HostEvidence.of("after", b)));

        assertThat(r.hosts()).extracting(MultiHostReport.Host::name).containsExactly("before", "after");
    }

    @Test
    void toJson_pairOfLabBundles_diagnosisV1WithHostsConnectionsAndHostOnEveryLine() throws Exception {
        MultiHostReport r = diagnoser.diagnose(List.of(
                HostEvidence.of("client", LabPairTest.bundle("lab-own/server-no-ueid", "client")),
                HostEvidence.of("server", LabPairTest.bundle("lab-own/server-no-ueid", "server"))));

        JsonNode root = new ObjectMapper().readTree(r.toJson());

        assertThat(root.get("schema").asText()).isEqualTo("smc-doctor/diagnosis/v1");
        // the fields of a single-host report are all there
        assertThat(root.has("diagnoses") && root.has("missingEvidence") && root.has("warnings") && root.has("stats"))
                .isTrue();
        JsonNode top = root.get("diagnoses").get(0);
        assertThat(top.get("id").asText()).isEqualTo("nosmcdev-no-ueid");
        assertThat(top.get("rank").asInt()).isEqualTo(1);
        assertThat(top.get("host").asText()).isEqualTo("server");
        assertThat(top.get("fixOn")).hasSize(1);
        assertThat(top.get("fixOn").get(0).asText()).isEqualTo("server");
        assertThat(top.get("evidence")).allSatisfy(e -> assertThat(e.get("host").asText()).isIn("client", "server"));
        assertThat(top.get("corroboratedBy").get(0).get("host").asText()).isEqualTo("client");
        assertThat(root.get("hosts")).hasSize(2);
        assertThat(root.get("hosts").get(1).get("diagnoses").get(0).get("id").asText()).isEqualTo("nosmcdev-no-ueid");
        JsonNode c = root.get("connections").get(0);
        assertThat(c.get("relation").asText()).isEqualTo("joined");
        assertThat(c.get("joined").asLong()).isEqualTo(1);
        assertThat(c.get("groups").get(0).get("client").get("peerCode").asText()).isEqualTo("0x03030000");
        assertThat(c.get("groups").get(0).get("server").get("localCode").asText()).isEqualTo("0x03030000");
        // both ends count their own socket: 2 sockets in all
        assertThat(root.get("stats").get("sockets").asLong()).isEqualTo(2);
    }

    @Test
    void toText_japanese_hostsAndFixInJapanese() {
        Diagnoser ja = Diagnoser.builder().language(Language.JA).build();
        MultiHostReport r = ja.diagnose(List.of(
                HostEvidence.of("client", LabPairTest.bundle("lab-own/no-rdma-driver", "client")),
                HostEvidence.of("server", LabPairTest.bundle("lab-own/no-rdma-driver", "server"))));

        assertThat(r.toText()).contains("対処するホスト: client", "結合", "証拠");
    }

    @Test
    void hostEvidence_badLabel_refused() {
        assertThatThrownBy(() -> HostEvidence.of("a b", Evidence.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a b'");
        assertThatThrownBy(() -> diagnoser.diagnose(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
