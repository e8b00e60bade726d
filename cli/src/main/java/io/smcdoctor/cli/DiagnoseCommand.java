package io.smcdoctor.cli;

import io.smcdoctor.Diagnoser;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.adapters.host.LiveCollector;
import io.smcdoctor.cli.report.ReportDocument;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.SourceKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
 * from bundles, files or this host.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = {"Diagnose SMC problems from evidence bundles or this host.",
            "PATH: bundle directories, .tar.gz/.zip archives or single files (smcss.txt, dmesg.txt, ...);",
            "'-' reads a paste from standard input (a ticket or mail mixing several tools' outputs);",
            "an executable (ELF) among them is checked for static linking (smc_run cannot preload into it).",
            "Without PATH the evidence is collected from this host first (nothing is written).",
            "--format html writes one self-contained page (chart, evidence with the cited files' lines, copy buttons);",
            "--format markdown the same for a GitHub or Jira ticket."})
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

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (any format) instead of standard output.")
    @Nullable Path output;

    @Override
    public Integer call() throws IOException {
        if (output != null) {
            OutputFile.check(output);
        }
        // a page shows the lines around each citation: live evidence is then collected into files first
        boolean page = common.format == CommonOptions.Format.html || common.format == CommonOptions.Format.markdown;
        boolean hasSymptom = symptom != null && !symptom.isBlank();
        Path tmp = hasSymptom || page && paths.isEmpty() ? Files.createTempDirectory("smc-doctor-") : null;
        try {
            // build the Diagnoser (catalog + rules) while the evidence is read: both take a few hundred ms cold
            CompletableFuture<Diagnoser> building = CompletableFuture.supplyAsync(
                    () -> Diagnoser.builder().language(common.language()).cacheSize(0).build());
            List<Path> inputs = new ArrayList<>(paths);
            Evidence evidence = read(tmp, inputs);
            Diagnoser diagnoser = join(building);
            DiagnosisReport report = diagnoser.diagnose(evidence);
            String text;
            switch (common.format) {
                case json:
                    text = report.toJson() + System.lineSeparator();
                    break;
                case html:
                case markdown:
                    ReportDocument doc = ReportDocument.of(report, evidence, diagnoser.catalog(), inputs,
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
        } finally {
            if (tmp != null) {
                deleteTree(tmp);
            }
        }
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
     * The evidence of the paths (or of this host), plus the {@code --symptom} text as a {@code symptom.txt} file read
     * like any other bundle file. {@code inputs} starts as the paths and ends as every file or directory read.
     */
    private Evidence read(@Nullable Path tmp, List<Path> inputs) throws IOException {
        if (inputs.isEmpty()) {
            if (tmp == null) {
                return LiveCollector.create().collectEvidence();
            }
            Path live = tmp.resolve("live");
            LiveCollector.create().collect(live);
            inputs.add(live);
        }
        if (tmp != null) {
            Path file = tmp.resolve(SourceKind.SYMPTOM.fileName());
            Files.writeString(file, symptom, StandardCharsets.UTF_8);
            inputs.add(file);
        }
        Progress progress = Progress.start(spec.commandLine().getErr(), inputs);
        Evidence evidence = inputs.contains(Path.of("-")) ? EvidenceBundle.read(inputs, System.in)
                : EvidenceBundle.read(inputs);
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

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
