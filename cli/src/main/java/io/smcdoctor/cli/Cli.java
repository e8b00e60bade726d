package io.smcdoctor.cli;

import io.smcdoctor.catalog.SmcDoctorException;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

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

    /**
     * The subcommands in the order of the usage message: a class picocli builds the model of from its annotations,
     * or a supplier of a model built by hand.
     */
    private static final List<Object> SUBCOMMANDS = List.of((Supplier<CommandSpec>) DiagnoseCommand::newSpec,
            CollectCommand.class, ExplainCommand.class, SockoptCommand.class, AskCommand.class, LintCommand.class,
            McpCommand.class, LspCommand.class, FleetCommand.class, CommandLine.HelpCommand.class);
    /** Their names, in the same order (the {@code name} of each one's {@code @Command}). */
    private static final List<String> NAMES = List.of("diagnose", "collect", "explain", "sockopt", "ask", "lint", "mcp",
            "lsp", "fleet", "help");

    static CommandLine newCommandLine() {
        return newCommandLine(new Main());
    }

    /** The command line with every subcommand. */
    static CommandLine newCommandLine(Main main) {
        return newCommandLine(main, new String[0]);
    }

    /**
     * The command line for these arguments. When the first one names a subcommand (other than {@code help}), only
     * that subcommand is added: picocli builds the model of every subcommand it is given by reflection over its
     * annotated fields, a third of the start-up of {@code explain}, and the others cannot run. The subcommand
     * parses, reports errors and prints its help as it does in the full command line; anything else (no arguments,
     * {@code --help}, {@code help}, a misspelt command that gets suggestions) gets every subcommand.
     */
    static CommandLine newCommandLine(Main main, String... arguments) {
        int only = arguments.length > 0 ? NAMES.indexOf(arguments[0]) : -1;
        if (only == NAMES.indexOf("help")) {
            only = -1;
        }
        // with one subcommand the top level only hands the arguments on to it: its model is built by hand, without
        // picocli's reflection over Main's annotations and methods (a fifth of the main thread of a cold 'diagnose')
        CommandLine cl;
        if (only < 0) {
            cl = new CommandLine(main);
        } else {
            CommandSpec top = CommandSpec.wrapWithoutInspection(main).name("smc-doctor");
            cl = new CommandLine(top);
            main.spec = top; // what picocli injects into Main's @Spec field: the subcommands write through it
        }
        for (int i = 0; i < SUBCOMMANDS.size(); i++) {
            if (only < 0 || i == only) {
                Object command = SUBCOMMANDS.get(i);
                cl.addSubcommand(NAMES.get(i), command instanceof Supplier ? ((Supplier<?>) command).get() : command);
                CommandSpec added = cl.getSubcommands().get(NAMES.get(i)).getCommandSpec();
                // -V on a subcommand prints the tool's version, as on the top level
                added.versionProvider(new VersionProvider());
                if (added.userObject() instanceof CommonOptions.Holder) {
                    added.addMixin("common", ((CommonOptions.Holder) added.userObject()).common().mixinOf(added));
                }
            }
        }
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

    /**
     * Adds {@code -h, --help} and {@code -V, --version} to a command model built by hand, as picocli's
     * {@code mixinStandardHelpOptions} does for an annotated one (which it builds by reflection).
     */
    static void addStandardHelpOptions(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
    }
}
