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
        CommandLine cl = Cli.newCommandLine(new Main(() -> catalog));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
