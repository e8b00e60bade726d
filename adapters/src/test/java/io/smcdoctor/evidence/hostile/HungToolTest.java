package io.smcdoctor.evidence.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.internal.CommandResult;
import io.smcdoctor.evidence.internal.CommandRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tools that misbehave on purpose cannot hang collection: one that ignores SIGTERM, one that floods its output,
 * one that exits while a daemonised grandchild keeps its output pipe open. ({@code LiveCollectorTest} covers a
 * tool that sleeps past the timeout and the killing of its process tree.)
 */
class HungToolTest {
    /** A sleep length no other process on the machine uses, so leftovers can be found (and ended) by it. */
    private static final String MARK = "47.4711";

    @TempDir
    Path tools;

    @AfterEach
    void endOurLeftovers() {
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("sleep " + MARK)).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    private Path script(String name, String body) throws IOException {
        Path p = tools.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private CommandRunner runner(Duration timeout) {
        return new CommandRunner(List.of(tools, Path.of("/usr/bin"), Path.of("/bin")), timeout, 1 << 20, Map.of());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void run_toolIgnoringSigterm_isKilledAtTheTimeout() throws IOException {
        script("stubborn", "trap '' TERM INT HUP\necho started\nsleep " + MARK + "\n");
        long start = System.nanoTime();

        CommandResult r = runner(Duration.ofMillis(1000)).run(List.of("stubborn"));

        assertThat(r.status()).isEqualTo(CommandResult.Status.TIMEOUT);
        assertThat(new String(r.output(), StandardCharsets.UTF_8)).contains("started");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void run_toolWhoseDaemonKeepsThePipeOpen_returnsSoonAfterItExits() throws IOException {
        // the grandchild leaves the process tree (setsid, re-parented once the tool exits) but inherits stdout
        script("daemonising", "setsid sleep " + MARK + " &\necho parent done\nexit 0\n");
        long start = System.nanoTime();

        CommandResult r = runner(Duration.ofSeconds(20)).run(List.of("daemonising"));

        assertThat(r.status()).isEqualTo(CommandResult.Status.OK);
        assertThat(new String(r.output(), StandardCharsets.UTF_8)).contains("parent done");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).as("not the 20 s timeout").isLessThan(10);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void run_toolFloodingItsOutput_isCutAtTheBoundAndKilled() throws IOException {
        script("flood", "exec /usr/bin/yes smc\n");

        CommandResult r = runner(Duration.ofMillis(1500)).run(List.of("flood"));

        assertThat(r.status()).isEqualTo(CommandResult.Status.TIMEOUT);
        assertThat(r.truncated()).isTrue();
        assertThat(r.output().length).isEqualTo(1 << 20);
    }
}
