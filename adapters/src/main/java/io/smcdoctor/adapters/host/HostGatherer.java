package io.smcdoctor.adapters.host;

import io.smcdoctor.evidence.facts.SocketProbeOutcome;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.internal.CommandResult;
import io.smcdoctor.evidence.internal.CommandRunner;
import io.smcdoctor.evidence.internal.EvidenceSpec;
import io.smcdoctor.evidence.internal.EvidenceSpecs;
import io.smcdoctor.evidence.internal.ManifestJson;
import io.smcdoctor.evidence.internal.NativeProcFs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gathers the files of a bundle from this host in memory for {@link LiveCollector}: runs the commands of the
 * evidence-spec registry (with their fallbacks), reads the relevant {@code /proc/sys} values, runs the socket probe
 * and writes {@code manifest.json}. Immutable and thread-safe; every {@link #gather()} collects afresh.
 */
final class HostGatherer {
    private static final String SYSCTL_FILE = SourceKind.SYSCTL.fileName();
    private static final Pattern SMC_TOOLS_VERSION = Pattern.compile("smc-tools-(\\S+)");

    private final CommandRunner runner;
    private final Path procRoot;
    private final SocketProbe probe;
    private final SocketProbe.Request probeRequest;
    private final boolean probeEnabled;
    private final Clock clock;

    HostGatherer(CommandRunner runner, Path procRoot, SocketProbe probe, SocketProbe.Request probeRequest,
                 boolean probeEnabled, Clock clock) {
        this.runner = runner;
        this.procRoot = procRoot;
        this.probe = probe;
        this.probeRequest = probeRequest;
        this.probeEnabled = probeEnabled;
        this.clock = clock;
    }

    /** What one collection gathered: the files of the bundle, the commands run, notes for people. */
    static final class Gathered {
        final Map<String, byte[]> files = new LinkedHashMap<>();
        final List<ManifestJson.Command> commands = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        Instant time = Instant.EPOCH;
        String host = "";
        boolean smcLoaded;
        ManifestJson.Parsed manifest = new ManifestJson.Parsed(
                new ManifestJson.Manifest("", Instant.EPOCH, "", false, Map.of(), List.of(), List.of()), List.of());

        LiveCollector.Result result(Path output) {
            return new LiveCollector.Result(output, host, smcLoaded, ManifestJson.facts(manifest, SourceKind.MANIFEST.fileName()),
                    notes);
        }
    }

    /** Collects everything into memory. */
    Gathered gather() {
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
}
