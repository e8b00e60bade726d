package io.smcdoctor.cli;

import io.smcdoctor.Diagnoser;
import io.smcdoctor.KnowledgeBase;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.engine.internal.project.OverCatalog;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code smc-doctor} command. Knows nothing about the diagnosis engine: each subcommand loads only what it
 * needs, so {@code explain} and {@code sockopt} start without the rule engine. The subcommands are added by
 * {@link Cli#newCommandLine(Main, String...)}: only the one that runs when the first argument names it.
 */
@Command(name = "smc-doctor",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Diagnoses Linux SMC (AF_SMC, SMC-R, SMC-D): why connections fall back to TCP and how to fix it.",
            ""},
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  smc-doctor diagnose bundle.tar.gz         diagnose a bundle from a customer",
            "  smc-doctor diagnose                       diagnose this host (live)",
            "  smc-doctor diagnose --host client=c.tar.gz --host server=s.tar.gz   both ends together",
            "  smc-doctor explain 0x05000000/0x03030000  what a code in 'smcss -a' means",
            "  smc-doctor sockopt TCP_FASTOPEN           does this option work on SMC?",
            "  smc-doctor ask \"SMC gives no speed-up\"    answers, English or Japanese",
            "  smc-doctor explain 0x0303000c --lang ja   Japanese output",
            "  smc-doctor sockopt TCP_NODELAY --format json",
            "  smc-doctor lsp                            language server for editors (docs/ide.md)",
            "  smc-doctor fleet /data/bundles            many hosts' bundles on Spark (local mode)",
            "",
            "Exit status: 0 done, 1 lint found problems, 2 bad usage or unreadable input.",
            "Add --debug to any command to see a stack trace on errors."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Supplier<Catalog> catalogSource;
    private Catalog catalog;
    private KnowledgeBase knowledgeBase;

    /** picocli's system property naming, as regular expressions, the types whose built-in converters it skips. */
    static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";
    static final String EXCLUDED_CONVERTERS = "java\\.(time|sql)\\..*";

    /** A command line over the bundled catalog. */
    public Main() {
        this(Catalog::bundled);
    }

    Main(Supplier<Catalog> catalogSource) {
        this.catalogSource = catalogSource;
    }

    /** Entry point: runs the command line and exits with its status. Output is UTF-8. */
    public static void main(String[] args) {
        if (args.length > 0 && "diagnose".equals(args[0])) {
            Diagnoser.preload(); // the rules load while picocli builds its model and parses
        }
        // picocli registers a converter for each java.time and java.sql type by reflection whenever it is set up
        // (Class.forName of twenty classes, some with costly static set-up: ~4 ms of a cold run); no option of this
        // tool has such a type (MainTest.options_needNoExcludedConverter), so they are left out unless asked for
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, EXCLUDED_CONVERTERS);
        }
        CommandLine cl = Cli.newCommandLine(new Main(), args);
        cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        System.exit(cl.execute(args));
    }

    /** Runs the command line and returns the exit status (0 done, 1 lint findings, 2 bad usage or input). */
    public static int run(String... args) {
        return Cli.newCommandLine(new Main(), args).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The catalog, loaded on first use. */
    Catalog catalog() {
        if (catalog == null) {
            catalog = catalogSource.get();
        }
        return catalog;
    }

    /** The knowledge base over {@link #catalog()}, created on first use. */
    KnowledgeBase knowledgeBase() {
        if (knowledgeBase == null) {
            knowledgeBase = OverCatalog.knowledgeBase(catalog());
        }
        return knowledgeBase;
    }
}
