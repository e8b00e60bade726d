package io.smcdoctor.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines that run {@link Main} in a child JVM on the test class path (as the shaded jar would run it). */
final class ChildJvm {
    private ChildJvm() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** {@code java [jvmOptions] -cp <test class path> io.smcdoctor.cli.Main args...}. */
    static List<String> command(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+UseSerialGC");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }
}
