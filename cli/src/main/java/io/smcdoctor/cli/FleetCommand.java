package io.smcdoctor.cli;

import io.smcdoctor.catalog.Language;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code smc-doctor fleet PATH... [--out DIR]}: diagnoses many hosts' bundles on Apache Spark in local mode. Spark
 * is not on this CLI's class path: the command starts the fleet job ({@code io.smcdoctor.fleet.FleetMain}) in a JVM
 * of its own from the {@link FleetRuntime}, with this terminal as its input and output, and exits with its status.
 */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = {"Diagnose many hosts' evidence bundles at once on Apache Spark, on this machine",
            "(local mode). Writes:",
            "  DIR/diagnoses (Parquet, one row per host x diagnosis; unreadable bundles",
            "    as rows with their error);",
            "  DIR/pairs (Parquet, one row per bundle pair x pair diagnosis): bundles",
            "    holding the two ends of the same connections (client and server), found",
            "    by their connections without comparing every pair and diagnosed",
            "    together as diagnose --host does; a bundle is in at most",
            "    --pairs-per-bundle pairs, those sharing the most connections;",
            "  DIR/summary.json (causes by hosts, reason codes by hosts and sockets,",
            "    where SMC works, host pairs and the pairs left out by the cap,",
            "    unreadable bundles) and DIR/summary.html (the same as a self-contained",
            "    page in the style of diagnose --format html).",
            "On a cluster: spark-submit --class io.smcdoctor.fleet.FleetMain",
            "  smc-doctor-fleet.jar PATH... --out DIR"},
        footerHeading = "%nExamples:%n",
        footer = {"  smc-doctor fleet /data/smc-bundles/2026-12-01 --out fleet-2026-12-01",
            "  smc-doctor fleet 'bundles/*.tar.gz' --cores 4 --quiet",
            "",
            "Environment: SMC_DOCTOR_FLEET_HOME (the fleet runtime, default fleet/target next to this CLI),",
            "SMC_DOCTOR_FLEET_JAVA_OPTS (JVM options of the fleet JVM, e.g. -Xmx8g)."})
final class FleetCommand implements Callable<Integer> {
    private final String home;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Directories (searched recursively), archives or globs holding bundles (.tar.gz, .tgz, .tar,"
                    + " .zip, bundle directories); any Hadoop file system URI.")
    List<String> paths;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "fleet-out",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    String out;

    @Option(names = "--overwrite", description = "Replace the table and summary of an earlier run in DIR.")
    boolean overwrite;

    @Option(names = "--cores", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer cores;

    @Option(names = "--quiet", description = "No progress line.")
    boolean quiet;

    @Option(names = "--lang", paramLabel = "LANG",
            description = "Language of summary.html: en or ja (default: from the locale).")
    String lang;

    @Option(names = "--pairs-per-bundle", paramLabel = "N",
            description = "Bundle pairs one bundle takes part in at most (default: 20; a server matched by many"
                    + " clients keeps the N sharing the most connections); 0 turns the pairing off.")
    Integer pairsPerBundle;

    @Option(names = "--debug", description = "Show stack traces on errors.")
    boolean debug;

    /** The command, finding the fleet runtime through {@code SMC_DOCTOR_FLEET_HOME} or next to this CLI. */
    FleetCommand() {
        this(System.getenv("SMC_DOCTOR_FLEET_HOME"));
    }

    /** The command with the fleet runtime in {@code home} (null: next to this CLI). */
    FleetCommand(String home) {
        this.home = home;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (cores != null && cores < 1) {
            throw new UsageException("--cores must be at least 1, was " + cores);
        }
        if (pairsPerBundle != null && pairsPerBundle < 0) {
            throw new UsageException("--pairs-per-bundle must be at least 0, was " + pairsPerBundle);
        }
        FleetRuntime runtime = FleetRuntime.locate(home, cliLocation());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = runtime.command(java, FleetRuntime.words(
                System.getenv().getOrDefault("SMC_DOCTOR_FLEET_JAVA_OPTS", "")), arguments());
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        // local mode talks to itself only: bind to loopback (Spark otherwise warns when the host name resolves there)
        pb.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        return p.waitFor();
    }

    /** The fleet job's arguments (its own parser is {@code FleetMain}'s; "--" keeps paths from being options). */
    List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("--out", out));
        if (overwrite) {
            args.add("--overwrite");
        }
        if (cores != null) {
            args.addAll(List.of("--cores", String.valueOf(cores)));
        }
        if (quiet) {
            args.add("--quiet");
        }
        if (pairsPerBundle != null) {
            args.addAll(List.of("--pairs-per-bundle", String.valueOf(pairsPerBundle)));
        }
        args.addAll(List.of("--lang", (lang == null ? Language.fromDefaultLocale() : Language.fromTag(lang)).tag()));
        args.add("--");
        args.addAll(paths);
        return args;
    }

    private static Path cliLocation() {
        try {
            return Path.of(FleetCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Path.of("cli", "target", "smc-doctor.jar");
        }
    }
}
