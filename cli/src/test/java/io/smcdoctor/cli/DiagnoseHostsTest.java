package io.smcdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smcdoctor.catalog.Catalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diagnose --host LABEL=PATH --host LABEL=PATH}: two hosts' bundles as users give them, and bad input. */
class DiagnoseHostsTest {
    private static final Path LAB = Path.of("..", "engine", "src", "test", "resources", "lab-own");

    @TempDir
    Path tmp;

    private static CliRunner.Result run(String... args) {
        return CliRunner.run(Catalog.bundled(), args);
    }

    private static String side(String scenario, String side) {
        return LAB.resolve(scenario).resolve(side).toString();
    }

    @Test
    void text_labPair_namesTheHostToFixAndCitesBothHosts() {
        CliRunner.Result r = run("diagnose", "--host", "client=" + side("no-rdma-driver", "client"),
                "--host", "server=" + side("no-rdma-driver", "server"));

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 joined", "[nosmcdev-no-rdma-device", "fix on: client",
                "explains server's peerdecl-peer-declined", "client:smcss-d.txt:2", "server:smcss-d.txt:2");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void labels_fromThePathsWhenNotGiven() {
        CliRunner.Result r = run("diagnose", "--format", "json", "--host", side("server-no-ueid", "client"),
                "--host", side("server-no-ueid", "server"));

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"label\" : \"client\"", "\"label\" : \"server\"");
    }

    @Test
    void json_labPair_isDiagnosisV1WithHosts() throws IOException {
        CliRunner.Result r = run("diagnose", "--format", "json", "--host", "c=" + side("asym-route", "client"),
                "--host", "s=" + side("asym-route", "server"));

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("schema").asText()).isEqualTo("smc-doctor/diagnosis/v1");
        assertThat(root.get("diagnoses").get(0).get("id").asText()).isEqualTo("noindirect-gateway-mismatch");
        assertThat(root.get("diagnoses").get(0).get("fixOn").get(0).asText()).isEqualTo("c");
        assertThat(root.get("connections").get(0).get("relation").asText()).isEqualTo("joined");
    }

    @Test
    void markdownAndHtml_labPair_hostsConnectionsAndFix() throws IOException {
        CliRunner.Result md = run("diagnose", "--format", "markdown", "--host", "client=" + side("ueid-mismatch", "client"),
                "--host", "server=" + side("ueid-mismatch", "server"));
        Path page = tmp.resolve("pair.html");
        CliRunner.Result html = run("diagnose", "--format", "html", "-o", page.toString(),
                "--host", "client=" + side("ueid-mismatch", "client"), "--host", "server=" + side("ueid-mismatch", "server"));

        assertThat(md.exit()).as(md.err()).isZero();
        assertThat(md.out()).startsWith("# SMC Doctor report: 2 hosts\n")
                .contains("## Connections between the hosts", "`nosmcdev-ueid-mismatch`", "either end: client, server",
                        "`server:smcr-ueid.txt:1` `SMC-LAB-UEID-1`", "`client:smcr-ueid.txt:1` `SMC-LAB-UEID-2`",
                        "## Ruled out by the other host\u2019s evidence".replace('\u2019', '\''));
        assertThat(html.exit()).as(html.err()).isZero();
        assertThat(Files.readString(page, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>")
                .contains("Content-Security-Policy", "data-id=\"nosmcdev-ueid-mismatch\"", "server:smcss-d.txt:2");
    }

    @Test
    void html_hostileEvidence_escapedAndHostNamesOnlyFromSafeText() throws IOException {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));
        String header = "State          UID   Inode   Local Address           Peer Address            Intf Mode \n";
        Files.writeString(a.resolve("smcss.txt"), header
                + "ACTIVE         00000 0000413 10.10.0.2:40266         10.10.0.1:5150          0000 TCP 0x05000000/0x03030000\n"
                + "<script>alert(1)</script>\n");
        Files.writeString(a.resolve("uname.txt"), "Linux <img/src=x> 6.12.117+deb12-amd64 #1 SMP Debian x86_64 GNU/Linux\n");
        Files.writeString(b.resolve("smcss.txt"), header
                + "ACTIVE         00000 0000408 10.10.0.1:5150          10.10.0.2:40266         0000 TCP 0x03030000\n");

        CliRunner.Result r = run("diagnose", "--format", "html", "--host", "a=" + a, "--host", "b=" + b);

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("<script>alert", "<img/src").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        // the uname node name is markup, not a host name: the label names the host
        assertThat(r.out()).contains("<td><code>a</code></td>");
    }

    @Test
    void unreadableBundle_otherHostDiagnosedWithAWarning() throws IOException {
        Path broken = tmp.resolve("server.tar.gz");
        Files.write(broken, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});

        CliRunner.Result r = run("diagnose", "--host", "client=" + side("no-rdma-driver", "client"),
                "--host", "server=" + broken);

        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("warning: cannot read the bundle of host 'server'");
        assertThat(r.out()).contains("[nosmcdev-no-rdma-device", "server:" + broken + ": the bundle could not be read");
    }

    @Test
    void missingBundle_otherHostDiagnosedWithAWarning() {
        CliRunner.Result r = run("diagnose", "--host", "client=" + side("no-rdma-driver", "client"),
                "--host", "server=" + tmp.resolve("nowhere"));

        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("cannot read the bundle of host 'server'", "no such file or directory");
    }

    @Test
    void noBundleReadable_exit2() {
        CliRunner.Result r = run("diagnose", "--host", "a=" + tmp.resolve("x"), "--host", "b=" + tmp.resolve("y"));

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no such file or directory");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void sameBundleTwice_refusedWithExit2() throws IOException {
        CliRunner.Result samePath = run("diagnose", "--host", "a=" + side("ueid-mismatch", "client"),
                "--host", "b=" + side("ueid-mismatch", "client"));
        Path copy = tmp.resolve("copy");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(Path.of(side("ueid-mismatch", "client")))) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        CliRunner.Result sameContent = run("diagnose", "--host", "a=" + side("ueid-mismatch", "client"),
                "--host", "b=" + copy);

        assertThat(samePath.exit()).isEqualTo(2);
        assertThat(samePath.err()).contains("the same bundle", "'a' and 'b'");
        assertThat(sameContent.exit()).isEqualTo(2);
        assertThat(sameContent.err()).contains("same bundle was given twice");
        assertThat(samePath.out() + sameContent.out()).isEmpty();
    }

    @Test
    void badUsage_exit2() {
        CliRunner.Result one = run("diagnose", "--host", "a=" + side("ueid-mismatch", "client"));
        CliRunner.Result mixed = run("diagnose", side("ueid-mismatch", "client"), "--host", "a=x", "--host", "b=y");
        CliRunner.Result symptom = run("diagnose", "--symptom", "slow", "--host", "a=x", "--host", "b=y");
        CliRunner.Result label = run("diagnose", "--host", "a=x", "--host", "A=y");

        assertThat(one.exit()).isEqualTo(2);
        assertThat(one.err()).contains("at least two hosts");
        assertThat(mixed.exit()).isEqualTo(2);
        assertThat(mixed.err()).contains("not both");
        assertThat(symptom.exit()).isEqualTo(2);
        assertThat(symptom.err()).contains("symptom.txt");
        assertThat(label.exit()).isEqualTo(2);
        assertThat(label.err()).contains("given twice");
    }
}
