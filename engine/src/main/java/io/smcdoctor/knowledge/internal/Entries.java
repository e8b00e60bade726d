package io.smcdoctor.knowledge.internal;

import static io.smcdoctor.engine.internal.Texts.TEXTS;

import io.smcdoctor.Answers.Answer;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Cause;
import io.smcdoctor.catalog.Check;
import io.smcdoctor.catalog.KernelNote;
import io.smcdoctor.catalog.KernelVerdict;
import io.smcdoctor.catalog.KnownBug;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.LocalizedText;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.Remedy;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.Symptom;
import io.smcdoctor.catalog.Sysctl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a catalog into searchable {@link Entry entries}: one per reason code, cause, symptom and socket option, and
 * one per fact ({@link FactEntries}).
 */
public final class Entries {
    private static final String CONSTANT_PREFIX = "SMC_CLC_DECL_";

    private Entries() {
    }

    /** Every entry of the catalog: reason codes, then causes (each id once), symptoms, socket options, facts. */
    public static List<Entry> of(Catalog catalog) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Cause> causes = new LinkedHashMap<>();
        Map<String, Set<String>> causeCodes = new LinkedHashMap<>();
        for (ReasonCode rc : catalog.reasonCodes()) {
            entries.add(reasonCode(rc));
            for (Cause c : rc.causes()) {
                causes.putIfAbsent(c.id(), c);
                causeCodes.computeIfAbsent(c.id(), k -> new LinkedHashSet<>()).add(rc.hex());
            }
        }
        for (Symptom s : catalog.symptoms()) {
            for (Cause c : s.causes()) {
                causes.putIfAbsent(c.id(), c);
                Set<String> codes = causeCodes.computeIfAbsent(c.id(), k -> new LinkedHashSet<>());
                s.relatedCodes().forEach(code -> codes.add(ReasonCode.hex(code)));
            }
        }
        for (Cause c : causes.values()) {
            entries.add(cause(c, List.copyOf(causeCodes.getOrDefault(c.id(), Set.of()))));
        }
        for (Symptom s : catalog.symptoms()) {
            entries.add(symptom(s));
        }
        for (SocketOption o : catalog.socketOptions()) {
            entries.add(socketOption(o));
        }
        entries.addAll(FactEntries.of(catalog));
        return List.copyOf(entries);
    }

    /**
     * Names from the catalog that make a question about SMC on their own (see {@code Topic}): the full names of the
     * sysctls the catalog explains ({@code net.ipv6.bindv6only}), the short names of SMC sysctls that are identifiers
     * rather than words ({@code autocorking_size}, {@code hs_ctrl}, but not {@code wmem}), and the CVE ids of known bugs.
     */
    public static Set<String> anchors(Catalog catalog) {
        Set<String> out = new LinkedHashSet<>();
        for (Sysctl s : catalog.sysctls()) {
            out.add(s.fullName());
            if (s.origin() != Sysctl.Origin.RELATED && s.name().indexOf('_') > 0) {
                out.add(s.name());
            }
        }
        catalog.knownBugs().stream().map(KnownBug::cve).filter(c -> !c.isEmpty()).forEach(out::add);
        return out;
    }

    /**
     * The families of symptoms and causes: for each symptom and each cause of a symptom, the ids of the symptoms it
     * belongs to (a symptom to itself, a cause to every symptom that lists it). Other entries belong to none.
     */
    public static Map<String, Set<String>> families(Catalog catalog) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Symptom s : catalog.symptoms()) {
            out.computeIfAbsent(s.id(), k -> new LinkedHashSet<>()).add(s.id());
            for (Cause c : s.causes()) {
                out.computeIfAbsent(c.id(), k -> new LinkedHashSet<>()).add(s.id());
            }
        }
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        out.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        return Map.copyOf(copy);
    }

    static Entry reasonCode(ReasonCode rc) {
        Texts shown = new Texts();
        shown.add(rc.meaning());
        Texts hidden = new Texts();
        Commands commands = new Commands();
        for (Cause c : rc.causes()) {
            hidden.add(c.title()).add(c.detail());
            commands.addCause(c);
        }
        for (Remedy r : rc.remedies()) {
            hidden.add(r.summary());
            commands.addAll(r.commands());
        }
        for (KernelNote n : rc.kernelNotes()) {
            hidden.add(n.text());
        }
        List<String> keywords = new ArrayList<>();
        keywords.add(rc.hex());
        keywords.add(rc.hex().substring(2));
        keywords.add(Integer.toHexString(rc.code()));
        if (!rc.name().isEmpty()) {
            keywords.add(rc.name());
            keywords.add(rc.name().replace(CONSTANT_PREFIX, ""));
        }
        if (!rc.statsName().isEmpty()) {
            keywords.add(rc.statsName());
        }
        String label = rc.name().isEmpty() ? rc.hex() : rc.hex() + " " + rc.name();
        LocalizedText title = new LocalizedText(label + ": " + rc.title().en(), label + ": " + rc.title().ja());
        return new Entry(rc.hex(), Answer.Kind.REASON_CODE, title, shown.build(), hidden.build(), keywords, List.of(),
                List.of(rc.hex()), commands.list(), rc.references());
    }

    static Entry cause(Cause c, List<String> codes) {
        Texts shown = new Texts().add(c.detail());
        Texts hidden = new Texts();
        Commands commands = new Commands();
        commands.addCause(c);
        for (Check check : c.checks()) {
            hidden.add(check.summary()).add(check.lookFor());
        }
        for (Remedy r : c.remedies()) {
            hidden.add(r.summary());
        }
        List<String> keywords = new ArrayList<>(codes);
        keywords.addAll(commands.list());
        return new Entry(c.id(), Answer.Kind.CAUSE, c.title(), shown.build(), hidden.build(), keywords, List.of(),
                codes, commands.list(), c.references());
    }

    static Entry symptom(Symptom s) {
        Texts shown = new Texts().add(s.description());
        Texts hidden = new Texts();
        Commands commands = new Commands();
        for (Cause c : s.causes()) {
            hidden.add(c.title()).add(c.detail());
            commands.addCause(c);
        }
        List<String> codes = s.relatedCodes().stream().map(ReasonCode::hex).toList();
        List<String> keywords = new ArrayList<>(codes);
        return new Entry(s.id(), Answer.Kind.SYMPTOM, s.title(), shown.build(), hidden.build(), keywords, s.phrases(),
                codes, commands.list(), s.references());
    }

    static Entry socketOption(SocketOption o) {
        String label = o.name() + " (" + o.level() + ", " + o.value() + ")";
        // where mainline kernels differ from the seed's letter, the title says so with the kernels (catalog data)
        StringBuilder rangesEn = new StringBuilder();
        StringBuilder rangesJa = new StringBuilder();
        for (KernelVerdict v : o.kernelVerdicts()) {
            rangesEn.append("; ").append(v.support()).append(" on ").append(v.kernels().en())
                    .append(v.errno().map(e -> " (" + e + ")").orElse(""));
            rangesJa.append("、").append(v.kernels().ja()).append(" では ").append(v.support())
                    .append(v.errno().map(e -> " (" + e + ")").orElse(""));
        }
        LocalizedText title = new LocalizedText(
                TEXTS.format("knowledge.optionTitle", Language.EN, label, o.support(), o.support().consequence(Language.EN))
                        + (rangesEn.length() == 0 ? "" : " in the seed FAQ (Alibaba Cloud Linux 3)" + rangesEn),
                TEXTS.format("knowledge.optionTitle", Language.JA, label, o.support(), o.support().consequence(Language.JA))
                        + (rangesJa.length() == 0 ? "" : "（シード FAQ、Alibaba Cloud Linux 3）" + rangesJa));
        Texts hidden = new Texts();
        for (KernelVerdict v : o.kernelVerdicts()) {
            hidden.add(v.note());
        }
        for (KernelNote n : o.kernelNotes()) {
            hidden.add(n.text());
        }
        List<String> codes = o.fallbackCodes().stream().map(ReasonCode::hex).toList();
        List<String> keywords = new ArrayList<>();
        keywords.add(o.name());
        keywords.addAll(o.aliases());
        keywords.addAll(codes);
        return new Entry(o.level() + ":" + o.name(), Answer.Kind.SOCKET_OPTION, title, o.note(), hidden.build(),
                keywords, List.of(), codes, List.of(), o.references());
    }

    /** Collects English and Japanese paragraphs. */
    private static final class Texts {
        private final StringBuilder en = new StringBuilder();
        private final StringBuilder ja = new StringBuilder();

        Texts add(LocalizedText t) {
            append(en, t.en());
            append(ja, t.ja());
            return this;
        }

        private static void append(StringBuilder sb, String s) {
            if (!s.isBlank()) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(s.strip());
            }
        }

        LocalizedText build() {
            return new LocalizedText(en.toString(), ja.toString());
        }
    }

    /** Commands in first-seen order without duplicates. */
    private static final class Commands {
        private final Set<String> commands = new LinkedHashSet<>();

        void addCause(Cause c) {
            c.checks().forEach(check -> addAll(check.commands()));
            c.remedies().forEach(r -> addAll(r.commands()));
        }

        void addAll(List<String> list) {
            commands.addAll(list);
        }

        List<String> list() {
            return List.copyOf(commands);
        }
    }
}
