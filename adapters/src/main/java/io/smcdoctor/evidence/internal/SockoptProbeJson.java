package io.smcdoctor.evidence.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.Fact;
import io.smcdoctor.evidence.facts.ProbeOutcome;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.facts.SocketProbeOutcome;
import io.smcdoctor.evidence.facts.SockoptProbeResult;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code sockopt-probe.json}, written by the socket probe: schema {@value #SCHEMA}.
 *
 * <pre>{@code
 * {"schema": "smc-doctor/sockopt-probe/v1",
 *  "host": "web-1", "time": "2026-11-26T16:10:08Z", "platform": "linux", "kernel": "6.12.117+deb12-amd64",
 *  "target": "10.10.0.1:5101",
 *  "sockets": [{"protocol": "SMCPROTO_SMC", "opened": false, "errno": 97, "errnoName": "EAFNOSUPPORT",
 *               "message": "SMC not available in this kernel (EAFNOSUPPORT)"}],
 *  "options": [{"level": "SOL_TCP", "name": "TCP_NODELAY", "value": 1, "phase": "before-connect",
 *               "outcome": "ok", "errno": 0, "errnoName": "", "fallbackCode": "0x00000000",
 *               "detail": "read back 1"}]}
 * }</pre>
 *
 * {@code target} is empty when no connection was attempted. {@code phase} is {@code before-connect} or
 * {@code established}; {@code outcome} is {@code ok}, {@code error} (with errno) or {@code fallback}.
 * {@code fallbackCode} is a 10-character lowercase hex string (a number is accepted when reading).
 * {@code tcpErrno}/{@code tcpErrnoName} (added compatibly; absent when not measured) are the result of the same call
 * on a plain TCP socket, made when the AF_SMC call failed: {@code 0} means TCP accepted the value.
 */
public final class SockoptProbeJson {
    /** The schema name this class writes and reads. */
    public static final String SCHEMA = "smc-doctor/sockopt-probe/v1";

    /** The whole probe document; facts carry no provenance here (it is added when read back). */
    public record Document(String host, String time, String platform, String kernel, String target,
                           List<SocketProbeOutcome> sockets, List<SockoptProbeResult> options) {
        /** Copies the lists. */
        public Document {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(kernel, "kernel");
            Objects.requireNonNull(target, "target");
            sockets = List.copyOf(sockets);
            options = List.copyOf(options);
        }
    }

    private SockoptProbeJson() {
    }

    /** Writes {@code d} as pretty-printed UTF-8 JSON; {@code out} is left open. */
    public static void write(Document d, OutputStream out) throws IOException {
        try (JsonGenerator g = BundleJson.generator(out)) {
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeStringField("host", d.host());
            g.writeStringField("time", d.time());
            g.writeStringField("platform", d.platform());
            g.writeStringField("kernel", d.kernel());
            g.writeStringField("target", d.target());
            g.writeArrayFieldStart("sockets");
            for (SocketProbeOutcome s : d.sockets()) {
                g.writeStartObject();
                g.writeStringField("protocol", s.protocol());
                g.writeBooleanField("opened", s.opened());
                g.writeNumberField("errno", s.errno());
                g.writeStringField("errnoName", s.errnoName());
                g.writeStringField("message", s.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("options");
            for (SockoptProbeResult o : d.options()) {
                g.writeStartObject();
                g.writeStringField("level", o.level());
                g.writeStringField("name", o.name());
                g.writeNumberField("value", o.value());
                g.writeStringField("phase", o.phase());
                g.writeStringField("outcome", o.outcome().label());
                g.writeNumberField("errno", o.errno());
                g.writeStringField("errnoName", NativeErrno.name(o.errno()));
                g.writeStringField("fallbackCode", ReasonCode.hex(o.fallbackCode()));
                g.writeStringField("detail", o.detail());
                if (o.tcpMeasured()) {
                    g.writeNumberField("tcpErrno", o.tcpErrno());
                    g.writeStringField("tcpErrnoName", NativeErrno.name(o.tcpErrno()));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /**
     * Reads a probe document leniently into facts that cite the line of each entry; a wrong schema or invalid
     * JSON becomes a warning (what was read before stays).
     *
     * @throws IOException only when reading {@code in} fails (including bundle limits)
     */
    public static List<Fact> read(InputStream in, String source, Consumer<ParseWarning> warnings) throws IOException {
        List<Fact> facts = new ArrayList<>();
        String schema = null;
        try (JsonParser p = BundleJson.parser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                warnings.accept(new ParseWarning(source, 1, "not a JSON object; expected schema " + SCHEMA));
                return facts;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if ((name.equals("sockets") || name.equals("options")) && t == JsonToken.START_ARRAY) {
                    readArray(p, source, name.equals("sockets"), warnings, facts);
                } else {
                    JsonNode v = BundleJson.tree(p);
                    if (name.equals("schema")) {
                        schema = v.asText();
                    }
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
        if (!SCHEMA.equals(schema)) {
            warnings.accept(new ParseWarning(source, 0, "schema is "
                    + (schema == null ? "missing" : "'" + schema + "'") + ", expected '" + SCHEMA
                    + "'; read as far as the fields match"));
        }
        return facts;
    }

    private static void readArray(JsonParser p, String source, boolean sockets, Consumer<ParseWarning> warnings,
                                  List<Fact> facts) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != null && t != JsonToken.END_ARRAY) {
            int line = Math.max(0, p.currentTokenLocation().getLineNr());
            JsonNode n = BundleJson.tree(p);
            if (!n.isObject()) {
                warnings.accept(new ParseWarning(source, line, (sockets ? "socket" : "option")
                        + " entry is not an object; ignored"));
                continue;
            }
            if (sockets) {
                String protocol = BundleJson.text(n, "protocol", "");
                boolean opened = BundleJson.bool(n, "opened", false);
                int errno = (int) BundleJson.number(n, "errno", 0);
                String message = BundleJson.text(n, "message", "");
                String errnoName = BundleJson.text(n, "errnoName", NativeErrno.name(errno));
                String text = "socket(AF_SMC, " + protocol + "): " + (opened ? "opened" : message);
                facts.add(new SocketProbeOutcome(new Provenance(source, line, text), protocol, opened, errno,
                        errnoName, message));
            } else {
                String level = BundleJson.text(n, "level", "");
                String name = BundleJson.text(n, "name", "");
                int value = (int) BundleJson.number(n, "value", 0);
                String phase = BundleJson.text(n, "phase", "");
                String outcome = BundleJson.text(n, "outcome", "");
                int errno = (int) BundleJson.number(n, "errno", 0);
                int code = fallbackCode(n.get("fallbackCode"));
                String detail = BundleJson.text(n, "detail", "");
                int tcpErrno = (int) BundleJson.number(n, "tcpErrno", SockoptProbeResult.NOT_MEASURED);
                if (tcpErrno < SockoptProbeResult.NOT_MEASURED) {
                    tcpErrno = SockoptProbeResult.NOT_MEASURED;
                }
                String text = level + " " + name + "=" + value + " " + phase + ": " + outcome
                        + (errno != 0 ? " " + NativeErrno.name(errno) : "")
                        + (tcpErrno == SockoptProbeResult.NOT_MEASURED ? ""
                                : "; plain TCP: " + (tcpErrno == 0 ? "ok" : NativeErrno.name(tcpErrno)));
                facts.add(new SockoptProbeResult(new Provenance(source, line, text), level, name, value, phase,
                        ProbeOutcome.of(outcome), errno, code, detail, tcpErrno));
            }
        }
    }

    private static int fallbackCode(JsonNode n) {
        if (n == null || n.isNull()) {
            return 0;
        }
        if (n.isNumber()) {
            return n.asInt();
        }
        String s = n.asText().trim().toLowerCase(Locale.ROOT);
        try {
            return s.startsWith("0x") ? Integer.parseUnsignedInt(s.substring(2), 16) : Integer.parseUnsignedInt(s, 16);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
