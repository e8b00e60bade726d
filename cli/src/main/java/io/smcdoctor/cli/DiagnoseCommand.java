package io.smcdoctor.cli;

import io.smcdoctor.Diagnoser;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.adapters.host.LiveCollector;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.cli.report.ReportDocument;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.internal.BundleReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smc-doctor diagnose [PATH...] [--symptom TEXT] [--format text|json|html|markdown] [-o FILE]}: ranked diagnoses
 * from bundles, files or this host; {@code diagnose --host [LABEL=]PATH --host [LABEL=]PATH}: several hosts (the
 * two ends of the connections) diagnosed together ({@link HostsDiagnosis}).
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = {"Diagnose SMC problems from evidence bundles or this host.",
            "PATH: bundle directories, .tar.gz/.zip archives or single files (smcss.txt, dmesg.txt, ...);",
            "'-' reads a paste from standard input (a ticket or mail mixing several tools' outputs);",
            "an executable (ELF) among them is checked for static linking (smc_run cannot preload into it).",
            "Without PATH the evidence is collected from this host first (nothing is written).",
            "--format html writes one self-contained page (chart, evidence with the cited files' lines, copy buttons);",
            "--format markdown the same for a GitHub or Jira ticket.",
            "--host [LABEL=]PATH once per host (client, server): the hosts diagnosed",
            "together, connections joined, a peer's decline explained, the host to fix",
            "named, citations host:file:line (docs/two-hosts.md). An unreadable bundle is",
            "a warning and the others are diagnosed (exit 0); none readable, or one",
            "bundle for two hosts: exit 2."})
final class DiagnoseCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Bundle directories, archives or single evidence files.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--symptom", paramLabel = "TEXT",
            description = "What you observed, e.g. \"no speed-up\" or \"EADDRINUSE on port 65501\" (English or Japanese).")
    @Nullable String symptom;

    @Option(names = "--host", paramLabel = "[LABEL=]PATH",
            description = "One host's bundle, for diagnosing several hosts together (give it once per host, e.g."
                    + " --host client=c.tar.gz --host server=s.tar.gz); LABEL names the host when its bundle does not.")
    List<String> hosts = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (any format) instead of standard output.")
    @Nullable Path output;

    @Override
    public Integer call() throws IOException {
        if (output != null) {
            OutputFile.check(output);
        }
        if (!hosts.isEmpty()) {
            return diagnoseHosts();
        }
        // build the Diagnoser (catalog + rules) while the evidence is read: both take a few hundred ms cold
        CompletableFuture<Diagnoser> building = CompletableFuture.supplyAsync(
                () -> Diagnoser.builder().language(common.language()).cacheSize(0).build());
        List<BundleReader.Input> inputs = inputs();
        Evidence evidence = read(inputs);
        Diagnoser diagnoser = join(building);
        DiagnosisReport report = diagnoser.diagnose(evidence);
        String text;
        switch (common.format) {
            case json:
                text = report.toJson() + System.lineSeparator();
                break;
            case html:
            case markdown:
                // a page shows the lines around each citation: the same inputs (held in memory for the live host
                // and --symptom) are read again
                ReportDocument doc = ReportDocument.ofInputs(report, evidence, Catalog.bundled(), inputs,
                        new VersionProvider().getVersion()[0]);
                text = common.format == CommonOptions.Format.html ? doc.html() : doc.markdown();
                break;
            default:
                text = report.toText();
        }
        if (output != null) {
            OutputFile.write(output, text);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        }
        return Cli.OK;
    }

    /** {@code --host} given: several hosts' bundles diagnosed together. */
    private int diagnoseHosts() {
        if (!paths.isEmpty()) {
            throw new UsageException("give every host with --host [LABEL=]PATH, or the PATHs of one host without"
                    + " --host, not both (" + paths.get(0) + ")");
        }
        if (symptom != null) {
            throw new UsageException("--symptom describes what one host saw; with --host, put it in that host's bundle"
                    + " as symptom.txt");
        }
        List<HostsDiagnosis.HostArg> parsed = HostsDiagnosis.parse(hosts);
        CompletableFuture<Diagnoser> building = CompletableFuture.supplyAsync(
                () -> Diagnoser.builder().language(common.language()).cacheSize(0).build());
        String text = HostsDiagnosis.run(parsed, join(building), common.format, spec.commandLine().getErr(),
                new VersionProvider().getVersion()[0]);
        if (output != null) {
            OutputFile.write(output, text);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        }
        return Cli.OK;
    }

    private static Diagnoser join(CompletableFuture<Diagnoser> building) {
        try {
            return building.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
    }

    /**
     * What to read: the paths (or this host, collected into memory), plus the {@code --symptom} text as a
     * {@code symptom.txt} file held in memory. Nothing is written to disk.
     */
    private List<BundleReader.Input> inputs() {
        List<BundleReader.Input> inputs = new ArrayList<>();
        if (paths.isEmpty()) {
            inputs.add(new BundleReader.MemoryBundle("live", LiveCollector.create().collectFiles()));
        }
        paths.forEach(p -> inputs.add(new BundleReader.PathInput(p)));
        if (symptom != null && !symptom.isBlank()) {
            inputs.add(new BundleReader.MemoryFile(SourceKind.SYMPTOM.fileName(),
                    symptom.getBytes(StandardCharsets.UTF_8)));
        }
        return inputs;
    }

    /**
     * The evidence of the inputs; the path {@code -} reads a paste from standard input. One host's evidence, diagnosed
     * on its own: read without the connection index that only a diagnosis of several hosts joins.
     */
    private Evidence read(List<BundleReader.Input> inputs) {
        Progress progress = Progress.start(spec.commandLine().getErr(), paths);
        Evidence evidence = new BundleReader(EvidenceBundle.Limits.defaults(),
                paths.contains(Path.of(BundleReader.STDIN)) ? System.in : null).withoutConnections().readAll(inputs);
        progress.done(evidence);
        return evidence;
    }

    /**
     * Progress on stderr for big inputs when a person is watching (stderr of a terminal): what is being read and
     * how long it took. Silent for small inputs, pipes and CI.
     */
    private static final class Progress {
        private static final long BIG = 32L << 20;
        private final @Nullable PrintWriter err;
        private final long start = System.nanoTime();

        private Progress(@Nullable PrintWriter err) {
            this.err = err;
        }

        static Progress start(PrintWriter err, List<Path> inputs) {
            if (!stderrIsTerminal()) {
                return new Progress(null);
            }
            long bytes = 0;
            for (Path p : inputs) {
                try (Stream<Path> walk = Files.walk(p, 4)) {
                    bytes += walk.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
                } catch (IOException | RuntimeException e) {
                    // unreadable inputs are reported by the reader itself
                }
            }
            if (bytes < BIG) {
                return new Progress(null);
            }
            err.printf("smc-doctor: reading %d MB of evidence...%n", bytes >> 20);
            err.flush();
            return new Progress(err);
        }

        /** True when stderr is a terminal (Linux: /proc/self/fd/2 points at a tty; elsewhere: a console exists). */
        private static boolean stderrIsTerminal() {
            try {
                String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return System.console() != null;
            }
        }

        void done(Evidence evidence) {
            if (err != null) {
                err.printf("smc-doctor: read %d sockets, %d warnings in %.1f s; diagnosing...%n",
                        evidence.sockets().total() + evidence.sockets().listening(), evidence.warnings().size(),
                        (System.nanoTime() - start) / 1e9);
                err.flush();
            }
        }
    }

}
