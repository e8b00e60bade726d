package io.smcdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code smc-doctor fleet} starts the fleet job in a JVM of its own; Spark never joins this CLI's class path. */
class FleetCommandTest {
    @TempDir
    Path tmp;

    @Test
    void locate_withoutARuntime_saysHowToBuildIt() {
        assertThatThrownBy(() -> FleetRuntime.locate(tmp.resolve("none").toString(), tmp))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("the fleet runtime (Apache Spark) is not built: " + tmp.resolve("none")
                        .resolve("smc-doctor-fleet.jar") + " is missing")
                .hasMessageContaining("mvn -B package -DskipTests -pl fleet -am");
    }

    @Test
    void locate_defaultsToTheFleetModuleNextToThisCli() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("fleet/target"));
        for (String f : List.of(FleetRuntime.JAR, FleetRuntime.CLASSPATH, FleetRuntime.JVM_OPTIONS)) {
            Files.writeString(target.resolve(f), "");
        }

        assertThat(FleetRuntime.locate(null, tmp.resolve("cli/target/smc-doctor.jar")).home()).isEqualTo(target);
        assertThat(FleetRuntime.locate("", tmp.resolve("cli/target/classes")).home()).isEqualTo(target);
    }

    @Test
    void fleet_runsTheJobInItsOwnJvm_passingArgumentsOptionsAndExitStatus() throws IOException,
            URISyntaxException {
        Path home = Files.createDirectories(tmp.resolve("runtime"));
        try (OutputStream os = Files.newOutputStream(home.resolve(FleetRuntime.JAR));
             ZipOutputStream empty = new ZipOutputStream(os)) {
            empty.finish();
        }
        Path fake = Path.of(io.smcdoctor.fleet.FleetMain.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        Files.writeString(home.resolve(FleetRuntime.CLASSPATH), fake + "\n");
        Path record = tmp.resolve("record.txt");
        Files.writeString(home.resolve(FleetRuntime.JVM_OPTIONS), "-Dio.netty.tryReflectionSetAccessible=true\n"
                + "  -Xmx64m -Dfake.fleet.out=" + record + "\n");

        int status = new CommandLine(new FleetCommand(home.toString()))
                .execute("/data/a b", "--out", "o", "--cores", "2", "--quiet", "--pairs-per-bundle", "5", "--lang",
                        "ja", "--", "-odd");

        assertThat(status).isEqualTo(3);
        assertThat(Files.readAllLines(record, StandardCharsets.UTF_8)).containsExactly("netty=true", "heap=64",
                "--out", "o", "--cores", "2", "--quiet", "--pairs-per-bundle", "5", "--lang", "ja", "--", "/data/a b",
                "-odd");
    }

    @Test
    void fleet_badCores_isAUsageError_beforeAnythingStarts() {
        StringWriter err = new StringWriter();
        CommandLine cl = Cli.newCommandLine();
        cl.setErr(new PrintWriter(err));

        int status = cl.execute("fleet", "x", "--cores", "0");

        assertThat(status).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).isEqualTo("smc-doctor: --cores must be at least 1, was 0" + System.lineSeparator());
    }

    @Test
    void cli_hasNoSparkOnItsClassPath() {
        assertThatThrownBy(() -> Class.forName("org.apache.spark.sql.SparkSession"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.apache.hadoop.fs.FileSystem"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void help_listsTheFleetCommand() {
        StringWriter out = new StringWriter();
        CommandLine cl = Cli.newCommandLine();
        cl.setOut(new PrintWriter(out));

        cl.execute("--help");

        assertThat(out.toString()).contains("  fleet ").contains("Apache Spark");
    }

    @Test
    void fleetHelp_explainsThePairsAndTheirCap() {
        StringWriter out = new StringWriter();
        CommandLine cl = Cli.newCommandLine();
        cl.setOut(new PrintWriter(out));

        cl.execute("fleet", "--help");

        assertThat(out.toString()).contains("DIR/pairs (Parquet, one row per bundle pair x pair diagnosis)",
                "--pairs-per-bundle=N");
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("(default: 20;", "0 turns the pairing off");
    }
}
