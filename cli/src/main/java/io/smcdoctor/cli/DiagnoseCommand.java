package io.smcdoctor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code smc-doctor diagnose}. (Placeholder until its issue lands.) */
@Command(name = "diagnose", mixinStandardHelpOptions = true, description = "Diagnose SMC problems from evidence bundles or this host.")
final class DiagnoseCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'diagnose' is not implemented yet");
    }
}
