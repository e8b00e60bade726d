package io.smcdoctor.evidence.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.BundleManifest;
import io.smcdoctor.evidence.facts.CollectedCommand;
import io.smcdoctor.evidence.facts.Fact;
import io.smcdoctor.evidence.facts.HostIdentity;
import io.smcdoctor.evidence.facts.Provenance;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code manifest.json}, written by the live collector: schema {@value #SCHEMA}.
 *
 * <pre>{@code
 * {"schema": "smc-doctor/manifest/v1",
 *  "host": "web-1", "time": "2026-11-26T16:10:08Z", "kernel": "6.12.117+deb12-amd64",
 *  "smcModuleLoaded": false,
 *  "toolVersions": {"smc-doctor": "0.1.0", "java": "17.0.15", "smc-tools": "1.8.5"},
 *  "notes": ["SMC kernel module not loaded: /proc/sys/net/smc does not exist"],
 *  "commands": [{"file": "smcss.txt", "argv": ["smcss", "-a"], "exitCode": 0, "durationMillis": 12,
 *                "status": "ok", "outputBytes": 311, "truncated": false}]}
 * }</pre>
 *
 * {@code status} is {@code ok}, {@code not-installed}, {@code timeout} or {@code error}; {@code exitCode} is
 * -1 when the command did not exit by itself (not installed, killed). Fields are only ever added.
 */
public final class ManifestJson {
    /** The schema name this class writes and reads. */
    public static final String SCHEMA = "smc-doctor/manifest/v1";

    /** The whole manifest. */
    public record Manifest(String host, Instant time, String kernel, boolean smcModuleLoaded,
                           Map<String, String> toolVersions, List<String> notes, List<Command> commands) {
        /** Copies the collections. */
        public Manifest {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(kernel, "kernel");
            toolVersions = Collections.unmodifiableMap(new LinkedHashMap<>(toolVersions));
            notes = List.copyOf(notes);
            commands = List.copyOf(commands);
        }
    }

    /** One command the collector ran (or could not run). */
    public record Command(String file, List<String> argv, int exitCode, long durationMillis, String status,
                          long outputBytes, boolean truncated) {
        /** Copies argv. */
        public Command {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(status, "status");
            argv = List.copyOf(argv);
        }
    }

    /** A manifest as read, with the line each command starts at (same order as the commands). */
    public record Parsed(Manifest manifest, List<Integer> commandLines) {
        /** Copies the lines. */
        public Parsed {
            commandLines = List.copyOf(commandLines);
        }
    }

    private ManifestJson() {
    }

    /** Writes {@code m} as pretty-printed UTF-8 JSON; {@code out} is left open. */
    public static void write(Manifest m, OutputStream out) throws IOException {
        try (JsonGenerator g = BundleJson.generator(out)) {
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeStringField("host", m.host());
            g.writeStringField("time", m.time().toString());
            g.writeStringField("kernel", m.kernel());
            g.writeBooleanField("smcModuleLoaded", m.smcModuleLoaded());
            g.writeObjectFieldStart("toolVersions");
            for (Map.Entry<String, String> e : m.toolVersions().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("notes");
            for (String n : m.notes()) {
                g.writeString(n);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("commands");
            for (Command c : m.commands()) {
                g.writeStartObject();
                g.writeStringField("file", c.file());
                g.writeArrayFieldStart("argv");
                for (String a : c.argv()) {
                    g.writeString(a);
                }
                g.writeEndArray();
                g.writeNumberField("exitCode", c.exitCode());
                g.writeNumberField("durationMillis", c.durationMillis());
                g.writeStringField("status", c.status());
                g.writeNumberField("outputBytes", c.outputBytes());
                g.writeBooleanField("truncated", c.truncated());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /**
     * Reads a manifest leniently: wrong types and unknown fields are ignored, a wrong schema or invalid JSON
     * becomes a warning (what was read before stays).
     *
     * @throws IOException only when reading {@code in} fails (including bundle limits)
     */
    public static Parsed read(InputStream in, String source, Consumer<ParseWarning> warnings) throws IOException {
        Map<String, JsonNode> top = new LinkedHashMap<>();
        List<Command> commands = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (JsonParser p = BundleJson.parser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                warnings.accept(new ParseWarning(source, 1, "not a JSON object; expected schema " + SCHEMA));
                return new Parsed(manifest(top, commands), lines);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("commands") && t == JsonToken.START_ARRAY) {
                    readCommands(p, source, warnings, commands, lines);
                } else {
                    top.put(name, BundleJson.tree(p));
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            warnings.accept(new ParseWarning(source, line, "not valid JSON (" + e.getOriginalMessage()
                    + "); the rest of the file was not read"));
        } catch (CharConversionException e) {
            // bytes that look like UTF-16/32 but are not: content, not a read failure (fuzz finding crash-7975cba8)
            warnings.accept(new ParseWarning(source, 0, "not valid JSON (" + e.getMessage()
                    + "); the rest of the file was not read"));
        }
        JsonNode schema = top.get("schema");
        if (schema == null || !SCHEMA.equals(schema.asText())) {
            warnings.accept(new ParseWarning(source, 0, "schema is "
                    + (schema == null ? "missing" : "'" + schema.asText() + "'") + ", expected '" + SCHEMA
                    + "'; read as far as the fields match"));
        }
        return new Parsed(manifest(top, commands), lines);
    }

    /**
     * The facts of a parsed manifest: the collecting host and time ({@link HostIdentity}, when the manifest names a
     * host), then the commands, each citing its line.
     */
    public static List<Fact> allFacts(Parsed parsed, String source) {
        List<Fact> out = new ArrayList<>();
        Manifest m = parsed.manifest();
        if (!m.host().isBlank()) {
            Optional<Instant> time = m.time().equals(Instant.EPOCH) ? Optional.empty() : Optional.of(m.time());
            out.add(new HostIdentity(new Provenance(source, 0, "host " + m.host()
                    + time.map(t -> ", collected " + t).orElse("")), m.host(), time));
        }
        out.addAll(facts(parsed, source));
        return out;
    }

    /** Host, time and kernel of a parsed manifest as an evidence fact citing the manifest's first line. */
    public static BundleManifest header(Parsed parsed, String source) {
        Manifest m = parsed.manifest();
        // manifest() keeps EPOCH for a missing or invalid time: no bundle was collected in 1970
        Optional<Instant> time = m.time().equals(Instant.EPOCH) ? Optional.empty() : Optional.of(m.time());
        String text = "host " + m.host() + ", time " + time.map(Instant::toString).orElse("?") + ", kernel "
                + m.kernel();
        return new BundleManifest(new Provenance(source, 1, text), m.host(), time, m.kernel());
    }

    /** The commands of a parsed manifest as evidence facts, each citing its line. */
    public static List<CollectedCommand> facts(Parsed parsed, String source) {
        List<CollectedCommand> out = new ArrayList<>();
        List<Command> cs = parsed.manifest().commands();
        for (int i = 0; i < cs.size(); i++) {
            Command c = cs.get(i);
            String text = String.join(" ", c.argv()) + " -> " + c.status() + " (exit " + c.exitCode() + ", "
                    + c.durationMillis() + " ms)";
            out.add(new CollectedCommand(new Provenance(source, parsed.commandLines().get(i), text), c.file(),
                    c.argv(), c.exitCode(), c.durationMillis(), c.status()));
        }
        return out;
    }

    private static void readCommands(JsonParser p, String source, Consumer<ParseWarning> warnings,
                                     List<Command> commands, List<Integer> lines) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != null && t != JsonToken.END_ARRAY) {
            int line = Math.max(0, p.currentTokenLocation().getLineNr());
            JsonNode c = BundleJson.tree(p);
            if (!c.isObject()) {
                warnings.accept(new ParseWarning(source, line, "command entry is not an object; ignored"));
                continue;
            }
            commands.add(new Command(BundleJson.text(c, "file", ""), BundleJson.texts(c, "argv"),
                    (int) BundleJson.number(c, "exitCode", -1), BundleJson.number(c, "durationMillis", 0),
                    BundleJson.text(c, "status", "unknown"), BundleJson.number(c, "outputBytes", 0),
                    BundleJson.bool(c, "truncated", false)));
            lines.add(line);
        }
    }

    private static Manifest manifest(Map<String, JsonNode> top, List<Command> commands) {
        JsonNode obj = new ObjectNode(JsonNodeFactory.instance, top);
        Instant time = Instant.EPOCH;
        try {
            time = Instant.parse(BundleJson.text(obj, "time", "1970-01-01T00:00:00Z"));
        } catch (DateTimeParseException e) {
            // keep EPOCH: the time is informative only
        }
        Map<String, String> versions = new LinkedHashMap<>();
        JsonNode tv = top.get("toolVersions");
        if (tv != null && tv.isObject()) {
            tv.properties().forEach(e -> versions.put(e.getKey(), e.getValue().asText()));
        }
        return new Manifest(BundleJson.text(obj, "host", ""), time, BundleJson.text(obj, "kernel", ""),
                BundleJson.bool(obj, "smcModuleLoaded", false), versions, BundleJson.texts(obj, "notes"), commands);
    }
}
