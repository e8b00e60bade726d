package io.smcdoctor.cli;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.lsp.SmcDoctorLanguageServer;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code smc-doctor lsp}: the language server on stdin/stdout for editors. Only this command loads the language
 * server and LSP4J (from {@link #call()}), so other commands start as before. Nothing but protocol messages goes to
 * stdout; anything else printed goes to stderr.
 */
@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = {"Run a language server (LSP) on stdio for editors: socket options that break or degrade SMC,"
            + " shown while code is written (C/C++, Java, Go, Python, Rust).",
            "Diagnostics, hovers (en/ja from the editor's locale), code actions, command smc-doctor.explain.",
            "Editor setups (VS Code, Neovim, Emacs): docs/ide.md.",
            "Exit status: 0 after shutdown and exit, 1 when the editor went away without shutdown."})
final class LspCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--stdio", description = "Use stdin/stdout (the default and only transport; accepted because"
            + " some clients add it).")
    boolean stdio;

    @Override
    public Integer call() {
        Catalog catalog = main.catalog();
        // LSP4J logs through java.util.logging to stderr; its INFO lines (stream closed) are noise for editors.
        // The logger is held here so the level stays set while the server runs.
        Logger lsp4j = Logger.getLogger("org.eclipse.lsp4j");
        Level level = lsp4j.getLevel();
        lsp4j.setLevel(Level.WARNING);
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            OutputStream protocol = new FileOutputStream(FileDescriptor.out);
            return SmcDoctorLanguageServer.of(catalog).serve(System.in, protocol);
        } finally {
            System.setOut(stdout);
            lsp4j.setLevel(level);
        }
    }
}
