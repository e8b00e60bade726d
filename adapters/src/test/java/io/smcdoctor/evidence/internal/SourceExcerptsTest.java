package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.EvidenceParseException;
import io.smcdoctor.evidence.facts.SocketRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceExcerptsTest {
    private static final Path IPV6 = Path.of("..", "samples", "bundles", "ipv6-fallback");
    private static final EvidenceBundle.Limits LIMITS = EvidenceBundle.Limits.defaults();

    @TempDir
    Path tmp;

    @Test
    void window_directoryBundle_isTheFileAroundTheCitedLineWithTheHeader() throws IOException {
        List<String> smcss = Files.readAllLines(IPV6.resolve("smcss.txt"));

        SourceExcerpts ex = SourceExcerpts.read(List.of(IPV6), LIMITS, Map.of("smcss.txt", Set.of(10)), 2, 100_000);

        assertThat(ex.window("smcss.txt", 10)).extracting(SourceExcerpts.Line::number).containsExactly(1, 8, 9, 10, 11, 12);
        assertThat(ex.window("smcss.txt", 10)).extracting(SourceExcerpts.Line::text)
                .containsExactly(smcss.get(0), smcss.get(7), smcss.get(8), smcss.get(9), smcss.get(10), smcss.get(11));
        assertThat(ex.truncated()).isFalse();
    }

    @Test
    void window_citationsOfTheDiagnosisRead_matchTheirProvenanceText() {
        // the second read must number lines exactly as the parsers did: every sample row's text is found again
        Evidence evidence = EvidenceBundle.read(IPV6);
        Map<String, Set<Integer>> cited = new LinkedHashMap<>();
        List<SocketRow> rows = evidence.sockets().groups().stream().flatMap(g -> g.samples().stream()).toList();
        rows.forEach(r -> cited.computeIfAbsent(r.provenance().source(), s -> new TreeSet<>())
                .add(r.provenance().line()));

        SourceExcerpts ex = SourceExcerpts.read(List.of(IPV6), LIMITS, cited, 0, 100_000);

        assertThat(rows).isNotEmpty();
        for (SocketRow r : rows) {
            assertThat(ex.window(r.provenance().source(), r.provenance().line()))
                    .extracting(SourceExcerpts.Line::text).last().isEqualTo(r.provenance().text());
        }
    }

    @Test
    void window_tarGzAndZip_sameAsTheDirectory() throws IOException {
        Map<String, byte[]> files = BundleTestArchives.under("case-1234", BundleTestArchives.files(IPV6));
        Path tgz = BundleTestArchives.tar(tmp.resolve("b.tar.gz"), true, BundleTestArchives.items(files));
        Path zip = BundleTestArchives.zip(tmp.resolve("b.zip"), files);
        Map<String, Set<Integer>> cited = Map.of("smcss.txt", Set.of(7), "sysctl.txt", Set.of(13));

        SourceExcerpts dir = SourceExcerpts.read(List.of(IPV6), LIMITS, cited, 3, 100_000);
        for (Path archive : List.of(tgz, zip)) {
            SourceExcerpts ex = SourceExcerpts.read(List.of(archive), LIMITS, cited, 3, 100_000);
            assertThat(ex.window("smcss.txt", 7)).isEqualTo(dir.window("smcss.txt", 7)).hasSize(8);
            assertThat(ex.window("sysctl.txt", 13)).isEqualTo(dir.window("sysctl.txt", 13)).hasSize(7);
        }
    }

    @Test
    void window_severalInputs_sourcesCarryTheBundleName() throws IOException {
        Path client = Files.createDirectories(tmp.resolve("client"));
        Path server = Files.createDirectories(tmp.resolve("server"));
        Files.writeString(client.resolve("dmesg.txt"), "c1\nc2\nc3\n");
        Files.writeString(server.resolve("dmesg.txt"), "s1\ns2\n");

        SourceExcerpts ex = SourceExcerpts.read(List.of(client, server), LIMITS,
                Map.of("client/dmesg.txt", Set.of(2), "server/dmesg.txt", Set.of(2)), 1, 1000);

        assertThat(ex.window("client/dmesg.txt", 2)).extracting(SourceExcerpts.Line::text).containsExactly("c1", "c2", "c3");
        assertThat(ex.window("server/dmesg.txt", 2)).extracting(SourceExcerpts.Line::text).containsExactly("s1", "s2");
        assertThat(ex.window("dmesg.txt", 2)).isEmpty();
    }

    @Test
    void read_longLinesCrlfAndBinary_cutAndNumberedLikeTheParsers() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("b"));
        String longLine = "x".repeat(10_000);
        Files.write(dir.resolve("dmesg.txt"), ("one\r\n" + longLine + "\r\nbin\0ary\r\nfour\r\n")
                .getBytes(StandardCharsets.UTF_8));

        SourceExcerpts ex = SourceExcerpts.read(List.of(dir), LIMITS, Map.of("dmesg.txt", Set.of(2, 4)), 1, 100_000);

        List<SourceExcerpts.Line> w = ex.window("dmesg.txt", 2);
        assertThat(w).extracting(SourceExcerpts.Line::number).containsExactly(1, 2); // line 3 holds NUL: not kept
        assertThat(w.get(0).text()).isEqualTo("one");
        assertThat(w.get(1).text()).hasSize(SourceExcerpts.MAX_LINE_CHARS).endsWith("…").startsWith("xxx");
        assertThat(ex.window("dmesg.txt", 4)).extracting(SourceExcerpts.Line::text).containsExactly("four");
    }

    @Test
    void read_budgetSpent_leavesLaterLinesOutAndSaysSo() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("b"));
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            sb.append("line ").append(i).append(" ").append("y".repeat(90)).append('\n');
        }
        Files.writeString(dir.resolve("dmesg.txt"), sb);

        SourceExcerpts ex = SourceExcerpts.read(List.of(dir), LIMITS, Map.of("dmesg.txt", Set.of(5, 50, 95)), 2, 700);

        assertThat(ex.truncated()).isTrue();
        assertThat(ex.window("dmesg.txt", 5)).hasSize(5);
        assertThat(ex.window("dmesg.txt", 50)).isEmpty();
        assertThat(ex.window("dmesg.txt", 95)).isEmpty();
    }

    @Test
    void read_limitsOfTheDiagnosis_stillApply() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("b"));
        Files.writeString(dir.resolve("dmesg.txt"), "z".repeat(5000));

        assertThatThrownBy(() -> SourceExcerpts.read(List.of(dir), LIMITS.withMaxEntryBytes(1000),
                Map.of("dmesg.txt", Set.of(1)), 1, 1000)).isInstanceOf(EvidenceParseException.class);
    }

    @Test
    void read_nothingCited_readsNothing() {
        assertThat(SourceExcerpts.read(List.of(tmp.resolve("missing")), LIMITS, Map.of(), 2, 1000).window("x", 1))
                .isEmpty();
    }
}
