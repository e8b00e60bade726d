package io.smcdoctor.cli.report;

import io.smcdoctor.Diagnoser;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Sample bundles, a bundle with hostile evidence, and reports made from them the way {@code diagnose} makes them. */
final class ReportFixtures {
    static final Path BUNDLES = Path.of("..", "samples", "bundles");
    static final String GENERATOR = "smc-doctor (test)";

    /** The attribute every injected script sets on the root element; present only if one ran. */
    static final String MARKER = "data-pwned";
    /** A script element in a cited smcss row. */
    static final String SCRIPT = "<script>document.documentElement.setAttribute('data-pwned','script')</script>";
    /** Breaks out of a double-quoted attribute into an image whose error handler runs. */
    static final String IMG = "\"><img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\">";
    /** Breaks out of a single-quoted attribute into an SVG whose load handler runs. */
    static final String SVG = "'><svg onload=document.documentElement.setAttribute('data-pwned','svg')>";
    /** A host name (no spaces, as uname prints it) that is markup. */
    static final String HOST = "\"><img/src/onerror=document.documentElement.setAttribute('data-pwned','host')>";
    /** Markdown that would link, embolden, break a table and open a code span. */
    static final String MARKDOWN = "[click](javascript:alert(1)) | **bold** ``` x";
    /** Terminal colours, a bell and a right-to-left override. */
    static final String CONTROLS = "\u001b[31mred\u001b[0m \u0007 \u202Eevil\u202C";

    private static final Map<Language, Diagnoser> DIAGNOSERS = new ConcurrentHashMap<>();

    private ReportFixtures() {
    }

    /** Every sample bundle directory, by name. */
    static List<Path> sampleBundles() {
        try (Stream<Path> s = Files.list(BUNDLES)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled diagnoser of a language, built once. */
    static Diagnoser diagnoser(Language language) {
        return DIAGNOSERS.computeIfAbsent(language, l -> Diagnoser.builder().language(l).cacheSize(0).build());
    }

    static DiagnosisReport diagnose(Path bundle, Language language) {
        return diagnoser(language).diagnose(EvidenceBundle.read(bundle));
    }

    /** The report document of a bundle, the cited files read again from it as {@code diagnose} does. */
    static ReportDocument document(List<Path> inputs, Language language) {
        Evidence evidence = EvidenceBundle.read(inputs);
        DiagnosisReport report = diagnoser(language).diagnose(evidence);
        return ReportDocument.of(report, evidence, Catalog.bundled(), inputs, GENERATOR);
    }

    static ReportDocument document(Path bundle, Language language) {
        return document(List.of(bundle), language);
    }

    /**
     * The ipv6-fallback sample with hostile text where a report shows evidence: a script element at the end of a
     * cited smcss row, attribute break-outs on the lines next to it (unrecognised rows: warnings that quote them, and
     * neighbours in the excerpt), a host name that is markup, a sysctl next to a cited one, Markdown and control
     * characters in the cited symptom, and a dmesg line longer than any parser keeps.
     */
    static Path hostileBundle(Path dir) throws IOException {
        Path src = BUNDLES.resolve("ipv6-fallback");
        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(src)) {
            for (Path f : s.toList()) {
                Files.copy(f, dir.resolve(f.getFileName().toString()));
            }
        }
        List<String> smcss = new ArrayList<>(Arrays.asList(read(dir, "smcss.txt").split("\n", -1)));
        smcss.set(6, smcss.get(6) + "  " + SCRIPT); // a cited row (0x05000000/0x03030000)
        smcss.add(7, IMG);
        smcss.add(9, SVG);
        write(dir, "smcss.txt", String.join("\n", smcss));
        write(dir, "uname.txt", read(dir, "uname.txt").replace("iZbp14qf8x2u7k0m9vjd3eZ", HOST));
        write(dir, "sysctl.txt", read(dir, "sysctl.txt").replace("net.ipv6.conf.all.disable_ipv6 = 0\n",
                "net.ipv6.conf.all.disable_ipv6 = 0\nnet.hostile.value = " + SCRIPT + "\n"));
        // after a blank line, a symptom line that names IPv6 (so the diagnosis cites it) and carries the rest
        write(dir, "symptom.txt", read(dir, "symptom.txt").strip() + "\n\nStill TCP over IPv6 addresses " + MARKDOWN + " " + IMG
                + " " + CONTROLS + "\n");
        write(dir, "dmesg.txt", read(dir, "dmesg.txt") + "[   99.000000] smc: " + "A".repeat(20_000) + SCRIPT + "\n");
        return dir;
    }

    private static String read(Path dir, String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
