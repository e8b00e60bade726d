package io.smcdoctor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code smc-doctor mcp}. (Placeholder until its issue lands.) */
@Command(name = "mcp", mixinStandardHelpOptions = true, description = "Run a Model Context Protocol server on stdio for chat clients.")
final class McpCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'mcp' is not implemented yet");
    }
}
