package io.smcdoctor.engine.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smcdoctor.Diagnosis;
import io.smcdoctor.Diagnosis.SuggestedRemedy;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.DiagnosisReport.MissingEvidence;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.internal.JsonOutput;
import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.Provenance;
import java.util.Map;

/** Writes a report as the {@code smc-doctor/diagnosis/v1} JSON of the README's "JSON contracts". Stateless. */
public final class ReportJson {
    private ReportJson() {
    }

    /** The JSON text (pretty-printed, fields in the documented order). */
    public static String write(DiagnosisReport report) {
        ObjectNode root = JsonOutput.object();
        root.put("schema", DiagnosisReport.SCHEMA);
        root.put("language", report.language().tag());
        ArrayNode diagnoses = root.putArray("diagnoses");
        for (Diagnosis d : report.diagnoses()) {
            ObjectNode n = diagnoses.addObject();
            n.put("rank", d.rank());
            n.put("id", d.id());
            n.put("title", d.title());
            n.put("confidence", d.confidence());
            n.put("severity", d.severity().json());
            n.put("side", d.side().json());
            JsonOutput.strings(n, "reasonCodes", d.reasonCodes().stream().map(ReasonCode::hex).toList());
            ArrayNode ev = n.putArray("evidence");
            for (Provenance p : d.evidence()) {
                ev.addObject().put("source", p.source()).put("line", p.line()).put("text", p.text());
            }
            ArrayNode rem = n.putArray("remedies");
            for (SuggestedRemedy r : d.remedies()) {
                ObjectNode rn = rem.addObject().put("summary", r.summary());
                JsonOutput.strings(rn, "commands", r.commands());
            }
            JsonOutput.strings(n, "references", d.references());
            n.put("explanation", d.explanation());
            JsonOutput.strings(n, "rules", d.rules());
        }
        ArrayNode missing = root.putArray("missingEvidence");
        for (MissingEvidence m : report.missingEvidence()) {
            missing.addObject().put("what", m.what()).put("command", m.command()).put("why", m.why());
        }
        ArrayNode warnings = root.putArray("warnings");
        for (ParseWarning w : report.warnings()) {
            warnings.addObject().put("source", w.source()).put("line", w.line()).put("message", w.message());
        }
        ObjectNode stats = root.putObject("stats");
        stats.put("sockets", report.stats().sockets());
        stats.put("smcSockets", report.stats().smcSockets());
        ObjectNode fb = stats.putObject("fallbacks");
        for (Map.Entry<Integer, Long> e : report.stats().fallbacks().entrySet()) {
            fb.put(ReasonCode.hex(e.getKey()), e.getValue());
        }
        return JsonOutput.write(root);
    }

}
