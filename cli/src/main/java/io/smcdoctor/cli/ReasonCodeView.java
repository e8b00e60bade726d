package io.smcdoctor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smcdoctor.catalog.Cause;
import io.smcdoctor.catalog.Check;
import io.smcdoctor.catalog.KernelNote;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.Origin;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.Remedy;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reason code as JSON (schema {@code smc-doctor/reason-code/v1}) or as text for people. Shared by
 * {@code explain} and any command that shows a code (e.g. the MCP server).
 */
final class ReasonCodeView {
    static final String SCHEMA = "smc-doctor/reason-code/v1";
    static final String LIST_SCHEMA = "smc-doctor/reason-codes/v1";

    private ReasonCodeView() {
    }

    /**
     * {@code {"schema", "code", "name", "title", "side", "meaning", "causes": [{"id", "title", "detail", "severity",
     * "checks", "remedies", "references"}], "checks": [{"summary", "commands"}], "remedies": [{"summary",
     * "commands"}], "references", "statsName", "origin", "unused", "kernelNotes", "language"}}. The top-level
     * {@code checks} and {@code remedies} are those of all causes (and the code's own remedies first), flattened
     * without duplicates, for consumers that do not walk the causes.
     */
    static ObjectNode json(Json json, ReasonCode rc, Language lang) {
        ObjectNode n = json.object();
        n.put("schema", SCHEMA);
        n.put("code", rc.hex());
        n.put("name", rc.name());
        n.put("title", rc.title().get(lang));
        n.put("side", rc.side().json());
        n.put("meaning", rc.meaning().get(lang));
        ArrayNode causes = n.putArray("causes");
        Map<String, Check> allChecks = new LinkedHashMap<>();
        Map<String, Remedy> allRemedies = new LinkedHashMap<>();
        rc.remedies().forEach(r -> allRemedies.putIfAbsent(r.summary().en() + r.commands(), r));
        for (Cause c : rc.causes()) {
            ObjectNode cn = causes.addObject();
            cn.put("id", c.id());
            cn.put("title", c.title().get(lang));
            cn.put("detail", c.detail().get(lang));
            cn.put("severity", c.severity().json());
            ArrayNode checks = cn.putArray("checks");
            for (Check ch : c.checks()) {
                ObjectNode chn = check(checks.addObject(), ch, lang);
                chn.put("lookFor", ch.lookFor().get(lang));
                allChecks.putIfAbsent(ch.summary().en() + ch.commands(), ch);
            }
            ArrayNode remedies = cn.putArray("remedies");
            for (Remedy r : c.remedies()) {
                remedy(remedies.addObject(), r, lang);
                allRemedies.putIfAbsent(r.summary().en() + r.commands(), r);
            }
            Json.strings(cn, "references", c.references());
        }
        ArrayNode checks = n.putArray("checks");
        allChecks.values().forEach(ch -> check(checks.addObject(), ch, lang));
        ArrayNode remedies = n.putArray("remedies");
        allRemedies.values().forEach(r -> remedy(remedies.addObject(), r, lang));
        Json.strings(n, "references", rc.references());
        n.put("statsName", rc.statsName());
        n.put("origin", rc.origin().name().toLowerCase(java.util.Locale.ROOT));
        n.put("unused", rc.unused());
        ArrayNode notes = n.putArray("kernelNotes");
        for (KernelNote k : rc.kernelNotes()) {
            notes.addObject().put("kernels", k.kernels()).put("text", k.text().get(lang));
        }
        n.put("language", lang.tag());
        return n;
    }

    /** Several codes (e.g. {@code 0x05000000/0x03030000}): {@code {"schema", "input", "codes": [reason-code/v1...]}}. */
    static ObjectNode jsonList(Json json, String input, List<ReasonCode> codes, Language lang) {
        ObjectNode n = json.object();
        n.put("schema", LIST_SCHEMA);
        n.put("input", input);
        ArrayNode a = n.putArray("codes");
        codes.forEach(rc -> a.add(json(json, rc, lang)));
        return n;
    }

    private static ObjectNode check(ObjectNode n, Check ch, Language lang) {
        n.put("summary", ch.summary().get(lang));
        Json.strings(n, "commands", ch.commands());
        return n;
    }

    private static void remedy(ObjectNode n, Remedy r, Language lang) {
        n.put("summary", r.summary().get(lang));
        Json.strings(n, "commands", r.commands());
    }

    /** The code for people: heading, meaning, causes with their checks and fixes, remedies, notes, references. */
    static void text(PrintWriter out, ReasonCode rc, Language lang) {
        out.println(rc.hex() + (rc.name().isEmpty() ? "" : "  " + rc.name()) + "  " + rc.title().get(lang));
        StringBuilder facts = new StringBuilder(Labels.SIDE.in(lang)).append(": ").append(Labels.side(rc.side(), lang));
        if (!rc.statsName().isEmpty()) {
            facts.append(" · ").append(Labels.STATS_NAME.in(lang)).append(": ").append(rc.statsName());
        }
        if (rc.origin() == Origin.ALIBABA) {
            facts.append(" · ").append(Labels.ALIBABA_ONLY.in(lang));
        } else if (rc.origin() == Origin.LEGACY) {
            facts.append(" · ").append(Labels.LEGACY.in(lang));
        }
        if (rc.unused()) {
            facts.append(" · ").append(Labels.UNUSED.in(lang));
        }
        out.println(facts);
        out.println();
        heading(out, Labels.MEANING.in(lang));
        indent(out, "  ", rc.meaning().get(lang));
        if (!rc.causes().isEmpty()) {
            out.println();
            heading(out, Labels.CAUSES.in(lang));
            int i = 1;
            for (Cause c : rc.causes()) {
                out.println("  " + i++ + ". " + c.title().get(lang) + "  [" + c.id() + "]");
                indent(out, "     ", c.detail().get(lang));
                for (Check ch : c.checks()) {
                    out.println("     " + Labels.CHECK.in(lang) + ": " + ch.summary().get(lang));
                    commands(out, "       ", ch.commands());
                    String look = ch.lookFor().get(lang);
                    if (!look.isBlank()) {
                        out.println("       " + Labels.LOOK_FOR.in(lang) + ": " + look);
                    }
                }
                for (Remedy r : c.remedies()) {
                    out.println("     " + Labels.FIX.in(lang) + ": " + r.summary().get(lang));
                    commands(out, "       ", r.commands());
                }
            }
        }
        if (!rc.remedies().isEmpty()) {
            out.println();
            heading(out, Labels.REMEDIES.in(lang));
            for (Remedy r : rc.remedies()) {
                out.println("  - " + r.summary().get(lang));
                commands(out, "      ", r.commands());
            }
        }
        if (!rc.kernelNotes().isEmpty()) {
            out.println();
            heading(out, Labels.KERNEL_NOTES.in(lang));
            rc.kernelNotes().forEach(k -> out.println("  - " + k.kernels() + ": " + k.text().get(lang)));
        }
        references(out, rc.references(), lang);
    }

    static void heading(PrintWriter out, String title) {
        out.println(title);
    }

    static void indent(PrintWriter out, String prefix, String text) {
        for (String line : text.strip().split("\\R")) {
            out.println(prefix + line);
        }
    }

    static void commands(PrintWriter out, String prefix, List<String> commands) {
        commands.forEach(c -> out.println(prefix + "$ " + c));
    }

    static void references(PrintWriter out, List<String> refs, Language lang) {
        if (!refs.isEmpty()) {
            out.println();
            heading(out, Labels.REFERENCES.in(lang));
            refs.forEach(r -> out.println("  - " + r));
        }
    }
}
