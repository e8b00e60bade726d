package io.smcdoctor.cli;

import picocli.CommandLine;

/** Prints the version from the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"smc-doctor " + (v == null ? "(development build)" : v)};
    }
}
