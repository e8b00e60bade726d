package io.smcdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.catalog.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

class MainTest {
    /**
     * A command line that holds only the subcommand named first (start-up) answers every argument list exactly as
     * the command line with every subcommand: output, errors, help and exit status.
     */
    @Test
    void onlyTheNamedSubcommand_behavesAsTheFullCommandLine() {
        List<String[]> cases = List.of(
                new String[] {"explain", "0x03030000"},
                new String[] {"explain", "--help"},
                new String[] {"explain"},
                new String[] {"explain", "0x03030000", "--format", "xml"},
                new String[] {"explain", "0x0303000c", "--lang", "ja", "--format", "json"},
                new String[] {"explain", "0x03030000", "--bogus"},
                new String[] {"sockopt", "TCP_NODELAY"},
                new String[] {"sockopt", "TCP_NODLAY"},
                new String[] {"diagnose", "--help"},
                new String[] {"diagnose", "/nonexistent/bundle"},
                new String[] {"diagnose", "--bogus"},
                new String[] {"diagnose", "--format", "sarif", "/nonexistent/bundle"},
                new String[] {"diagnose", "--lang"},
                new String[] {"diagnose", "--version"},
                new String[] {"explain", "--version"},
                new String[] {"ask", "--help"},
                new String[] {"lint", "--help"},
                new String[] {"collect", "--help"},
                new String[] {"mcp", "--help"},
                new String[] {"lsp", "--help"},
                new String[] {"help", "explain"},
                new String[] {"--help"},
                new String[] {"explian", "0x03030000"},
                new String[] {});
        for (String[] args : cases) {
            CliRunner.Result lazy = CliRunner.run(Catalog.bundled(), args);
            CliRunner.Result full = CliRunner.runFull(Catalog.bundled(), args);
            assertThat(lazy).as(String.join(" ", args)).isEqualTo(full);
        }
        assertThat(Cli.newCommandLine(new Main(), "explain", "0x03030000").getSubcommands()).containsOnlyKeys("explain");
        assertThat(Cli.newCommandLine(new Main(), "help", "explain").getSubcommands()).containsKeys("diagnose",
                "explain", "sockopt", "ask", "lint", "mcp", "lsp", "collect", "help");
    }

    @Test
    void help_teachesWithExamples() {
        CliRunner.Result r = CliRunner.run("--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Commands:", "explain", "sockopt", "ask", "Examples:",
                "smc-doctor explain 0x05000000/0x03030000", "Exit status: 0 done");
    }

    @Test
    void subcommandHelp_hasItsOwnExamples() {
        CliRunner.Result r = CliRunner.run("explain", "--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: smc-doctor explain", "--format", "--lang", "smc-doctor explain 3030000");
    }

    @Test
    void version_printsName() {
        CliRunner.Result r = CliRunner.run("--version");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("smc-doctor ");
    }

    @Test
    void version_ofEverySubcommand_printsName() {
        for (String command : List.of("diagnose", "collect", "explain", "sockopt", "ask", "lint", "mcp", "lsp")) {
            CliRunner.Result r = CliRunner.run(command, "--version");

            assertThat(r.exit()).as(command).isZero();
            assertThat(r.out()).as(command).startsWith("smc-doctor ");
        }
    }

    @Test
    void options_needNoExcludedConverter() {
        // main() tells picocli to skip its java.time and java.sql converters: no option or parameter of any command
        // may have such a type, or it would fail to convert at run time
        List<String> typed = new ArrayList<>();
        Deque<CommandLine> commands = new ArrayDeque<>(List.of(Cli.newCommandLine()));
        while (!commands.isEmpty()) {
            CommandLine cl = commands.pop();
            commands.addAll(cl.getSubcommands().values());
            for (ArgSpec arg : cl.getCommandSpec().args()) {
                typed.add(arg.type().getName());
                for (Class<?> aux : arg.auxiliaryTypes()) {
                    typed.add(aux.getName());
                }
            }
        }

        assertThat(typed).contains("java.nio.file.Path", "int")
                .noneMatch(name -> name.matches(Main.EXCLUDED_CONVERTERS));
        assertThat("java.time.Duration").matches(Main.EXCLUDED_CONVERTERS);
        assertThat("java.sql.Timestamp").matches(Main.EXCLUDED_CONVERTERS);
    }

    @Test
    void launcher_runsThisMainClass() throws IOException {
        // ./smc-doctor runs the jar as '-cp JAR MAIN' (not -jar): MAIN must stay this class, the jar's Main-Class
        List<String> mains = Files.readAllLines(Path.of("..", "smc-doctor")).stream()
                .filter(line -> line.startsWith("MAIN="))
                .toList();

        assertThat(mains).containsExactly("MAIN=" + Main.class.getName());
    }

    @Test
    void noArguments_printsUsage() {
        assertThat(CliRunner.run().out()).startsWith("Usage: smc-doctor");
    }

    @Test
    void unknownCommand_exits2WithSuggestion() {
        CliRunner.Result r = CliRunner.run("explian", "0x03030000");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unmatched argument", "Did you mean", "explain");
    }

    @Test
    void missingArgument_exits2() {
        CliRunner.Result r = CliRunner.run("explain");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter", "smc-doctor explain --help");
    }

    @Test
    void badFormat_exits2() {
        CliRunner.Result r = CliRunner.run("explain", "0x03030000", "--format", "xml");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--format");
    }
}
