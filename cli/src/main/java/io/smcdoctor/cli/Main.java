package io.smcdoctor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code smc-doctor} command. */
@Command(name = "smc-doctor",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Diagnoses Linux SMC (AF_SMC, SMC-R, SMC-D): why connections fall back to TCP and how to fix it.",
        subcommands = {
            DiagnoseCommand.class,
            CollectCommand.class,
            ExplainCommand.class,
            SockoptCommand.class,
            AskCommand.class,
            LintCommand.class,
            McpCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status (0 done, 1 lint findings, 2 bad usage or input). */
    public static int run(String... args) {
        return Cli.newCommandLine().execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
