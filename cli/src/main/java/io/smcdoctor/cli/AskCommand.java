package io.smcdoctor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code smc-doctor ask}. (Placeholder until its issue lands.) */
@Command(name = "ask", mixinStandardHelpOptions = true, description = "Answer a question about SMC (English or Japanese).")
final class AskCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'ask' is not implemented yet");
    }
}
