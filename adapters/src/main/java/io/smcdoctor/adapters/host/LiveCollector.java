package io.smcdoctor.adapters.host;

import io.smcdoctor.evidence.CollectedCommand;
import io.smcdoctor.evidence.CollectionException;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.SocketProbeOutcome;
import io.smcdoctor.evidence.SourceKind;
import io.smcdoctor.evidence.internal.BundleReader;
import io.smcdoctor.evidence.internal.CommandResult;
import io.smcdoctor.evidence.internal.CommandRunner;
import io.smcdoctor.evidence.internal.EvidenceSpec;
import io.smcdoctor.evidence.internal.EvidenceSpecs;
import io.smcdoctor.evidence.internal.ManifestJson;
import io.smcdoctor.evidence.internal.NativeProcFs;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Gathers an evidence bundle from this host: runs the SMC and RDMA tools that are installed with fixed
 * argument lists (no shell) and a timeout each, reads the relevant {@code /proc/sys} values, probes
 * {@code socket(AF_SMC)} with {@link SocketProbe}, and writes the files of DESIGN.md plus
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

    private static final String SYSCTL_FILE = SourceKind.SYSCTL.fileName();
    private static final Pattern SMC_TOOLS_VERSION = Pattern.compile("smc-tools-(\\S+)");
    private static final DateTimeFormatter FOLDER_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final CommandRunner runner;
    private final Path procRoot;
    private final SocketProbe probe;
    private final SocketProbe.Request probeRequest;
    private final boolean probeEnabled;
    private final Clock clock;

    private LiveCollector(Builder b) {
        this.runner = new CommandRunner(b.searchPath, b.timeout, b.maxOutputBytes, Map.of("LC_ALL", "C"));
        this.procRoot = b.procRoot;
        SocketProbe.Request request = SocketProbe.Request.of(b.probeOptions);
        if (b.probeTarget.isPresent()) {
            request = request.withTarget(b.probeTarget.get(), b.probeConnectTimeout);
            this.probe = b.probe.withSmcTools(b.searchPath);
        } else {
            this.probe = b.probe;
        }
        this.probeRequest = request;
        this.probeEnabled = b.probeEnabled;
        this.clock = b.clock;
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
        Gathered g = gather();
        String name = String.valueOf(output.getFileName()).toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
                writeTarGz(output, g);
            } else {
                writeDirectory(output, g);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new CollectionException("cannot write the bundle to " + output + ": " + e.getMessage(), e);
        }
        return g.result(output);
    }

    /**
     * Collects into memory and reads the result as evidence, without writing anything.
     *
     * @throws io.smcdoctor.evidence.EvidenceParseException when the output exceeds the default bundle limits
     */
    public Evidence collectEvidence() {
        Gathered g = gather();
        return new BundleReader(EvidenceBundle.Limits.defaults()).read("live host", g.files);
    }

    private static final class Gathered {
        final Map<String, byte[]> files = new LinkedHashMap<>();
        final List<ManifestJson.Command> commands = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        Instant time = Instant.EPOCH;
        String host = "";
        boolean smcLoaded;
        ManifestJson.Parsed manifest = new ManifestJson.Parsed(
                new ManifestJson.Manifest("", Instant.EPOCH, "", false, Map.of(), List.of(), List.of()), List.of());

        Result result(Path output) {
            return new Result(output, host, smcLoaded, ManifestJson.facts(manifest, SourceKind.MANIFEST.fileName()),
                    notes);
        }
    }

    private Gathered gather() {
        Gathered g = new Gathered();
        g.time = clock.instant();
        g.host = NativeProcFs.value(procRoot.resolve("sys/kernel/hostname")).orElse("");
        String kernel = NativeProcFs.value(procRoot.resolve("sys/kernel/osrelease")).orElse("");
        g.smcLoaded = Files.isDirectory(procRoot.resolve("sys/net/smc"));
        if (!g.smcLoaded) {
            g.notes.add("SMC kernel module not loaded: " + procRoot.resolve("sys/net/smc")
                    + " does not exist (load it with 'modprobe smc'); smc-tools report 'SMC module not loaded'");
        }
        for (EvidenceSpec spec : EvidenceSpecs.all()) {
            for (EvidenceSpec.Command c : spec.commands()) {
                CommandResult kept = run(c, g);
                if (kept.status() != CommandResult.Status.NOT_INSTALLED) {
                    g.files.put(c.file(), kept.output());
                }
            }
        }
        List<String> missing = g.commands.stream()
                .filter(c -> c.status().equals(CommandResult.Status.NOT_INSTALLED.label()))
                .map(c -> c.argv().get(0)).distinct().toList();
        if (!missing.isEmpty()) {
            g.notes.add("not installed (not on the search path): " + String.join(", ", missing));
        }
        readSysctls(g);
        if (probeEnabled) {
            runProbe(g);
        }
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("smc-doctor", version());
        versions.put("java", System.getProperty("java.version", ""));
        smcToolsVersion().ifPresent(v -> versions.put("smc-tools", v));
        ManifestJson.Manifest m = new ManifestJson.Manifest(g.host, g.time, kernel, g.smcLoaded, versions, g.notes,
                g.commands);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ManifestJson.write(m, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a byte array
        }
        g.files.put(SourceKind.MANIFEST.fileName(), out.toByteArray());
        List<Integer> lines = new ArrayList<>();
        m.commands().forEach(c -> lines.add(0));
        g.manifest = new ManifestJson.Parsed(m, lines);
        return g;
    }

    /**
     * Runs a command and, while it fails, its fallbacks in order; every run is recorded. Keeps the first that
     * succeeded, else the first that was installed, else the last.
     */
    private CommandResult run(EvidenceSpec.Command c, Gathered g) {
        List<CommandResult> results = new ArrayList<>();
        List<List<String>> tries = new ArrayList<>();
        tries.add(c.argv());
        tries.addAll(c.fallbacks());
        for (List<String> argv : tries) {
            CommandResult r = runner.run(argv);
            g.commands.add(command(c.file(), r));
            results.add(r);
            if (r.status() == CommandResult.Status.OK) {
                return r;
            }
        }
        return results.stream().filter(r -> r.status() != CommandResult.Status.NOT_INSTALLED).findFirst()
                .orElse(results.get(results.size() - 1));
    }

    private static ManifestJson.Command command(String file, CommandResult r) {
        return new ManifestJson.Command(file, r.argv(), r.exitCode(), r.durationMillis(), r.status().label(),
                r.output().length, r.truncated());
    }

    private void readSysctls(Gathered g) {
        long start = System.nanoTime();
        Path sys = procRoot.resolve("sys");
        List<Path> files = new ArrayList<>(list(sys.resolve("net/smc")));
        for (Path iface : list(sys.resolve("net/ipv6/conf"))) {
            files.add(iface.resolve("disable_ipv6"));
        }
        files.add(sys.resolve("net/core/rmem_max"));
        files.add(sys.resolve("net/core/wmem_max"));
        StringBuilder text = new StringBuilder();
        List<String> unreadable = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                continue;
            }
            String key = sysctlKey(sys.relativize(f));
            try {
                String value = NativeProcFs.read(f).strip().replaceAll("\\s+", " ");
                text.append(key).append(" = ").append(value).append('\n');
            } catch (IOException e) {
                unreadable.add(key);
            }
        }
        if (!unreadable.isEmpty()) {
            g.notes.add("sysctls not readable: " + String.join(", ", unreadable));
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        g.files.put(SYSCTL_FILE, bytes);
        long ms = (System.nanoTime() - start) / 1_000_000;
        g.commands.add(new ManifestJson.Command(SYSCTL_FILE, List.of("(read)", procRoot + "/sys/net/smc/*",
                procRoot + "/sys/net/ipv6/conf/*/disable_ipv6", procRoot + "/sys/net/core/rmem_max",
                procRoot + "/sys/net/core/wmem_max"), 0, ms, bytes.length > 0 ? "ok" : "error", bytes.length, false));
    }

    /** The sysctl name of a path below /proc/sys: dots in a segment become slashes ({@code eth0.100}). */
    static String sysctlKey(Path relative) {
        List<String> parts = new ArrayList<>();
        for (Path seg : relative) {
            parts.add(seg.toString().replace('.', '/'));
        }
        return String.join(".", parts);
    }

    private static List<Path> list(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(out::add);
        } catch (IOException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    private void runProbe(Gathered g) {
        long start = System.nanoTime();
        SocketProbe.Report report = probe.probe(probeRequest);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            report.writeJson(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a byte array
        }
        byte[] bytes = out.toByteArray();
        g.files.put(SourceKind.SOCKOPT_PROBE.fileName(), bytes);
        long ms = (System.nanoTime() - start) / 1_000_000;
        g.commands.add(new ManifestJson.Command(SourceKind.SOCKOPT_PROBE.fileName(),
                List.of("(probe)", "socket(AF_SMC, SOCK_STREAM, SMCPROTO_SMC|SMCPROTO_SMC6)"), 0, ms, "ok",
                bytes.length, false));
        if (!report.smcAvailable()) {
            report.sockets().stream().map(SocketProbeOutcome::message).distinct()
                    .forEach(m -> g.notes.add("socket(AF_SMC): " + m));
        }
    }

    private Optional<String> smcToolsVersion() {
        if (runner.which("smcss").isEmpty()) {
            return Optional.empty();
        }
        CommandResult r = runner.run(List.of("smcss", "-v"));
        Matcher m = SMC_TOOLS_VERSION.matcher(new String(r.output(), StandardCharsets.UTF_8));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String version() {
        String v = LiveCollector.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static void writeDirectory(Path dir, Gathered g) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(dir + " exists and is not a directory");
        }
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> f : g.files.entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
        }
    }

    private static void writeTarGz(Path file, Gathered g) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        String folder = "smc-bundle-" + (g.host.isEmpty() ? "host" : g.host.replaceAll("[^A-Za-z0-9._-]", "_"))
                + "-" + FOLDER_TIME.format(g.time);
        Path tmp = Files.createTempFile(parent, ".smc-bundle-", ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp);
                 GzipCompressorOutputStream gz = new GzipCompressorOutputStream(os);
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                TarArchiveEntry dir = new TarArchiveEntry(folder + "/");
                dir.setModTime(Date.from(g.time));
                tar.putArchiveEntry(dir);
                tar.closeArchiveEntry();
                for (Map.Entry<String, byte[]> f : g.files.entrySet()) {
                    TarArchiveEntry e = new TarArchiveEntry(folder + "/" + f.getKey());
                    e.setSize(f.getValue().length);
                    e.setMode(0100644);
                    e.setModTime(Date.from(g.time));
                    tar.putArchiveEntry(e);
                    tar.write(f.getValue());
                    tar.closeArchiveEntry();
                }
                tar.finish();
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
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
