package io.smcdoctor.lint;

import static io.smcdoctor.engine.internal.Texts.TEXTS;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.internal.JsonOutput;
import io.smcdoctor.lint.LintFinding.Level;
import io.smcdoctor.lint.LintReport.SkippedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Writes a {@link LintReport} as SARIF 2.1.0 (the format GitHub code scanning and IDE SARIF viewers read).
 *
 * <p>One rule per option ({@code SMC-SOCKOPT-TCP_FASTOPEN}) or send flag ({@code SMC-SENDFLAG-MSG_FASTOPEN}), each
 * with short and full descriptions, help text and its default level; one result per finding with a relative
 * {@code artifactLocation.uri} (base id {@code %SRCROOT%}) and a 1-based region; skipped files become tool
 * execution notifications. Immutable and thread-safe.
 */
final class SarifWriter {
    /** The SARIF version written. */
    static final String SARIF_VERSION = "2.1.0";
    /** The {@code $schema} written. */
    static final String SARIF_SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    /** The tool's information URI. */
    static final String INFORMATION_URI = "https://github.com/smc-doctor/smc-doctor";
    /** The uriBaseId that relative artifact URIs refer to. */
    static final String SRCROOT = "%SRCROOT%";

    private final String toolVersion;
    private final Language language;

    private SarifWriter(String toolVersion, Language language) {
        this.toolVersion = toolVersion;
        this.language = language;
    }

    /**
     * A writer that names the tool version and writes texts in the given language.
     *
     * @param toolVersion e.g. {@code 0.1.0}; written as {@code tool.driver.version}
     */
    static SarifWriter of(String toolVersion, Language language) {
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(language, "language");
        return new SarifWriter(toolVersion, language);
    }

    /** The report as a SARIF 2.1.0 JSON document. */
    String toJson(LintReport report) {
        return JsonOutput.write(document(report));
    }

    /**
     * Writes the report as SARIF 2.1.0 JSON to {@code out} (not closed).
     *
     * @throws UncheckedIOException when writing fails
     */
    void write(LintReport report, Writer out) {
        JsonOutput.write(document(report), out);
    }

    private ObjectNode document(LintReport report) {
        Objects.requireNonNull(report, "report");
        ObjectNode root = JsonOutput.object();
        root.put("$schema", SARIF_SCHEMA);
        root.put("version", SARIF_VERSION);
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "smc-doctor");
        driver.put("informationUri", INFORMATION_URI);
        driver.put("version", toolVersion);
        driver.put("semanticVersion", toolVersion.replaceAll("[^0-9A-Za-z.+-]", ""));

        Map<String, LintFinding> firstByRule = new TreeMap<>();
        for (LintFinding f : report.findings()) {
            firstByRule.putIfAbsent(f.ruleId(), f);
        }
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ArrayNode rules = driver.putArray("rules");
        for (LintFinding f : firstByRule.values()) {
            ruleIndex.put(f.ruleId(), ruleIndex.size());
            rules.add(rule(f));
        }

        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        ArrayNode notes = invocation.putArray("toolExecutionNotifications");
        for (SkippedFile s : report.skipped()) {
            ObjectNode n = notes.addObject();
            n.put("level", "note");
            n.putObject("message").put("text", "skipped " + s.file() + ": " + s.reason());
            n.putArray("locations").addObject().putObject("physicalLocation").set("artifactLocation", artifact(s.file()));
        }

        ObjectNode originalUriBaseIds = run.putObject("originalUriBaseIds");
        originalUriBaseIds.putObject(SRCROOT).putObject("description").put("text", "The directory smc-doctor lint ran in.");

        ArrayNode results = run.putArray("results");
        for (LintFinding f : report.findings()) {
            ObjectNode r = results.addObject();
            r.put("ruleId", f.ruleId());
            r.put("ruleIndex", ruleIndex.get(f.ruleId()));
            r.put("level", f.level().sarif());
            r.putObject("message").put("text", f.message(language));
            ObjectNode phys = r.putArray("locations").addObject().putObject("physicalLocation");
            phys.set("artifactLocation", artifact(f.file()));
            ObjectNode region = phys.putObject("region");
            region.put("startLine", f.line());
            region.put("startColumn", f.column());
            region.put("endLine", f.line());
            region.put("endColumn", f.column() + f.symbol().length());
            ObjectNode props = r.putObject("properties");
            props.put("option", f.subject());
            props.put("sockoptLevel", f.advice().level());
            props.put("support", f.advice().support().name());
            props.put("seedSupport", f.advice().seedSupport().name());
            props.put("kernel", kernelName(f.advice().kernel()));
            props.put("usage", f.usage().name().toLowerCase(java.util.Locale.ROOT));
            ArrayNode codes = props.putArray("fallbackCodes");
            f.advice().fallbackCodes().forEach(codes::add);
        }
        return root;
    }

    private ObjectNode rule(LintFinding f) {
        ObjectNode rule = JsonOutput.object();
        rule.put("id", f.ruleId());
        rule.put("name", ruleName(f.subject()));
        String support = f.advice().support().name();
        rule.putObject("shortDescription").put("text", TEXTS.format("lint.rule.short", language, f.subject(), support,
                f.advice().consequenceText(language)));
        rule.putObject("fullDescription").put("text", f.message(language));
        String help = TEXTS.format("lint.rule.help", language, support) + f.advice().advice(language).strip();
        rule.putObject("help").put("text", help);
        rule.putObject("defaultConfiguration").put("level", defaultLevel(f).sarif());
        ObjectNode props = rule.putObject("properties");
        ArrayNode tags = props.putArray("tags");
        tags.add("smc");
        tags.add("socket-option");
        props.put("support", f.advice().support().name());
        return rule;
    }

    private static Level defaultLevel(LintFinding f) {
        if (f.usage() == LintFinding.Usage.SEND_FLAG) {
            return Level.ERROR;
        }
        switch (f.advice().support()) {
            case N:
                return Level.ERROR;
            case M:
                return Level.WARNING;
            default:
                return Level.NOTE;
        }
    }

    /** The kernel a finding's verdict is for, as given ({@code 6.12.9}, {@code seed}), or {@code any}. */
    static String kernelName(String kernel) {
        return kernel.isEmpty() ? "any" : kernel;
    }

    /** PascalCase rule name from an option name: {@code TCP_FASTOPEN} → {@code TcpFastopen}. */
    private static String ruleName(String subject) {
        StringBuilder sb = new StringBuilder();
        for (String part : subject.split("_")) {
            if (!part.isEmpty()) {
                sb.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return sb.toString();
    }

    private static ObjectNode artifact(String file) {
        ObjectNode a = JsonOutput.object();
        Path p = Path.of(file);
        if (p.isAbsolute()) {
            a.put("uri", p.toUri().toString());
        } else {
            a.put("uri", encodePath(file));
            a.put("uriBaseId", SRCROOT);
        }
        return a;
    }

    /** Percent-encodes what may not appear in a relative URI path (spaces, non-ASCII, '%', '#', '?'). */
    static String encodePath(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean keep = c < 0x80 && (Character.isLetterOrDigit(c) || "/-._~!$&'()*+,;=:@".indexOf(c) >= 0);
            if (keep) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format(java.util.Locale.ROOT, "%02X", c));
            }
        }
        return sb.toString();
    }
}
