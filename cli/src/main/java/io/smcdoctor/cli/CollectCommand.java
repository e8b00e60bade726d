package io.smcdoctor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code smc-doctor collect}. (Placeholder until its issue lands.) */
@Command(name = "collect", mixinStandardHelpOptions = true, description = "Collect an evidence bundle from this host.")
final class CollectCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'collect' is not implemented yet");
    }
}
