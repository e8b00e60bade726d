package io.smcdoctor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smcdoctor.adapters.host.LiveCollector;
import io.smcdoctor.evidence.CollectedCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code smc-doctor collect [-o DIR|FILE.tar.gz]}: writes an evidence bundle of this host. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Collect an evidence bundle from this host.",
            "Missing tools are recorded in manifest.json, never fatal."})
final class CollectCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR|FILE.tar.gz",
            description = "Where to write the bundle (default: smc-doctor-<time>.tar.gz in the current directory).")
    @Nullable Path output;

    @Override
    public Integer call() {
        Path target = output != null ? output : Path.of("smc-doctor-" + STAMP.format(Instant.now()) + ".tar.gz");
        LiveCollector.Result r = LiveCollector.create().collect(target);
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

    private static String json(LiveCollector.Result r) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
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
        return root.toPrettyString();
    }
}
