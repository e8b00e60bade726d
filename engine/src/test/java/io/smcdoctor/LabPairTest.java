package io.smcdoctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smcdoctor.MultiHostReport.HostCitation;
import io.smcdoctor.MultiHostReport.HostDiagnosis;
import io.smcdoctor.MultiHostReport.HostPairing;
import io.smcdoctor.MultiHostReport.RuledOutCause;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.facts.SocketMode;
import io.smcdoctor.evidence.internal.BundleReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both ends of each lab scenario diagnosed together: the genuine client and server bundles of the shared 6.12 lab and
 * of our own {@code --scenario-file} captures, against what each scenario set up ({@code lab-pairs.tsv}).
 */
class LabPairTest {
    static Diagnoser diagnoser;
    static Diagnoser uncached;

    @BeforeAll
    static void build() {
        diagnoser = Diagnoser.create();
        uncached = Diagnoser.builder().cacheSize(0).build();
    }

    static Path dir(String scenario) {
        try {
            return Path.of(LabPairTest.class.getResource("/" + scenario).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Evidence bundle(String scenario, String side) {
        return EvidenceBundle.read(dir(scenario).resolve(side));
    }

    static MultiHostReport pair(String clientScenario, String serverScenario) {
        return diagnoser.diagnose(List.of(HostEvidence.of("client", bundle(clientScenario, "client")),
                HostEvidence.of("server", bundle(serverScenario, "server"))));
    }

    static Stream<Arguments> scenarios() {
        try {
            return Files.readAllLines(dir("lab-pairs.tsv"), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t"))
                    .map(f -> Arguments.of(f[0], f[1], f[2].equals("-") ? List.of() : Arrays.asList(f[2].split(","))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0} -> {1} on {2}")
    @MethodSource("scenarios")
    void diagnosePair_labScenario_topNamesTheCauseAndTheHostToFix(String scenario, String cause, List<String> fixOn) {
        MultiHostReport r = pair(scenario, scenario);

        HostDiagnosis top = r.top().orElseThrow();
        assertThat(top.id()).as(r.toText()).isEqualTo(cause);
        assertThat(top.fixOn()).as(r.toText()).containsExactlyInAnyOrderElementsOf(fixOn);
        assertThat(r.pairings()).hasSize(1);
        assertThat(r.pairings().get(0).related()).as(r.toText()).isTrue();
        assertThat(top.evidence()).isNotEmpty();
        if (!top.corroboratedBy().isEmpty()) {
            // explained across the pair: the lines of both hosts are cited
            assertThat(top.evidence().stream().map(HostCitation::host).distinct()).hasSize(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void diagnosePair_labScenario_singleHostReportsStayAsTheyAre(String scenario, String cause, List<String> fixOn) {
        MultiHostReport r = pair(scenario, scenario);

        for (String side : List.of("client", "server")) {
            DiagnosisReport alone = uncached.diagnose(bundle(scenario, side));
            assertThat(r.host(side).orElseThrow().report().toJson()).isEqualTo(alone.toJson());
        }
    }

    @Test
    void diagnosePair_peerDeclineExplainedByTheServer_citesBothHostsAndRulesOutWhatTheServerContradicts() {
        // ueid-mismatch: the server declined (its UEID SMC-LAB-UEID-1, the client's SMC-LAB-UEID-2); the client only
        // saw 0x05000000/0x03030000 and offered every cause of 0x03030000 on the server
        MultiHostReport r = pair("lab-own/ueid-mismatch", "lab-own/ueid-mismatch");

        HostDiagnosis top = r.top().orElseThrow();
        assertThat(top.concludedOn()).containsExactly("server");
        assertThat(top.corroboratedBy()).extracting(HostDiagnosis.Corroboration::host, HostDiagnosis.Corroboration::id)
                .contains(org.assertj.core.groups.Tuple.tuple("client", "peerdecl-peer-declined"));
        // the server's declining row, both hosts' UEIDs, the client's row with the peer's code
        assertThat(top.evidence()).map(HostCitation::toString)
                .contains("server:smcss-d.txt:2", "server:smcr-ueid.txt:1", "client:smcr-ueid.txt:1",
                        "client:smcss-d.txt:2");
        assertThat(top.confidence()).isGreaterThan(r.host("server").orElseThrow().report().top().orElseThrow()
                .confidence());
        // the server has a UEID and an RDMA device: "no UEID" and "no RDMA device" on the server are ruled out
        assertThat(r.ruledOut()).extracting(RuledOutCause::id)
                .contains("nosmcdev-no-ueid", "nosmcdev-no-rdma-device");
        RuledOutCause noUeid = r.ruledOut().stream().filter(x -> x.id().equals("nosmcdev-no-ueid")).findFirst()
                .orElseThrow();
        assertThat(noUeid.offeredOn()).isEqualTo("client");
        assertThat(noUeid.ruledOutBy()).isEqualTo("server");
        assertThat(noUeid.evidence()).map(HostCitation::toString).containsExactly("server:smcr-ueid.txt:1");
        assertThat(r.diagnoses()).extracting(HostDiagnosis::id).doesNotContain("nosmcdev-no-ueid",
                "peerdecl-peer-declined");
        assertThat(r.toText()).contains("Ruled out by the other host's evidence", "server:smcr-ueid.txt:1");
    }

    @Test
    void diagnosePair_joinedConnection_groupsOfBothEndsAgree() {
        MultiHostReport r = pair("lab-own/ueid-mismatch", "lab-own/ueid-mismatch");

        HostPairing p = r.pairings().get(0);
        assertThat(p.relation()).isEqualTo(HostPairing.Relation.JOINED);
        assertThat(p.joined()).isEqualTo(1);
        assertThat(p.consistent()).isTrue();
        assertThat(p.unmatchedA()).isZero();
        assertThat(p.unmatchedB()).isZero();
        HostPairing.JoinedGroups g = p.groups().get(0);
        assertThat(g.a().mode()).isEqualTo(SocketMode.TCP);
        assertThat(g.a().peerCode()).isEqualTo(0x03030000);
        assertThat(g.b().localCode()).isEqualTo(0x03030000);
        // the first listing read (smcss-d.txt before smcss.txt) holds the row; both cite line 2
        assertThat(g.sampleA().toString()).isEqualTo("client:smcss-d.txt:2");
        assertThat(g.sampleB().toString()).isEqualTo("server:smcss-d.txt:2");
    }

    @Test
    void diagnosePair_fiftyConnections_everyOneJoinedOnce() {
        MultiHostReport r = pair("lab-6.12/many-conns", "lab-6.12/many-conns");

        HostPairing p = r.pairings().get(0);
        assertThat(p.joined()).isEqualTo(50);
        assertThat(p.ambiguous()).isZero();
        assertThat(p.groups()).singleElement().satisfies(g -> {
            assertThat(g.a().mode()).isEqualTo(SocketMode.SMCR);
            assertThat(g.b().mode()).isEqualTo(SocketMode.SMCR);
        });
    }

    @Test
    void diagnosePair_dualStackServer_ipv4MappedAddressesJoinIpv4() {
        // the server's AF_INET6 socket prints ::ffff:10.10.0.1:5150 -> ::ffff:10.10.0.2:48658, the client 10.10.0.2
        MultiHostReport r = pair("lab-own/smc6-dualstack-server", "lab-own/smc6-dualstack-server");

        assertThat(r.pairings().get(0).joined()).isEqualTo(1);
        assertThat(r.pairings().get(0).joinedByCut()).isZero();
    }

    @Test
    void diagnosePair_linkRemoved_portZeroEndsJoinedOnTheirAddresses() {
        // rdma-link-removed: the client's CLOSED row 10.10.0.2:0 -> 10.10.0.1:5150, the server's still ACTIVE SMCR
        // row 10.10.0.1:0 -> 10.10.0.2:46848: both lost the TCP socket's port
        MultiHostReport r = pair("lab-own/rdma-link-removed", "lab-own/rdma-link-removed");

        HostPairing p = r.pairings().get(0);
        assertThat(p.joined()).isEqualTo(1);
        assertThat(p.joinedByPortZero()).isEqualTo(1);
        assertThat(p.consistent()).isTrue();
    }

    @Test
    void diagnosePair_differentScenarios_reportedAsUnrelatedAndNotMerged() {
        // the client of ueid-mismatch (0x05000000/0x03030000, port 40266) with the server of server-no-ueid (its
        // connection from port 52930): the server's "no UEID" would make a plausible but false story
        MultiHostReport r = pair("lab-own/ueid-mismatch", "lab-own/server-no-ueid");

        HostPairing p = r.pairings().get(0);
        assertThat(p.relation()).isEqualTo(HostPairing.Relation.UNRELATED);
        assertThat(p.related()).isFalse();
        assertThat(r.ruledOut()).isEmpty();
        assertThat(r.diagnoses()).allSatisfy(d -> assertThat(d.corroboratedBy()).isEmpty());
        // the client's "the peer declined" stays, and names no host among these bundles
        HostDiagnosis declined = r.diagnosis("peerdecl-peer-declined").orElseThrow();
        assertThat(declined.concludedOn()).containsExactly("client");
        assertThat(declined.fixOn()).isEmpty();
        assertThat(r.toText()).contains("unrelated", "each host is diagnosed on its own");
        assertThat(r.toJson()).contains("\"relation\" : \"unrelated\"");
    }

    @Test
    void diagnosePair_otherLabsScenarios_unrelated() {
        // lab-6.12 no-ueid client (port 5101) with the lab-own no-rdma-driver server (port 5150)
        MultiHostReport r = diagnoser.diagnose(List.of(
                HostEvidence.of("client", bundle("lab-6.12/no-ueid", "client")),
                HostEvidence.of("server", bundle("lab-own/no-rdma-driver", "server"))));

        assertThat(r.pairings().get(0).relation()).isEqualTo(HostPairing.Relation.UNRELATED);
        assertThat(r.diagnoses()).allSatisfy(d -> assertThat(d.corroboratedBy()).isEmpty());
    }

    @Test
    void diagnose_sameBundleTwice_refused() {
        Evidence e = bundle("lab-own/ueid-mismatch", "client");

        assertThatThrownBy(() -> diagnoser.diagnose(List.of(HostEvidence.of("a", e), HostEvidence.of("b", e))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same bundle was given twice");
        assertThatThrownBy(() -> diagnoser.diagnose(List.of(HostEvidence.of("a", e),
                HostEvidence.of("A", bundle("lab-own/ueid-mismatch", "server")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("given twice");
    }

    @Test
    void diagnose_evidenceWithoutConnectionIndex_sameSingleHostReportRefusedForSeveralHosts() {
        Path client = dir("lab-own/ueid-mismatch").resolve("client");
        Evidence indexed = EvidenceBundle.read(client);
        Evidence plain = new BundleReader(EvidenceBundle.Limits.defaults()).withoutConnections().read(List.of(client));

        assertThat(uncached.diagnose(plain).toJson()).isEqualTo(uncached.diagnose(indexed).toJson());
        assertThat(uncached.diagnose(List.of(HostEvidence.of("client", plain))).hosts()).hasSize(1);
        assertThatThrownBy(() -> diagnoser.diagnose(List.of(HostEvidence.of("client", plain),
                HostEvidence.of("server", bundle("lab-own/ueid-mismatch", "server")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'client' was built without its connection index");
    }

    @Test
    void diagnose_evidenceWithoutFingerprint_sameReportNeverCachedRefusedForSeveralHosts() {
        Path client = dir("lab-own/ueid-mismatch").resolve("client");
        Evidence full = EvidenceBundle.read(client);
        Evidence once = new BundleReader(EvidenceBundle.Limits.defaults()).withoutFingerprint().read(List.of(client));

        DiagnosisReport first = diagnoser.diagnose(once);
        assertThat(first.toJson()).isEqualTo(uncached.diagnose(full).toJson());
        assertThat(diagnoser.diagnose(once)).isNotSameAs(first); // computed again: no cache key
        assertThat(diagnoser.diagnose(List.of(HostEvidence.of("client", once))).hosts()).hasSize(1);
        assertThatThrownBy(() -> diagnoser.diagnose(List.of(HostEvidence.of("client", once),
                HostEvidence.of("server", bundle("lab-own/ueid-mismatch", "server")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'client' was built without its fingerprint");
    }

    @Test
    void diagnose_pairsFromManyThreads_sameReportsAsOneThread() throws Exception {
        List<String> names = scenarios().map(a -> (String) a.get()[0]).limit(8).toList();
        Map<String, List<HostEvidence>> hosts = new java.util.LinkedHashMap<>();
        Map<String, String> expected = new java.util.HashMap<>();
        for (String s : names) {
            List<HostEvidence> h = List.of(HostEvidence.of("client", bundle(s, "client")),
                    HostEvidence.of("server", bundle(s, "server")));
            hosts.put(s, h);
            expected.put(s, uncached.diagnose(h).toJson());
        }
        Diagnoser shared = Diagnoser.builder().cacheSize(4).build();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String s = names.get(i % names.size());
                Diagnoser d = i % 2 == 0 ? shared : uncached;
                results.add(pool.submit(() -> d.diagnose(hosts.get(s)).toJson().equals(expected.get(s))));
            }
            for (java.util.concurrent.Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void diagnose_samePairAgain_servedFromTheCache() {
        Evidence c = bundle("lab-own/asym-route", "client");
        Evidence s = bundle("lab-own/asym-route", "server");
        List<HostEvidence> hosts = List.of(HostEvidence.of("client", c), HostEvidence.of("server", s));

        assertThat(diagnoser.diagnose(hosts)).isSameAs(diagnoser.diagnose(hosts));
        assertThat(uncached.diagnose(hosts)).isNotSameAs(uncached.diagnose(hosts));
        assertThat(uncached.diagnose(hosts)).isEqualTo(diagnoser.diagnose(hosts));
    }
}
