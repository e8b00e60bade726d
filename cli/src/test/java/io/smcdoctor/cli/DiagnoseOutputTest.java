package io.smcdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.catalog.Catalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diagnose --format html|markdown} and {@code -o FILE}, as users run them. */
class DiagnoseOutputTest {
    private static final String BUNDLE = Path.of("..", "samples", "bundles", "peer-declined").toString();

    @TempDir
    Path tmp;

    private static CliRunner.Result run(String... args) {
        return CliRunner.run(Catalog.bundled(), args);
    }

    @Test
    void html_toFile_writesOnePageAndNothingOnStdout() throws IOException {
        Path file = tmp.resolve("report.html");

        CliRunner.Result r = run("diagnose", BUNDLE, "--format", "html", "-o", file.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
                .contains("data-id=\"peerdecl-peer-declined\"", "<svg class=\"chart\"", "svc-app-07");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void markdown_toStdout_isTheTicketText() {
        CliRunner.Result r = run("diagnose", BUNDLE, "--format", "markdown", "--lang", "ja");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("# SMC Doctor レポート\n").contains("## 診断", "`peerdecl-peer-declined`",
                "<details><summary><code>smcss.txt:3</code>");
    }

    @Test
    void json_toFile_isWhatStdoutWouldHaveBeen() throws IOException {
        Path file = tmp.resolve("report.json");

        CliRunner.Result toFile = run("diagnose", BUNDLE, "--format", "json", "--output", file.toString());
        CliRunner.Result toStdout = run("diagnose", BUNDLE, "--format", "json");

        assertThat(toFile.exit()).isZero();
        assertThat(toFile.out()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(toStdout.out()).contains("\"schema\" : \"smc-doctor/diagnosis/v1\"");
    }

    @Test
    void text_toExistingFile_replacesIt() throws IOException {
        Path file = Files.writeString(tmp.resolve("old.txt"), "old content that is longer than nothing");

        CliRunner.Result r = run("diagnose", BUNDLE, "-o", file.toString());

        assertThat(r.exit()).isZero();
        assertThat(Files.readString(file)).startsWith("SMC Doctor: 14 sockets").doesNotContain("old content");
    }

    @Test
    void output_permissions_followTheUmaskLikeARedirection() throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Path file = tmp.resolve("r.md");
        Path reference = Files.createFile(tmp.resolve("reference"));

        assertThat(run("diagnose", BUNDLE, "--format", "markdown", "-o", file.toString()).exit()).isZero();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(reference)));
    }

    @Test
    void output_isADirectory_exits2NamingIt() {
        CliRunner.Result r = run("diagnose", BUNDLE, "--format", "html", "-o", tmp.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("smc-doctor: -o " + tmp + ": is a directory; give a file name, e.g. -o "
                + tmp.resolve("report.html"));
    }

    @Test
    void output_inMissingDirectory_exits2BeforeDiagnosing() {
        Path file = tmp.resolve("no-such-dir").resolve("report.html");

        CliRunner.Result r = run("diagnose", "/no/such/bundle", "--format", "html", "-o", file.toString());

        // the output is checked first: the message is about the output, not about the (also missing) bundle
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("smc-doctor: -o " + file + ": directory " + tmp.resolve("no-such-dir")
                + " does not exist");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void format_html_isRefusedByCommandsThatDoNotWriteIt() {
        CliRunner.Result r = run("explain", "0x03030000", "--format", "html");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("smc-doctor: --format html is for 'diagnose'; 'explain' writes text or json");
    }

    @Test
    void format_sarif_isRefusedByDiagnose() {
        CliRunner.Result r = run("diagnose", BUNDLE, "--format", "sarif");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("smc-doctor: --format sarif is for 'lint'; 'diagnose' writes text, json, html or markdown");
    }
}
