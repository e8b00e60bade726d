package io.smcdoctor.adapters.host;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.facts.CollectedCommand;
import io.smcdoctor.evidence.internal.BundleReader;
import io.smcdoctor.evidence.internal.CommandRunner;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Gathers an evidence bundle from this host: runs the SMC and RDMA tools that are installed with fixed
 * argument lists (no shell) and a timeout each, reads the relevant {@code /proc/sys} values, probes
 * {@code socket(AF_SMC)} with {@link SocketProbe}, and writes the files of {@code docs/bundle.md} plus
 * {@code manifest.json} (schema {@code smc-doctor/manifest/v1}) recording every command, its argv, exit code,
 * duration and status ({@code ok}, {@code not-installed}, {@code timeout}, {@code error}).
 *
 * <pre>{@code
 * LiveCollector.Result r = LiveCollector.create().collect(Path.of("bundle.tar.gz"));
 * Evidence ev = EvidenceBundle.read(r.output());
 * }</pre>
 *
 * (The examples are compiled and run in the tests' {@code io.smcdoctor.adapters.host.Snippets}.)
 *
 * <p>A missing tool, a failing tool or a host without SMC is recorded, never fatal; a command that outlives
 * its timeout is killed with its whole process tree and collection continues. Immutable and thread-safe;
 * each call collects afresh.
 */
public final class LiveCollector {
    /** Default time one command may run. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Default bytes of output kept per command. */
    public static final long DEFAULT_MAX_OUTPUT_BYTES = 64L << 20;

    private final HostGatherer gatherer;

    private LiveCollector(Builder b) {
        CommandRunner runner = new CommandRunner(b.searchPath, b.timeout, b.maxOutputBytes, Map.of("LC_ALL", "C"));
        SocketProbe.Request request = SocketProbe.Request.of(b.probeOptions);
        SocketProbe probe = b.probe;
        if (b.probeTarget.isPresent()) {
            request = request.withTarget(b.probeTarget.get(), b.probeConnectTimeout);
            probe = b.probe.withSmcTools(b.searchPath);
        }
        this.gatherer = new HostGatherer(runner, b.procRoot, probe, request, b.probeEnabled, b.clock);
    }

    /** A collector with the defaults: the process's {@code PATH}, 10 s per command, 64 MiB output each. */
    public static LiveCollector create() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * What a collection produced.
     *
     * @param output          the bundle written (a directory or a {@code .tar.gz})
     * @param host            the host name
     * @param smcModuleLoaded whether the SMC kernel module was loaded ({@code /proc/sys/net/smc} exists)
     * @param commands        every command run (or found missing), as in {@code manifest.json}
     * @param notes           remarks for people, e.g. that SMC is not loaded
     */
    public record Result(Path output, String host, boolean smcModuleLoaded, List<CollectedCommand> commands,
                         List<String> notes) {
        /** Copies the lists. */
        public Result {
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(host, "host");
            commands = List.copyOf(commands);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Collects and writes the bundle to {@code output}: a {@code .tar.gz} / {@code .tgz} file (written
     * atomically) or else a directory (created if needed; files of the same names are replaced).
     *
     * @throws CollectionException when the bundle cannot be written
     */
    public Result collect(Path output) {
        Objects.requireNonNull(output, "output");
        HostGatherer.Gathered g = gatherer.gather();
        String name = String.valueOf(output.getFileName()).toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
                BundleWriter.writeTarGz(output, g);
            } else {
                BundleWriter.writeDirectory(output, g);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new CollectionException("cannot write the bundle to " + output + ": " + e.getMessage(), e);
        }
        return g.result(output);
    }

    /**
     * Collects into memory: the bundle's file names ({@code smcss.txt}, {@code proc/sys/net/smc/...},
     * {@code manifest.json}, ...) to their content, as {@link #collect(Path)} would write them. Nothing is written.
     */
    public Map<String, byte[]> collectFiles() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(gatherer.gather().files));
    }

    /**
     * Collects into memory and reads the result as evidence, without writing anything.
     *
     * @throws io.smcdoctor.evidence.EvidenceParseException when the output exceeds the default bundle limits
     */
    public Evidence collectEvidence() {
        HostGatherer.Gathered g = gatherer.gather();
        return new BundleReader(EvidenceBundle.Limits.defaults())
                .readAll(List.of(new BundleReader.MemoryBundle("live host", g.files)));
    }

    /**
     * Collects into memory and reads the result together with files the caller holds (e.g. {@code symptom.txt}, what
     * the user observed), each recognised by its name or else its content; the host's files are cited as
     * {@code live/<file>}. Nothing is written.
     *
     * @throws io.smcdoctor.evidence.EvidenceParseException when the output exceeds the default bundle limits or a
     *                                                      given file is of no recognisable kind
     */
    public Evidence collectEvidence(Map<String, String> moreFiles) {
        Objects.requireNonNull(moreFiles, "moreFiles");
        HostGatherer.Gathered g = gatherer.gather();
        List<BundleReader.Input> inputs = new ArrayList<>();
        inputs.add(new BundleReader.MemoryBundle("live", g.files));
        moreFiles.forEach((name, text) -> inputs.add(new BundleReader.MemoryFile(name,
                text.getBytes(StandardCharsets.UTF_8))));
        return new BundleReader(EvidenceBundle.Limits.defaults()).readAll(inputs);
    }

    /** Configures a {@link LiveCollector}. Not thread-safe; {@link #build()} may be called repeatedly. */
    public static final class Builder {
        private List<Path> searchPath = defaultSearchPath();
        private Duration timeout = DEFAULT_TIMEOUT;
        private long maxOutputBytes = DEFAULT_MAX_OUTPUT_BYTES;
        private Path procRoot = Path.of("/proc");
        private SocketProbe probe = SocketProbe.create();
        private List<SocketProbe.Option> probeOptions = List.of();
        private boolean probeEnabled = true;
        private Optional<InetSocketAddress> probeTarget = Optional.empty();
        private Duration probeConnectTimeout = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Directories searched for the tools, in order (default: the process's {@code PATH} plus
         * {@code /usr/sbin} and {@code /sbin}); also the tools' own {@code PATH}.
         */
        public Builder searchPath(List<Path> dirs) {
            this.searchPath = List.copyOf(dirs);
            return this;
        }

        /** How long one command may run before it is killed with its process tree (default 10 s). */
        public Builder commandTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("commandTimeout must be positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Bytes of output kept per command (default 64 MiB); more is dropped and marked truncated. */
        public Builder maxOutputBytes(long bytes) {
            if (bytes <= 0 || bytes > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("maxOutputBytes must be in [1, 2^31-17], was " + bytes);
            }
            this.maxOutputBytes = bytes;
            return this;
        }

        /** Where procfs is mounted (default {@code /proc}; e.g. the host's procfs inside a container). */
        public Builder procRoot(Path root) {
            this.procRoot = Objects.requireNonNull(root, "root");
            return this;
        }

        /** The socket probe to run (default: {@link SocketProbe#create()}). */
        public Builder socketProbe(SocketProbe probe) {
            this.probe = Objects.requireNonNull(probe, "probe");
            return this;
        }

        /** Socket options the probe tries on an AF_SMC socket (default: none, only socket creation). */
        public Builder probeOptions(List<SocketProbe.Option> options) {
            this.probeOptions = List.copyOf(options);
            return this;
        }

        /**
         * A listening SMC peer the probe also connects to (default: none): each option is then tried before
         * {@code connect} and on an established connection, and each connection's mode is looked up with
         * smc-tools ({@code smcss -a}, {@code smcr -d stats}) so options that force a TCP fallback show as such.
         *
         * @param target  a resolved address
         * @param timeout bound for each connect
         */
        public Builder probeTarget(InetSocketAddress target, Duration timeout) {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(timeout, "timeout");
            if (target.isUnresolved()) {
                throw new IllegalArgumentException("probe target must be resolved, was " + target);
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("probe timeout must be positive, was " + timeout);
            }
            this.probeTarget = Optional.of(target);
            this.probeConnectTimeout = timeout;
            return this;
        }

        /** Whether to run the socket probe at all (default true). */
        public Builder probeEnabled(boolean enabled) {
            this.probeEnabled = enabled;
            return this;
        }

        /** The clock for the manifest time (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The collector. */
        public LiveCollector build() {
            return new LiveCollector(this);
        }

        private static List<Path> defaultSearchPath() {
            List<Path> dirs = new ArrayList<>();
            String path = System.getenv("PATH");
            if (path != null) {
                for (String d : path.split(File.pathSeparator)) {
                    if (!d.isEmpty()) {
                        dirs.add(Path.of(d));
                    }
                }
            }
            for (String d : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
                if (!dirs.contains(Path.of(d))) {
                    dirs.add(Path.of(d));
                }
            }
            return dirs;
        }
    }
}
