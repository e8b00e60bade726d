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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code smc-doctor diagnose [PATH...] [--symptom TEXT] [--format text|json|html|markdown] [-o FILE]}: ranked diagnoses
 * from bundles, files or this host; {@code diagnose --host [LABEL=]PATH --host [LABEL=]PATH}: several hosts (the
 * two ends of the connections) diagnosed together ({@link HostsDiagnosis}).
 */
final class DiagnoseCommand implements Callable<Integer>, CommonOptions.Holder {
    /** The usage message's description, a line each. */
    private static final String[] DESCRIPTION = {
        "Diagnose SMC problems from evidence bundles or this host.",
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
        "bundle for two hosts: exit 2."};

    final CommonOptions common = new CommonOptions();
    private CommandSpec spec;
    private List<Path> paths = new ArrayList<>();
    private @Nullable String symptom;
    private List<String> hosts = new ArrayList<>();
    private @Nullable Path output;

    private DiagnoseCommand() {
    }

    /**
     * A new command and its picocli model (the common options are added by {@link Cli}). Built by hand rather than
     * from annotations: picocli's reflection over an annotated command (annotation proxies generated at run time) was
     * a fifth of the CPU of a cold {@code diagnose}, the command whose start-up matters most.
     */
    static CommandSpec newSpec() {
        DiagnoseCommand cmd = new DiagnoseCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(cmd).name("diagnose");
        cmd.spec = spec;
        spec.usageMessage().description(DESCRIPTION);
        Cli.addStandardHelpOptions(spec);
        Bindings pathsField = Bindings.of(() -> cmd.paths, v -> cmd.paths = listOf(v, Path.class));
        spec.addPositional(PositionalParamSpec.builder().paramLabel("PATH").arity("0..*")
                .type(List.class).auxiliaryTypes(Path.class)
                .description("Bundle directories, archives or single evidence files.")
                .getter(pathsField).setter(pathsField).build());
        Bindings symptomField = Bindings.of(() -> cmd.symptom, v -> cmd.symptom = (String) v);
        spec.addOption(OptionSpec.builder("--symptom").paramLabel("TEXT").type(String.class)
                .description("What you observed, e.g. \"no speed-up\" or \"EADDRINUSE on port 65501\" (English or"
                        + " Japanese).")
                .getter(symptomField).setter(symptomField).build());
        Bindings hostsField = Bindings.of(() -> cmd.hosts, v -> cmd.hosts = listOf(v, String.class));
        spec.addOption(OptionSpec.builder("--host").paramLabel("[LABEL=]PATH")
                .type(List.class).auxiliaryTypes(String.class)
                .description("One host's bundle, for diagnosing several hosts together (give it once per host, e.g."
                        + " --host client=c.tar.gz --host server=s.tar.gz); LABEL names the host when its bundle does"
                        + " not.")
                .getter(hostsField).setter(hostsField).build());
        Bindings outputField = Bindings.of(() -> cmd.output, v -> cmd.output = (Path) v);
        spec.addOption(OptionSpec.builder("-o", "--output").paramLabel("FILE").type(Path.class)
                .description("Write the report to FILE (any format) instead of standard output.")
                .getter(outputField).setter(outputField).build());
        return spec;
    }

    /** A list picocli set (a list of {@code type}), or an empty one for {@code null}. */
    private static <T> List<T> listOf(@Nullable Object value, Class<T> type) {
        List<T> list = new ArrayList<>();
        if (value != null) {
            for (Object o : (List<?>) value) {
                list.add(type.cast(o));
            }
        }
        return list;
    }

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() throws IOException {
        if (output != null) {
            OutputFile.check(output);
        }
        if (!hosts.isEmpty()) {
            return diagnoseHosts();
        }
        List<BundleReader.Input> inputs = inputs();
        Evidence evidence = read(inputs);
        Diagnoser diagnoser = Diagnoser.builder().language(common.language()).cacheSize(0).build();
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
     * once and on its own: read without the connection index that only a diagnosis of several hosts joins, and without
     * the fingerprint that would key a cache this process never asks again.
     */
    private Evidence read(List<BundleReader.Input> inputs) {
        Progress progress = Progress.start(spec.commandLine().getErr(), paths);
        Evidence evidence = new BundleReader(EvidenceBundle.Limits.defaults(),
                paths.contains(Path.of(BundleReader.STDIN)) ? System.in : null).withoutConnections()
                .withoutFingerprint().readAll(inputs);
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
