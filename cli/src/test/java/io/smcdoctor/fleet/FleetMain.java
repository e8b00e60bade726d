package io.smcdoctor.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for the fleet module's {@code io.smcdoctor.fleet.FleetMain} (which the CLI never has on its class path),
 * for FleetCommandTest: records its arguments and one JVM option in the file named by {@code -Dfake.fleet.out}, then
 * exits with status 3 so that the test sees the status pass through.
 */
public final class FleetMain {
    private FleetMain() {
    }

    public static void main(String[] args) throws IOException {
        String record = "netty=" + System.getProperty("io.netty.tryReflectionSetAccessible") + "\n"
                + "heap=" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "\n" + String.join("\n", args) + "\n";
        Files.writeString(Path.of(System.getProperty("fake.fleet.out")), record, StandardCharsets.UTF_8);
        System.exit(3);
    }
}
