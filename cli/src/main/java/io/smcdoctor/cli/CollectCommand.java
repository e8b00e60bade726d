package io.smcdoctor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smcdoctor.adapters.host.LiveCollector;
import io.smcdoctor.adapters.host.SocketProbe;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.internal.JsonOutput;
import io.smcdoctor.evidence.facts.CollectedCommand;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code smc-doctor collect [-o DIR|FILE.tar.gz]}: writes an evidence bundle of this host. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Collect an evidence bundle from this host.",
            "Missing tools are recorded in manifest.json, never fatal."})
final class CollectCommand implements Callable<Integer>, CommonOptions.Holder {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    final CommonOptions common = new CommonOptions();

    @Spec
    CommandSpec spec;

    @ParentCommand
    @Nullable Main main;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR|FILE.tar.gz",
            description = "Where to write the bundle (default: smc-doctor-<time>.tar.gz in the current directory).")
    @Nullable Path output;

    @Option(names = "--probe-connect", paramLabel = "HOST:PORT",
            description = {"Also connect the socket probe to this listening SMC peer: every catalog socket option",
                "is tried before connect and on an established connection, and the mode each connection got",
                "(smcss, smcr stats) is recorded in sockopt-probe.json (IPv6: [ADDR]:PORT)."})
    @Nullable String probeConnect;

    @Option(names = "--probe-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "Bound for each probe connect (default: ${DEFAULT-VALUE}).")
    int probeTimeout;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        Path target = output != null ? output : Path.of("smc-doctor-" + STAMP.format(Instant.now()) + ".tar.gz");
        LiveCollector collector = LiveCollector.create();
        if (probeConnect != null) {
            if (probeTimeout <= 0) {
                throw new UsageException("--probe-timeout must be positive, was " + probeTimeout);
            }
            collector = LiveCollector.builder()
                    .probeOptions(catalogOptions())
                    .probeTarget(resolve(probeConnect), Duration.ofSeconds(probeTimeout))
                    .build();
        }
        LiveCollector.Result r = collector.collect(target);
        PrintWriter out = spec.commandLine().getOut();
        if (common.json()) {
            out.println(json(r));
        } else {
            out.println("Bundle written to " + r.output() + " (host " + r.host() + ", SMC module "
                    + (r.smcModuleLoaded() ? "loaded" : "not loaded") + ")");
            for (CollectedCommand c : r.commands()) {
                out.printf(Locale.ROOT, "  %-22s %-12s %s%n", c.file(), c.status(), String.join(" ", c.argv()));
            }
            r.notes().forEach(n -> out.println("note: " + n));
            out.println("Diagnose it with: smc-doctor diagnose " + r.output());
        }
        out.flush();
        return Cli.OK;
    }

    private List<SocketProbe.Option> catalogOptions() {
        if (main == null) {
            return List.of();
        }
        return main.catalog().socketOptions().stream()
                .map(CollectCommand::probeOption)
                .toList();
    }

    /** The probe form of a catalog option: set to 1 (an int, as most options take). */
    static SocketProbe.Option probeOption(SocketOption o) {
        return new SocketProbe.Option(o.level().name(), o.level().value(), o.name(), o.value(), 1);
    }

    /** Parses {@code HOST:PORT} or {@code [V6]:PORT} into a resolved address. */
    static InetSocketAddress resolve(String hostPort) {
        String s = hostPort.strip();
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw new UsageException("--probe-connect wants HOST:PORT, was '" + hostPort + "'");
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new UsageException("--probe-connect port is not a number: '" + hostPort + "'");
        }
        if (port < 1 || port > 65535) {
            throw new UsageException("--probe-connect port out of range: " + port);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new UsageException("--probe-connect host cannot be resolved: '" + host + "'");
        }
    }

    private static String json(LiveCollector.Result r) {
        ObjectNode root = JsonOutput.object();
        root.put("schema", "smc-doctor/collect/v1");
        root.put("output", r.output().toString());
        root.put("host", r.host());
        root.put("smcModuleLoaded", r.smcModuleLoaded());
        ArrayNode cmds = root.putArray("commands");
        for (CollectedCommand c : r.commands()) {
            ObjectNode n = cmds.addObject();
            n.put("file", c.file());
            c.argv().forEach(n.putArray("argv")::add);
            n.put("exitCode", c.exitCode());
            n.put("status", c.status());
        }
        r.notes().forEach(root.putArray("notes")::add);
        return JsonOutput.write(root);
    }
}
