package io.smcdoctor.cli;

import io.smcdoctor.catalog.Catalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line in-process over a given catalog and captures its output. */
final class CliRunner {
    record Result(int exit, String out, String err) {
    }

    private CliRunner() {
    }

    static Result run(String... args) {
        return run(Catalog.bundled(), args);
    }

    static Result run(Catalog catalog, String... args) {
        return run(Cli.newCommandLine(new Main(() -> catalog), args), args);
    }

    /** Runs {@code args} on the command line with every subcommand, as before a subcommand is picked. */
    static Result runFull(Catalog catalog, String... args) {
        return run(Cli.newCommandLine(new Main(() -> catalog)), args);
    }

    private static Result run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
