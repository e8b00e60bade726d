package io.smcdoctor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code smc-doctor lint}. (Placeholder until its issue lands.) */
@Command(name = "lint", mixinStandardHelpOptions = true, description = "Find socket options in source code that break or degrade SMC.")
final class LintCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'lint' is not implemented yet");
    }
}
