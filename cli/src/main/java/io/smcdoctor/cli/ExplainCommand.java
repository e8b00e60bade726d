package io.smcdoctor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code smc-doctor explain}. (Placeholder until its issue lands.) */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Explain an SMC fallback reason code.")
final class ExplainCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'explain' is not implemented yet");
    }
}
