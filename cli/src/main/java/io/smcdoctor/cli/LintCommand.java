package io.smcdoctor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.KernelNote;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.TargetKernel;
import io.smcdoctor.engine.internal.project.OverCatalog;
import io.smcdoctor.lint.LintFinding;
import io.smcdoctor.lint.LintFinding.Level;
import io.smcdoctor.lint.LintReport;
import io.smcdoctor.lint.LintReport.SkippedFile;
import io.smcdoctor.lint.SourceScanner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code smc-doctor lint PATH...}: socket options in source code that break or degrade SMC. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Find socket options in source code that break or degrade SMC.",
            "Scans C/C++, Java (JDK, Netty), Go, Python and Rust (socket2, libc) files; directories are walked,",
            "skipping .git, target, build and node_modules. N options (SMC falls back to TCP, or the call fails) are",
            "errors, M options (work differently on SMC) are warnings. Some verdicts depend on the kernel",
            "(SO_REUSEPORT fails on 6.13, 6.12.9, 6.6.70, 6.1.124, 5.15.176 and later): --kernel judges for one",
            "kernel; without it every possible verdict is named and the strictest sets the level."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  smc-doctor lint src/",
            "  smc-doctor lint --kernel 6.12.9 src/                    (the kernel the servers run on)",
            "  smc-doctor lint --format sarif . > smc-doctor.sarif     (GitHub code scanning, IDE SARIF viewers)",
            "  smc-doctor lint --include-supported server.c           (also list options that work)",
            "",
            "Exit status: 0 no errors, 1 at least one error-level finding, 2 bad usage or a missing path."})
final class LintCommand implements Callable<Integer>, CommonOptions.Holder {
    static final String SCHEMA = "smc-doctor/lint/v1";

    final CommonOptions common = new CommonOptions();

    @ParentCommand
    Main main;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Source files or directories.")
    List<Path> paths;

    @Option(names = "--include-supported",
            description = "Also report options that work on SMC (Y) and reads of M options, as notes.")
    boolean includeSupported;

    @Option(names = "--kernel", paramLabel = "RELEASE", description = SockoptCommand.KERNEL_HELP)
    String kernel;

    @Option(names = "--max-file-size", paramLabel = "BYTES", defaultValue = "2097152",
            description = "Skip files larger than this (default: ${DEFAULT-VALUE}).")
    long maxFileBytes;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        if (maxFileBytes < 1) {
            throw new UsageException("--max-file-size must be at least 1, was " + maxFileBytes);
        }
        for (Path p : paths) {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new UsageException("lint: " + p + ": no such file or directory");
            }
        }
        TargetKernel target = SockoptCommand.targetKernel(kernel);
        SourceScanner scanner = SourceScanner
                .builder(OverCatalog.sockoptAdvisor(main.catalog()).forKernel(target.text()))
                .maxFileBytes(maxFileBytes).reportSupported(includeSupported).build();
        LintReport report = scanner.scan(paths, Path.of("").toAbsolutePath());
        Language lang = common.language();
        PrintWriter out = main.spec.commandLine().getOut();
        PrintWriter err = main.spec.commandLine().getErr();
        switch (common.format) {
            case sarif:
                report.writeSarif(version(), lang, out);
                out.println();
                break;
            case json:
                out.println(json(report, lang, main.catalog()));
                break;
            default:
                text(out, err, report, lang, target);
                break;
        }
        out.flush();
        err.flush();
        return report.hasErrors() ? Cli.FINDINGS : Cli.OK;
    }

    private static void text(PrintWriter out, PrintWriter err, LintReport report, Language lang, TargetKernel target) {
        for (LintFinding f : report.findings()) {
            out.println(f.toCompilerLine(lang));
        }
        for (SkippedFile s : report.skipped()) {
            err.println(s.file() + ": note: skipped: " + s.reason());
        }
        if (!report.findings().isEmpty()) {
            err.println("smc-doctor lint: " + Labels.VERDICT_FOR.in(lang) + ": " + target.label().get(lang)
                    + (target.kind() == TargetKernel.Kind.ANY ? " (--kernel RELEASE judges for one kernel)" : "")
                    + "; details per kernel: smc-doctor sockopt NAME --kernel RELEASE");
        }
        err.println(String.format(Locale.ROOT, "smc-doctor lint: %d error(s), %d warning(s), %d note(s) in %d file(s)",
                report.count(Level.ERROR), report.count(Level.WARNING), report.count(Level.NOTE),
                report.filesScanned()));
    }

    /**
     * {@code {"schema": "smc-doctor/lint/v1", "filesScanned", "findings": [{"file", "line", "column", "level",
     * "ruleId", "option", "sockoptLevel", "support", "seedSupport", "kernel", "usage", "symbol", "fallbackCodes", "message",
     * "verdictFor", "kernelNotes"}], "skipped": [{"file", "reason"}]}}; {@code support} is the verdict on
     * {@code kernel} ({@code "any"}: the strictest possible one), {@code seedSupport} the seed FAQ's letter.
     */
    static String json(LintReport report, Language lang, Catalog catalog) {
        Json json = new Json();
        ObjectNode root = json.object();
        root.put("schema", SCHEMA);
        root.put("filesScanned", report.filesScanned());
        ArrayNode findings = root.putArray("findings");
        for (LintFinding f : report.findings()) {
            ObjectNode n = findings.addObject();
            n.put("file", f.file());
            n.put("line", f.line());
            n.put("column", f.column());
            n.put("level", f.level().sarif());
            n.put("ruleId", f.ruleId());
            n.put("option", f.subject());
            n.put("sockoptLevel", f.advice().level());
            n.put("support", f.advice().support().name());
            n.put("seedSupport", f.advice().seedSupport().name());
            n.put("kernel", f.advice().kernel().isEmpty() ? "any" : f.advice().kernel());
            n.put("usage", f.usage().name().toLowerCase(Locale.ROOT));
            n.put("symbol", f.symbol());
            Json.strings(n, "fallbackCodes", f.advice().fallbackCodes());
            n.put("message", f.message(lang));
            n.put("verdictFor", f.advice().kernelLabel(lang));
            ArrayNode notes = n.putArray("kernelNotes");
            for (KernelNote k : SockoptCommand.option(catalog, f.advice()).kernelNotes()) {
                notes.addObject().put("kernels", k.kernels()).put("text", k.text().get(lang));
            }
        }
        ArrayNode skipped = root.putArray("skipped");
        for (SkippedFile s : report.skipped()) {
            skipped.addObject().put("file", s.file()).put("reason", s.reason());
        }
        return json.write(root);
    }

    private static String version() {
        String v = LintCommand.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
