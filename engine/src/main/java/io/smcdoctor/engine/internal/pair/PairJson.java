package io.smcdoctor.engine.internal.pair;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smcdoctor.Diagnosis;
import io.smcdoctor.Diagnosis.SuggestedRemedy;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.DiagnosisReport.MissingEvidence;
import io.smcdoctor.MultiHostReport;
import io.smcdoctor.MultiHostReport.HostCitation;
import io.smcdoctor.MultiHostReport.HostDiagnosis;
import io.smcdoctor.MultiHostReport.HostPairing;
import io.smcdoctor.MultiHostReport.RuledOutCause;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.SocketGroup;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a report of several hosts as {@code smc-doctor/diagnosis/v1} JSON with fields added (docs/two-hosts.md): the
 * fields of a single-host report keep their names and meaning ({@code diagnoses}, {@code missingEvidence},
 * {@code warnings}, {@code stats}), each entry gains the {@code host} it belongs to, and {@code hosts},
 * {@code connections} and {@code ruledOut} describe the hosts together. Stateless.
 */
public final class PairJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PairJson() {
    }

    /** The JSON text (pretty-printed, fields in the documented order). */
    public static String write(MultiHostReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", MultiHostReport.SCHEMA);
        root.put("language", report.language().tag());
        ArrayNode hosts = root.putArray("hosts");
        for (MultiHostReport.Host h : report.hosts()) {
            ObjectNode n = hosts.addObject();
            n.put("name", h.name());
            n.put("label", h.label());
            if (h.capturedAt().isPresent()) {
                n.put("capturedAt", h.capturedAt().get().toString());
            } else {
                n.putNull("capturedAt");
            }
            stats(n.putObject("stats"), h.report().stats().sockets(), h.report().stats().smcSockets(),
                    h.report().stats().fallbacks());
            ArrayNode own = n.putArray("diagnoses");
            for (Diagnosis d : h.report().diagnoses()) {
                own.addObject().put("rank", d.rank()).put("id", d.id()).put("confidence", d.confidence())
                        .put("side", d.side().json());
            }
        }
        ArrayNode diagnoses = root.putArray("diagnoses");
        for (HostDiagnosis hd : report.diagnoses()) {
            Diagnosis d = hd.diagnosis();
            ObjectNode n = diagnoses.addObject();
            n.put("rank", hd.rank());
            n.put("id", d.id());
            n.put("title", d.title());
            n.put("confidence", hd.confidence());
            n.put("severity", d.severity().json());
            n.put("side", d.side().json());
            strings(n.putArray("reasonCodes"), d.reasonCodes().stream().map(ReasonCode::hex).toList());
            citations(n.putArray("evidence"), hd.evidence());
            ArrayNode rem = n.putArray("remedies");
            for (SuggestedRemedy r : d.remedies()) {
                ObjectNode rn = rem.addObject().put("summary", r.summary());
                strings(rn.putArray("commands"), r.commands());
            }
            strings(n.putArray("references"), d.references());
            n.put("explanation", d.explanation());
            strings(n.putArray("rules"), d.rules());
            n.put("host", hd.concludedOn().get(0));
            strings(n.putArray("concludedOn"), hd.concludedOn());
            strings(n.putArray("fixOn"), hd.fixOn());
            n.put("fixEach", hd.fixEach());
            ArrayNode corr = n.putArray("corroboratedBy");
            for (HostDiagnosis.Corroboration c : hd.corroboratedBy()) {
                ObjectNode cn = corr.addObject().put("host", c.host()).put("id", c.id());
                strings(cn.putArray("reasonCodes"), c.reasonCodes().stream().map(ReasonCode::hex).toList());
            }
        }
        ArrayNode ruled = root.putArray("ruledOut");
        for (RuledOutCause r : report.ruledOut()) {
            ObjectNode n = ruled.addObject();
            n.put("id", r.id()).put("title", r.title()).put("offeredOn", r.offeredOn()).put("ruledOutBy", r.ruledOutBy());
            strings(n.putArray("reasonCodes"), r.reasonCodes().stream().map(ReasonCode::hex).toList());
            n.put("kind", r.kind().json());
            n.put("because", r.because());
            citations(n.putArray("evidence"), r.evidence());
        }
        ArrayNode connections = root.putArray("connections");
        for (HostPairing p : report.pairings()) {
            connection(connections.addObject(), p);
        }
        ArrayNode missing = root.putArray("missingEvidence");
        for (MultiHostReport.Missing mh : report.missingEvidence()) {
            MissingEvidence m = mh.evidence();
            missing.addObject().put("host", mh.host()).put("what", m.what()).put("command", m.command())
                    .put("why", m.why());
        }
        ArrayNode warnings = root.putArray("warnings");
        long sockets = 0;
        long smc = 0;
        Map<Integer, Long> fallbacks = new TreeMap<>();
        for (MultiHostReport.Host h : report.hosts()) {
            DiagnosisReport r = h.report();
            for (ParseWarning w : r.warnings()) {
                warnings.addObject().put("host", h.name()).put("source", w.source()).put("line", w.line())
                        .put("message", w.message());
            }
            sockets += r.stats().sockets();
            smc += r.stats().smcSockets();
            r.stats().fallbacks().forEach((code, count) -> fallbacks.merge(code, count, Long::sum));
        }
        stats(root.putObject("stats"), sockets, smc, fallbacks);
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void connection(ObjectNode n, HostPairing p) {
        strings(n.putArray("hosts"), List.of(p.hostA(), p.hostB()));
        n.put("relation", p.relation().json());
        n.put("related", p.related());
        n.put("consistent", p.consistent());
        n.put("joined", p.joined());
        n.put("joinedByCutAddress", p.joinedByCut());
        n.put("joinedByPortZero", p.joinedByPortZero());
        n.put("contradicting", p.contradicting());
        n.put("ambiguous", p.ambiguous());
        citations(n.putArray("ambiguousRows"), p.ambiguousRows());
        ObjectNode unmatched = n.putObject("unmatched");
        unmatched.put(p.hostA(), p.unmatchedA());
        if (!p.hostB().equals(p.hostA())) {
            unmatched.put(p.hostB(), p.unmatchedB());
        }
        n.put("linkGroups", p.linkGroups());
        n.put("linkGroupsFit", p.linkGroupsFit());
        if (p.capturedApart().isPresent()) {
            n.put("capturedApartSeconds", p.capturedApart().get().toSeconds());
        } else {
            n.putNull("capturedApartSeconds");
        }
        n.put("countersByTime", p.countersByTime());
        ArrayNode groups = n.putArray("groups");
        for (HostPairing.JoinedGroups g : p.groups()) {
            ObjectNode gn = groups.addObject();
            gn.put("count", g.count());
            gn.put("contradicts", g.contradicts());
            group(gn.putObject(p.hostA()), g.a(), g.sampleA());
            group(gn.putObject(p.hostB()), g.b(), g.sampleB());
        }
    }

    private static void group(ObjectNode n, SocketGroup g, HostCitation sample) {
        n.put("mode", g.mode().name());
        if (g.localCode() != 0) {
            n.put("localCode", ReasonCode.hex(g.localCode()));
        }
        if (g.peerCode() != 0) {
            n.put("peerCode", ReasonCode.hex(g.peerCode()));
        }
        n.put("family", g.family().name());
        n.putObject("sample").put("source", sample.line().source()).put("line", sample.line().line())
                .put("text", sample.line().text());
    }

    private static void stats(ObjectNode stats, long sockets, long smc, Map<Integer, Long> fallbacks) {
        stats.put("sockets", sockets);
        stats.put("smcSockets", smc);
        ObjectNode fb = stats.putObject("fallbacks");
        for (Map.Entry<Integer, Long> e : fallbacks.entrySet()) {
            fb.put(ReasonCode.hex(e.getKey()), e.getValue());
        }
    }

    private static void citations(ArrayNode array, List<HostCitation> lines) {
        for (HostCitation c : lines) {
            array.addObject().put("host", c.host()).put("source", c.line().source()).put("line", c.line().line())
                    .put("text", c.line().text());
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
