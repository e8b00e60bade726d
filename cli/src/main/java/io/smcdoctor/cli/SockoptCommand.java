package io.smcdoctor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code smc-doctor sockopt}. (Placeholder until its issue lands.) */
@Command(name = "sockopt", mixinStandardHelpOptions = true, description = "Tell whether a socket option works on SMC sockets.")
final class SockoptCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'sockopt' is not implemented yet");
    }
}
