package io.smcdoctor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smcdoctor.catalog.Application;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.KernelFeature;
import io.smcdoctor.catalog.KnowledgeFact;
import io.smcdoctor.catalog.KnownBug;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.LocalizedText;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.Sysctl;
import io.smcdoctor.catalog.Tool;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fact of the catalog (tool, sysctl, kernel feature, known bug, application) as JSON (schemas
 * {@code smc-doctor/tool/v1}, {@code smc-doctor/sysctl/v1}, {@code smc-doctor/kernel-feature/v1},
 * {@code smc-doctor/known-bug/v1}, {@code smc-doctor/application/v1}) or as text for people. Shared by {@code explain}
 * and the MCP resources.
 */
final class FactView {
    private FactView() {
    }

    /** The JSON schema name of a fact's kind, e.g. {@code smc-doctor/sysctl/v1}. */
    static String schema(KnowledgeFact f) {
        return "smc-doctor/" + f.kind().json() + "/v1";
    }

    /**
     * Every field of the fact, texts in the given language. Common to all kinds: {@code schema}, {@code id},
     * {@code kind}, {@code title}, {@code relatedCodes}, {@code related} (ids of other facts), {@code references},
     * {@code language}; the rest per kind (README "JSON contracts").
     */
    static ObjectNode json(Json json, KnowledgeFact f, Language lang) {
        ObjectNode n = json.object();
        n.put("schema", schema(f));
        n.put("id", f.id());
        n.put("kind", f.kind().json());
        n.put("title", f.title().get(lang));
        if (f instanceof Tool t) {
            tool(n, t, lang);
        } else if (f instanceof Sysctl s) {
            sysctl(n, s, lang);
        } else if (f instanceof KernelFeature k) {
            feature(n, k, lang);
        } else if (f instanceof KnownBug b) {
            bug(n, b, lang);
        } else if (f instanceof Application a) {
            application(n, a, lang);
        }
        Json.strings(n, "relatedCodes", f.relatedCodes().stream().map(ReasonCode::hex).toList());
        Json.strings(n, "related", f.relatedIds());
        Json.strings(n, "references", f.references());
        n.put("language", lang.tag());
        return n;
    }

    private static void tool(ObjectNode n, Tool t, Language lang) {
        n.put("command", t.command());
        n.put("since", t.since());
        n.put("purpose", t.purpose().get(lang));
        Json.strings(n, "synopsis", t.synopsis());
        n.put("requires", t.requires().map(r -> r.get(lang)).orElse(""));
        ArrayNode options = n.putArray("options");
        for (Tool.Option o : t.options()) {
            options.addObject().put("name", o.name()).put("long", o.longName()).put("argument", o.argument())
                    .put("since", o.since()).put("meaning", o.meaning().get(lang));
        }
        ArrayNode columns = n.putArray("columns");
        for (Tool.Column c : t.columns()) {
            ObjectNode cn = columns.addObject().put("name", c.name()).put("unit", c.unit()).put("format", c.format())
                    .put("since", c.since()).put("meaning", c.meaning().get(lang));
            ArrayNode values = cn.putArray("values");
            c.values().forEach(v -> values.addObject().put("value", v.value()).put("meaning", v.meaning().get(lang)));
        }
        n.put("example", t.example());
        n.put("exampleSource", t.exampleSource());
        Json.strings(n, "notes", t.notes().stream().map(x -> x.get(lang)).toList());
    }

    private static void sysctl(ObjectNode n, Sysctl s, Language lang) {
        n.put("name", s.name());
        n.put("fullName", s.fullName());
        n.put("path", "/proc/sys/" + s.fullName().replace('.', '/'));
        n.put("origin", yaml(s.origin()));
        n.put("type", s.type());
        n.put("unit", s.unit());
        n.put("default", s.defaultValue());
        n.put("range", s.range());
        n.put("addedIn", s.addedIn());
        n.put("commit", s.commit());
        n.put("commitTitle", s.commitTitle());
        n.put("verified", s.verified());
        n.put("meaning", s.meaning().get(lang));
        n.put("tuning", s.tuning().get(lang));
        n.put("appliesTo", s.appliesTo().map(a -> a.get(lang)).orElse(""));
        n.put("note", s.note().get(lang));
    }

    private static void feature(ObjectNode n, KernelFeature k, Language lang) {
        Json.strings(n, "aliases", k.aliases());
        n.put("addedIn", k.addedIn());
        ArrayNode commits = n.putArray("commits");
        k.commits().forEach(c -> commits.addObject().put("id", c.id()).put("title", c.title()));
        n.put("verified", k.verified());
        n.put("userImpact", k.userImpact().get(lang));
        n.put("config", k.config());
        n.put("note", k.note().get(lang));
    }

    private static void bug(ObjectNode n, KnownBug b, Language lang) {
        n.put("component", b.component());
        n.put("fixedIn", b.fixedIn());
        Json.strings(n, "stable", b.stable());
        n.put("commit", b.commit());
        n.put("commitTitle", b.commitTitle());
        n.put("cve", b.cve());
        n.put("introducedBy", b.introducedBy());
        n.put("symptom", yaml(b.effect()));
        n.put("errno", b.errno());
        Json.strings(n, "splatFunctions", b.splatFunctions());
        n.put("description", b.description().get(lang));
        n.put("trigger", b.trigger().get(lang));
        n.put("action", b.action().get(lang));
        n.put("verified", b.verified());
        n.put("note", b.note().get(lang));
    }

    private static void application(ObjectNode n, Application a, Language lang) {
        n.put("name", a.name());
        n.put("category", yaml(a.category()));
        n.put("smcRun", yaml(a.smcRun()));
        n.put("summary", a.summary().get(lang));
        ArrayNode uses = n.putArray("socketOptions");
        for (Application.OptionUse u : a.socketOptions()) {
            ObjectNode un = uses.addObject().put("option", u.option()).put("setBy", u.setBy())
                    .put("effect", u.effect().get(lang));
            Json.strings(un, "codes", u.codes().stream().map(ReasonCode::hex).toList());
        }
        n.put("advice", a.advice().get(lang));
        n.put("verified", a.verified());
        n.put("note", a.note().get(lang));
    }

    /** An enum value as the YAML writes it: {@code null-deref}, {@code load-generator}. */
    static String yaml(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    // ---- text -------------------------------------------------------------------------------------------

    /** The fact for people: heading, facts line, main text, the kind's sections, related entries, references. */
    static void text(PrintWriter out, Catalog catalog, KnowledgeFact f, Language lang) {
        out.println(f.id() + "  " + f.title().get(lang));
        if (f instanceof Tool t) {
            tool(out, t, lang);
        } else if (f instanceof Sysctl s) {
            sysctl(out, s, lang);
        } else if (f instanceof KernelFeature k) {
            feature(out, k, lang);
        } else if (f instanceof KnownBug b) {
            bug(out, b, lang);
        } else if (f instanceof Application a) {
            application(out, a, lang);
        }
        related(out, catalog, f, lang);
        ReasonCodeView.references(out, f.references(), lang);
    }

    private static void tool(PrintWriter out, Tool t, Language lang) {
        if (!t.since().isEmpty()) {
            out.println(FactLabels.SINCE.in(lang) + " " + t.since() + FactLabels.SINCE_SUFFIX.in(lang));
        }
        out.println();
        ReasonCodeView.indent(out, "  ", t.purpose().get(lang));
        section(out, FactLabels.SYNOPSIS.in(lang));
        t.synopsis().forEach(s -> out.println("  " + s));
        t.requires().ifPresent(r -> {
            section(out, FactLabels.REQUIRES.in(lang));
            ReasonCodeView.indent(out, "  ", r.get(lang));
        });
        if (!t.options().isEmpty()) {
            section(out, FactLabels.OPTIONS.in(lang));
            for (Tool.Option o : t.options()) {
                String name = o.name() + (o.longName().isEmpty() ? "" : ", " + o.longName())
                        + (o.argument().isEmpty() ? "" : " " + o.argument());
                out.println("  " + name + "  (" + o.since() + ")");
                ReasonCodeView.indent(out, "      ", o.meaning().get(lang));
            }
        }
        if (!t.columns().isEmpty()) {
            section(out, FactLabels.COLUMNS.in(lang));
            for (Tool.Column c : t.columns()) {
                List<String> facts = new ArrayList<>();
                if (!c.unit().isEmpty()) {
                    facts.add(c.unit());
                }
                if (!c.format().isEmpty()) {
                    facts.add(c.format());
                }
                if (!c.since().isEmpty()) {
                    facts.add(FactLabels.SINCE.in(lang) + " " + c.since() + FactLabels.SINCE_SUFFIX.in(lang));
                }
                out.println("  " + c.name() + (facts.isEmpty() ? "" : "  (" + String.join("; ", facts) + ")"));
                ReasonCodeView.indent(out, "      ", c.meaning().get(lang));
                for (Tool.Value v : c.values()) {
                    out.println("      " + v.value() + ": " + v.meaning().get(lang));
                }
            }
        }
        if (!t.example().isBlank()) {
            section(out, FactLabels.EXAMPLE.in(lang) + " (" + t.exampleSource() + ")");
            ReasonCodeView.indent(out, "  ", t.example());
        }
        texts(out, FactLabels.NOTES.in(lang), t.notes(), lang);
    }

    private static void sysctl(PrintWriter out, Sysctl s, Language lang) {
        out.println(origin(s, lang) + " · " + FactLabels.DEFAULT.in(lang) + ": " + s.defaultValue() + " · "
                + FactLabels.RANGE.in(lang) + ": " + s.range()
                + (s.unit().isEmpty() ? "" : " · " + FactLabels.UNIT.in(lang) + ": " + s.unit()));
        out.println(FactLabels.TYPE.in(lang) + ": " + s.type() + " · /proc/sys/" + s.fullName().replace('.', '/'));
        section(out, FactLabels.MEANING.in(lang));
        ReasonCodeView.indent(out, "  ", s.meaning().get(lang));
        section(out, FactLabels.TUNING.in(lang));
        ReasonCodeView.indent(out, "  ", s.tuning().get(lang));
        s.appliesTo().ifPresent(a -> {
            section(out, FactLabels.APPLIES_TO.in(lang));
            ReasonCodeView.indent(out, "  ", a.get(lang));
        });
        section(out, FactLabels.HISTORY.in(lang));
        if (!s.commit().isEmpty()) {
            out.println("  " + FactLabels.COMMIT.in(lang) + ": " + s.commit() + " \"" + s.commitTitle() + "\"");
        }
        out.println("  " + (s.verified() ? FactLabels.VERIFIED : FactLabels.NOT_VERIFIED).in(lang));
        ReasonCodeView.indent(out, "  ", s.note().get(lang));
    }

    private static String origin(Sysctl s, Language lang) {
        switch (s.origin()) {
            case MAINLINE:
                return FactLabels.ADDED_IN.in(lang) + " " + (s.addedIn().isEmpty()
                        ? FactLabels.UNKNOWN_RELEASE.in(lang) : s.addedIn());
            case ALIBABA:
                return FactLabels.ALIBABA.in(lang);
            default:
                return FactLabels.RELATED_SYSCTL.in(lang);
        }
    }

    private static void feature(PrintWriter out, KernelFeature k, Language lang) {
        out.println(FactLabels.ADDED_IN.in(lang) + " " + (k.addedIn().isEmpty()
                ? FactLabels.UNKNOWN_RELEASE.in(lang) : k.addedIn()) + " · "
                + (k.verified() ? FactLabels.VERIFIED : FactLabels.NOT_VERIFIED).in(lang)
                + (k.config().isEmpty() ? "" : " · " + FactLabels.CONFIG.in(lang) + ": " + k.config()));
        if (!k.aliases().isEmpty()) {
            out.println(FactLabels.ALIASES.in(lang) + ": " + String.join(", ", k.aliases()));
        }
        section(out, FactLabels.USER_IMPACT.in(lang));
        ReasonCodeView.indent(out, "  ", k.userImpact().get(lang));
        section(out, FactLabels.HISTORY.in(lang));
        k.commits().forEach(c -> out.println("  " + FactLabels.COMMIT.in(lang) + ": " + c.id() + " \"" + c.title() + "\""));
        ReasonCodeView.indent(out, "  ", k.note().get(lang));
    }

    private static void bug(PrintWriter out, KnownBug b, Language lang) {
        String fixed = b.fixedIn().isEmpty() ? FactLabels.NOT_ESTABLISHED.in(lang)
                : (KnownBug.KERNEL.equals(b.component()) ? "Linux " : b.component() + " ") + b.fixedIn();
        out.println(FactLabels.FIXED_IN.in(lang) + ": " + fixed + " · " + FactLabels.COMMIT.in(lang) + ": "
                + b.commit() + (b.cve().isEmpty() ? "" : " · " + b.cve()) + " · "
                + FactLabels.SYMPTOM.in(lang) + ": " + yaml(b.effect()) + (b.errno().isEmpty() ? "" : " (" + b.errno() + ")"));
        if (!b.stable().isEmpty()) {
            out.println(FactLabels.STABLE.in(lang) + ": " + String.join(", ", b.stable()));
        }
        if (!b.splatFunctions().isEmpty()) {
            out.println(FactLabels.SPLAT.in(lang) + ": " + String.join(", ", b.splatFunctions()));
        }
        out.println();
        ReasonCodeView.indent(out, "  ", b.description().get(lang));
        section(out, FactLabels.TRIGGER.in(lang));
        ReasonCodeView.indent(out, "  ", b.trigger().get(lang));
        section(out, FactLabels.ACTION.in(lang));
        ReasonCodeView.indent(out, "  ", b.action().get(lang));
        section(out, FactLabels.HISTORY.in(lang));
        out.println("  " + FactLabels.COMMIT.in(lang) + ": " + b.commit() + " \"" + b.commitTitle() + "\""
                + (b.introducedBy().isEmpty() ? "" : "; " + FactLabels.INTRODUCED_BY.in(lang) + ": " + b.introducedBy()));
        out.println("  " + (b.verified() ? FactLabels.VERIFIED : FactLabels.NOT_VERIFIED).in(lang));
        ReasonCodeView.indent(out, "  ", b.note().get(lang));
    }

    private static void application(PrintWriter out, Application a, Language lang) {
        out.println(FactLabels.SMC_RUN.in(lang) + ": " + yaml(a.smcRun()) + " · " + yaml(a.category()));
        out.println();
        ReasonCodeView.indent(out, "  ", a.summary().get(lang));
        if (!a.socketOptions().isEmpty()) {
            section(out, FactLabels.SOCKET_OPTIONS.in(lang));
            for (Application.OptionUse u : a.socketOptions()) {
                out.println("  " + u.option() + "  (" + u.setBy() + ")" + (u.codes().isEmpty() ? ""
                        : "  " + String.join(", ", u.codes().stream().map(ReasonCode::hex).toList())));
                ReasonCodeView.indent(out, "      ", u.effect().get(lang));
            }
        }
        section(out, FactLabels.ADVICE.in(lang));
        ReasonCodeView.indent(out, "  ", a.advice().get(lang));
        section(out, FactLabels.NOTES.in(lang));
        ReasonCodeView.indent(out, "  ", a.note().get(lang));
    }

    private static void related(PrintWriter out, Catalog catalog, KnowledgeFact f, Language lang) {
        if (!f.relatedCodes().isEmpty()) {
            section(out, FactLabels.REASON_CODES.in(lang));
            for (int code : f.relatedCodes()) {
                out.println("  " + ReasonCode.hex(code) + catalog.reasonCode(code).map(rc -> "  " + rc.title().get(lang))
                        .orElse(""));
            }
        }
        if (!f.relatedIds().isEmpty()) {
            section(out, FactLabels.RELATED.in(lang));
            for (String id : f.relatedIds()) {
                out.println("  " + id + catalog.fact(id).map(r -> "  " + r.title().get(lang)).orElse(""));
            }
        }
    }

    private static void texts(PrintWriter out, String heading, List<LocalizedText> texts, Language lang) {
        if (!texts.isEmpty()) {
            section(out, heading);
            texts.forEach(t -> ReasonCodeView.indent(out, "  - ", t.get(lang)));
        }
    }

    private static void section(PrintWriter out, String heading) {
        out.println();
        out.println(heading);
    }
}
