package io.smcdoctor.evidence.internal;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs fixed argument lists without a shell: the executable is looked up on an explicit search path, stdin
 * is empty, stdout and stderr are captured together up to a bound (the rest is drained and dropped), and a
 * command that outlives its timeout is killed together with its whole process tree. Never throws for what
 * a command does. Thread-safe; each {@link #run} is independent.
 */
public final class CommandRunner {
    private static final long JOIN_MILLIS = 2_000;

    private final List<Path> searchPath;
    private final Duration timeout;
    private final long maxOutputBytes;
    private final Map<String, String> environment;

    /**
     * A runner.
     *
     * @param searchPath     directories searched for executables, in order; also the child's {@code PATH}
     * @param timeout        how long one command may run
     * @param maxOutputBytes bytes of output kept per command
     * @param environment    variables set for the child in addition to {@code PATH} (e.g. {@code LC_ALL=C})
     */
    public CommandRunner(List<Path> searchPath, Duration timeout, long maxOutputBytes, Map<String, String> environment) {
        this.searchPath = List.copyOf(searchPath);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (maxOutputBytes <= 0 || maxOutputBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxOutputBytes must be in [1, 2^31-17], was " + maxOutputBytes);
        }
        this.maxOutputBytes = maxOutputBytes;
        this.environment = Map.copyOf(environment);
    }

    /** The executable a command name resolves to on the search path, if installed. */
    public Optional<Path> which(String command) {
        if (command.contains("/")) {
            Path p = Path.of(command);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir : searchPath) {
            Path p = dir.resolve(command);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Runs {@code argv} (argv[0] is looked up on the search path). */
    public CommandResult run(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must name a command");
        }
        long start = System.nanoTime();
        Optional<Path> exe = which(argv.get(0));
        if (exe.isEmpty()) {
            return new CommandResult(argv, CommandResult.Status.NOT_INSTALLED, -1, 0, new byte[0], false,
                    argv.get(0) + ": not found on the search path");
        }
        List<String> cmd = new ArrayList<>(argv);
        cmd.set(0, exe.get().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.put("PATH", String.join(File.pathSeparator, searchPath.stream().map(Path::toString).toList()));
        env.putAll(environment);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            return new CommandResult(argv, CommandResult.Status.ERROR, -1, millisSince(start), new byte[0], false,
                    "cannot start " + exe.get() + ": " + e.getMessage());
        }
        Capture capture = new Capture(process.getInputStream(), maxOutputBytes);
        Thread reader = new Thread(capture, "smc-doctor-output-" + argv.get(0));
        reader.setDaemon(true);
        reader.start();
        boolean exited;
        try {
            exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killTree(process);
            join(reader, process);
            return new CommandResult(argv, CommandResult.Status.ERROR, -1, millisSince(start), capture.bytes(),
                    capture.truncated(), "interrupted");
        }
        if (!exited) {
            killTree(process);
            join(reader, process);
            return new CommandResult(argv, CommandResult.Status.TIMEOUT, -1, millisSince(start), capture.bytes(),
                    capture.truncated(), "killed after " + timeout.toMillis() + " ms");
        }
        join(reader, process);
        int code = process.exitValue();
        return new CommandResult(argv, code == 0 ? CommandResult.Status.OK : CommandResult.Status.ERROR, code,
                millisSince(start), capture.bytes(), capture.truncated(), code == 0 ? "" : "exit code " + code);
    }

    private static void killTree(Process process) {
        // descendants first: once the parent dies they are re-parented and no longer found
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(JOIN_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread reader, Process process) {
        try {
            reader.join(JOIN_MILLIS);
            if (reader.isAlive()) {
                // a grandchild that escaped still holds the pipe: stop reading
                process.getInputStream().close();
                reader.join(JOIN_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // closing the pipe failed: the daemon reader ends with the JVM at the latest
        }
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /** Drains a stream, keeping at most {@code max} bytes. */
    private static final class Capture implements Runnable {
        private final InputStream in;
        private final long max;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private boolean truncated;

        Capture(InputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public void run() {
            byte[] buf = new byte[64 * 1024];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (this) {
                        int keep = (int) Math.min(n, max - kept.size());
                        if (keep > 0) {
                            kept.write(buf, 0, keep);
                        }
                        if (keep < n) {
                            truncated = true;
                        }
                    }
                }
            } catch (IOException e) {
                // pipe closed after a kill: keep what was read
            }
        }

        synchronized byte[] bytes() {
            return kept.toByteArray();
        }

        synchronized boolean truncated() {
            return truncated;
        }
    }
}
