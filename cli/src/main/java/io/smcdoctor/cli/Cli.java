package io.smcdoctor.cli;

import io.smcdoctor.catalog.SmcDoctorException;
import picocli.CommandLine;

/** Builds the configured picocli {@link CommandLine}: exit codes and error handling shared by all commands. */
final class Cli {
    /** Command finished. */
    static final int OK = 0;
    /** {@code lint} found problems at error level. */
    static final int FINDINGS = 1;
    /** Bad usage or unreadable input. */
    static final int USAGE = 2;

    private Cli() {
    }

    static CommandLine newCommandLine() {
        return newCommandLine(new Main());
    }

    static CommandLine newCommandLine(Main main) {
        CommandLine cl = new CommandLine(main);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("smc-doctor: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, ex.getCommandLine().getErr());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean debug = parseResult.originalArgs().contains("--debug");
            if (debug) {
                ex.printStackTrace(commandLine.getErr());
            }
            if (ex instanceof UsageException) {
                commandLine.getErr().println("smc-doctor: " + ex.getMessage());
                return USAGE;
            }
            String msg = ex instanceof SmcDoctorException || ex instanceof IllegalArgumentException
                    ? ex.getMessage() : ex.getClass().getSimpleName() + ": " + ex.getMessage();
            commandLine.getErr().println("smc-doctor: " + msg + (debug ? "" : " (--debug shows details)"));
            return USAGE;
        });
        return cl;
    }
}
