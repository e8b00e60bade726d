package io.smcdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
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
