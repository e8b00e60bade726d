package io.smcdoctor.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smcdoctor.catalog.Language;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Command-line parsing, usage errors and the progress line (no Spark). */
class FleetMainTest {
    @Test
    void parse_pathsAndOptions() {
        FleetMain.Options o = FleetMain.parse(new String[] {"a", "--out", "o", "b", "--cores", "3", "--overwrite",
                "--quiet", "--lang", "ja", "--", "-weird"}).orElseThrow();

        assertThat(o.inputs()).containsExactly("a", "b", "-weird");
        assertThat(o.output()).isEqualTo("o");
        assertThat(o.cores()).isEqualTo(3);
        assertThat(o.overwrite()).isTrue();
        assertThat(o.quiet()).isTrue();
        assertThat(o.language()).isEqualTo(Language.JA);
        assertThat(FleetMain.parse(new String[] {"a"}).orElseThrow().language()).isEqualTo(Language.EN);
        assertThat(FleetMain.parse(new String[] {"a"}).orElseThrow().output()).isEqualTo("fleet-out");
        assertThat(FleetMain.parse(new String[] {"a", "--out=x"}).orElseThrow().output()).isEqualTo("x");
        assertThat(FleetMain.parse(new String[] {"a", "--help"})).isEmpty();
        assertThat(FleetMain.parse(new String[] {"a"}).orElseThrow().pairsPerBundle()).isEqualTo(20);
        assertThat(FleetMain.parse(new String[] {"a", "--pairs-per-bundle", "0"}).orElseThrow().pairsPerBundle())
                .isZero();
    }

    @Test
    void parse_badUsage_saysWhat() {
        assertThatThrownBy(() -> FleetMain.parse(new String[] {"--out", "o"})).hasMessageStartingWith("no PATH given");
        assertThatThrownBy(() -> FleetMain.parse(new String[] {"a", "--out"})).hasMessage("--out needs a value");
        assertThatThrownBy(() -> FleetMain.parse(new String[] {"a", "--cores", "0"}))
                .hasMessage("--cores must be at least 1, was 0");
        assertThatThrownBy(() -> FleetMain.parse(new String[] {"a", "--cores", "many"}))
                .hasMessage("--cores needs a whole number, was 'many'");
        assertThatThrownBy(() -> FleetMain.parse(new String[] {"a", "--master", "yarn"}))
                .hasMessage("unknown option '--master'");
        assertThatThrownBy(() -> FleetMain.parse(new String[] {"a", "--pairs-per-bundle", "-1"}))
                .hasMessage("--pairs-per-bundle must be at least 0, was -1");
        assertThatThrownBy(() -> FleetMain.parse(new String[] {"a", "--lang", "de"}))
                .hasMessage("--lang must be en or ja, was 'de'");
    }

    @Test
    void run_badUsage_exitsWith2BeforeStartingSpark() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = FleetMain.run(new String[] {"--frobnicate"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("smc-doctor fleet: unknown option '--frobnicate'\n"
                + "Try 'smc-doctor fleet --help'.\n");
    }

    @Test
    void progress_onATerminal_rewritesOneLine_elsePrintsTenths() {
        ByteArrayOutputStream tty = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        FleetMain.TerminalProgress onTty = new FleetMain.TerminalProgress(new PrintStream(tty, true,
                StandardCharsets.UTF_8), true);
        FleetMain.TerminalProgress toLog = new FleetMain.TerminalProgress(new PrintStream(log, true,
                StandardCharsets.UTF_8), false);

        for (long done : List.of(0L, 50L, 120L, 130L, 990L, 1000L)) {
            FleetProgress.Update u = new FleetProgress.Update(done, 1000, done / 100, Duration.ofSeconds(10),
                    done == 1000);
            onTty.update(u);
            toLog.update(u);
        }

        assertThat(tty.toString(StandardCharsets.UTF_8)).startsWith("\rbundles 0/1,000 (0%), 0.0/s, 0 unreadable")
                .contains("\rbundles 1,000/1,000 (100%), 100.0/s, 10 unreadable   \n").doesNotContain("\n\r");
        assertThat(log.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "bundles 0/1,000 (0%), 0.0/s, 0 unreadable",
                "bundles 120/1,000 (12%), 12.0/s, 1 unreadable",
                "bundles 990/1,000 (99%), 99.0/s, 9 unreadable",
                "bundles 1,000/1,000 (100%), 100.0/s, 10 unreadable");
    }

    @Test
    void slices_aboutSixtyFourBundlesATask_atLeastFourPerCore_atMostOnePerBundle() {
        assertThat(FleetJob.slices(3, 2)).isEqualTo(3);
        assertThat(FleetJob.slices(240, 2)).isEqualTo(8);
        assertThat(FleetJob.slices(1000, 2)).isEqualTo(16);
        assertThat(FleetJob.slices(100_000, 400)).isEqualTo(1600);
        assertThat(FleetJob.slices(0, 2)).isEqualTo(1);
    }
}
