package io.smcdoctor.cli;

import io.smcdoctor.Diagnoser;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.adapters.host.LiveCollector;
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

/** {@code smc-doctor diagnose [PATH...] [--symptom TEXT]}: ranked diagnoses from bundles, files or this host. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = {"Diagnose SMC problems from evidence bundles or this host.",
            "PATH: bundle directories, .tar.gz/.zip archives or single files (smcss.txt, dmesg.txt, ...).",
            "Without PATH the evidence is collected from this host first (nothing is written)."})
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

    @Override
    public Integer call() throws IOException {
        Path tmp = symptom != null && !symptom.isBlank() ? Files.createTempDirectory("smc-doctor-") : null;
        try {
            // build the Diagnoser (catalog + rules) while the evidence is read: both take a few hundred ms cold
            CompletableFuture<Diagnoser> building = CompletableFuture.supplyAsync(
                    () -> Diagnoser.builder().language(common.language()).cacheSize(0).build());
            Evidence evidence = read(tmp);
            Diagnoser diagnoser = join(building);
            DiagnosisReport report = diagnoser.diagnose(evidence);
            PrintWriter out = spec.commandLine().getOut();
            out.print(common.json() ? report.toJson() + System.lineSeparator() : report.toText());
            out.flush();
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
     * like any other bundle file.
     */
    private Evidence read(@Nullable Path tmp) throws IOException {
        List<Path> inputs = new ArrayList<>(paths);
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
        return EvidenceBundle.read(inputs);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
