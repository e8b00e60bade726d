package io.smcdoctor.knowledge.internal;

import io.smcdoctor.Answers.Answer;
import io.smcdoctor.catalog.Application;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.KernelFeature;
import io.smcdoctor.catalog.KnowledgeFact;
import io.smcdoctor.catalog.KnownBug;
import io.smcdoctor.catalog.LocalizedText;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.Sysctl;
import io.smcdoctor.catalog.Tool;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the catalog's facts into searchable {@link Entry entries}: one per tool, sysctl, kernel feature, known bug and
 * application. What an answer shows is the fact's title and main text (purpose, meaning and tuning, impact,
 * description and action, summary and advice); everything else a question may ask about (options, output columns,
 * default and range, commits, splat functions, socket options an application sets) is searched but not shown.
 */
final class FactEntries {
    /** Commands in backquotes within fact texts ({@code `smcr -d stats`}), offered as the answer's commands. */
    private static final Pattern QUOTED_COMMAND = Pattern.compile("`((?:smc|sysctl|modprobe|rdma|ip |cat |echo )[^`]*)`");
    /** Application names are matched without what follows a slash or bracket ("Java / JVM (incl. Netty)"). */
    private static final Pattern NAME_CUT = Pattern.compile("\\s*[/(,].*$");

    private FactEntries() {
    }

    static List<Entry> of(Catalog catalog) {
        List<Entry> out = new ArrayList<>();
        catalog.tools().forEach(t -> out.add(tool(t)));
        catalog.sysctls().forEach(s -> out.add(sysctl(s)));
        catalog.kernelFeatures().forEach(f -> out.add(feature(f)));
        catalog.knownBugs().forEach(b -> out.add(bug(b)));
        catalog.applications().forEach(a -> out.add(application(a)));
        return out;
    }

    static Entry tool(Tool t) {
        Texts shown = new Texts().add(t.purpose());
        t.requires().ifPresent(shown::add);
        Texts hidden = new Texts();
        hidden.plain(String.join("\n", t.synopsis()));
        List<String> keywords = new ArrayList<>();
        keywords.add(t.command());
        for (Tool.Option o : t.options()) {
            hidden.labelled(o.name() + (o.longName().isEmpty() ? "" : " " + o.longName()), o.meaning());
        }
        for (Tool.Column c : t.columns()) {
            hidden.labelled(c.name(), c.meaning());
            keywords.add(c.name());
            for (Tool.Value v : c.values()) {
                hidden.labelled(v.value(), v.meaning());
                keywords.add(v.value());
            }
        }
        t.notes().forEach(hidden::add);
        hidden.plain(t.example());
        Set<String> commands = new LinkedHashSet<>(t.synopsis());
        commands.addAll(quotedCommands(t.purpose()));
        return entry(t, Answer.Kind.TOOL, t.title(), shown, hidden, keywords, List.of(t.command()),
                List.copyOf(commands));
    }

    static Entry sysctl(Sysctl s) {
        String label = s.fullName();
        LocalizedText title = new LocalizedText(label + ": " + s.title().en(), label + ": " + s.title().ja());
        String unit = s.unit().isEmpty() ? "" : " (" + s.unit() + ")";
        Texts shown = new Texts().add(s.meaning()).add(s.tuning()).add(new LocalizedText(
                "Default: " + s.defaultValue() + ". Range: " + s.range() + unit + ".",
                "既定値 (デフォルト): " + s.defaultValue() + "。範囲: " + s.range() + unit + "。"));
        Texts hidden = new Texts().add(s.note());
        s.appliesTo().ifPresent(hidden::add);
        if (!s.addedIn().isEmpty()) {
            shown.add(since(s.addedIn()));
        }
        hidden.plain(s.commitTitle());
        List<String> keywords = new ArrayList<>(List.of(s.fullName(), s.name()));
        if (!s.commit().isEmpty()) {
            keywords.add(s.commit());
            keywords.add(s.commit().substring(0, 12));
        }
        List<String> commands = new ArrayList<>();
        commands.add("sysctl " + s.fullName());
        commands.addAll(quotedCommands(s.tuning()));
        return entry(s, Answer.Kind.SYSCTL, title, shown, hidden, keywords, List.of(s.fullName(), s.name()),
                commands);
    }

    static Entry feature(KernelFeature f) {
        String since = f.addedIn().isEmpty() ? "" : " (Linux " + f.addedIn() + ")";
        LocalizedText title = new LocalizedText(f.title().en() + since, f.title().ja() + since);
        Texts shown = new Texts().add(f.userImpact());
        Texts hidden = new Texts().add(f.note());
        List<String> keywords = new ArrayList<>();
        for (KernelFeature.Commit c : f.commits()) {
            hidden.plain(c.title());
            keywords.add(c.id());
        }
        if (!f.config().isEmpty()) {
            keywords.add(f.config());
        }
        if (!f.addedIn().isEmpty()) {
            shown.add(since(f.addedIn()));
        }
        keywords.addAll(f.aliases());
        return entry(f, Answer.Kind.KERNEL_FEATURE, title, shown, hidden, keywords, f.aliases(),
                quotedCommands(f.userImpact()));
    }

    static Entry bug(KnownBug b) {
        String fixed = b.fixedIn().isEmpty() ? "" : KnownBug.KERNEL.equals(b.component())
                ? " (fixed in Linux " + b.fixedIn() + ")" : " (fixed in " + b.component() + " " + b.fixedIn() + ")";
        String fixedJa = b.fixedIn().isEmpty() ? "" : KnownBug.KERNEL.equals(b.component())
                ? "（Linux " + b.fixedIn() + " で修正）" : "（" + b.component() + " " + b.fixedIn() + " で修正）";
        LocalizedText title = new LocalizedText(b.title().en() + fixed, b.title().ja() + fixedJa);
        Texts shown = new Texts().add(b.description()).add(b.action());
        Texts hidden = new Texts().add(b.trigger()).add(b.note());
        if (!b.fixedIn().isEmpty() && KnownBug.KERNEL.equals(b.component())) {
            shown.add(new LocalizedText("Fixed in Linux kernel version " + b.fixedIn() + " (mainline); an older kernel"
                    + " without the fix or a stable backport of it may be affected.",
                    "メインラインの Linux カーネルのバージョン " + b.fixedIn() + " で修正されました。修正 (または stable への"
                            + "バックポート) を含まない古いカーネルは影響を受ける可能性があります。"));
        } else if (!b.fixedIn().isEmpty()) {
            shown.add(new LocalizedText("Fixed in " + b.component() + " version " + b.fixedIn() + "; older versions may"
                    + " be affected.", b.component() + " のバージョン " + b.fixedIn() + " で修正されました。それより古い"
                    + "バージョンは影響を受ける可能性があります。"));
        }
        List<String> keywords = new ArrayList<>(b.splatFunctions());
        keywords.add(b.commit());
        keywords.add(b.commit().substring(0, 12));
        List<String> names = new ArrayList<>(b.splatFunctions());
        if (!b.cve().isEmpty()) {
            keywords.add(b.cve());
            names.add(b.cve());
        }
        if (!b.errno().isEmpty()) {
            keywords.add(b.errno());
        }
        return entry(b, Answer.Kind.KNOWN_BUG, title, shown, hidden, keywords, names, quotedCommands(b.action()));
    }

    static Entry application(Application a) {
        Texts shown = new Texts().add(a.summary()).add(a.advice());
        Texts hidden = new Texts().add(a.note());
        List<String> keywords = new ArrayList<>();
        keywords.add(a.name());
        List<String> codes = new ArrayList<>();
        for (Application.OptionUse u : a.socketOptions()) {
            hidden.labelled(u.option() + " (" + u.setBy() + ")", u.effect());
            keywords.add(u.option());
            u.codes().forEach(c -> codes.add(ReasonCode.hex(c)));
        }
        String shortName = NAME_CUT.matcher(a.name()).replaceAll("").strip();
        List<String> names = new ArrayList<>();
        names.add(shortName);
        if (!a.id().substring(a.id().indexOf(':') + 1).equals(shortName.toLowerCase(Locale.ROOT))) {
            names.add(a.id().substring(a.id().indexOf(':') + 1));
        }
        Set<String> commands = new LinkedHashSet<>(quotedCommands(a.summary()));
        commands.addAll(quotedCommands(a.advice()));
        Entry e = entry(a, Answer.Kind.APPLICATION, a.title(), shown, hidden, keywords, names, List.copyOf(commands));
        Set<String> allCodes = new LinkedHashSet<>(e.reasonCodes());
        allCodes.addAll(codes);
        return new Entry(e.id(), e.kind(), e.title(), e.text(), e.searchText(), e.keywords(), e.phrases(), e.names(),
                List.copyOf(allCodes), e.commands(), e.references());
    }

    private static Entry entry(KnowledgeFact f, Answer.Kind kind, LocalizedText title, Texts shown, Texts hidden,
                               List<String> keywords, List<String> names, List<String> commands) {
        List<String> codes = f.relatedCodes().stream().map(ReasonCode::hex).toList();
        List<String> kw = new ArrayList<>(keywords);
        kw.add(f.id());
        kw.addAll(codes);
        List<String> lowerNames = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).filter(n -> !n.isBlank())
                .distinct().toList();
        return new Entry(f.id(), kind, title, shown.build(), hidden.build(), kw, List.of(), lowerNames, codes,
                commands, f.references());
    }

    /**
     * The release a feature or sysctl first appeared in, in the words people ask with ("which kernel version first
     * had ...", "どのカーネルから使える").
     */
    private static LocalizedText since(String release) {
        return new LocalizedText("Available since Linux kernel version " + release + " (first added in mainline "
                + release + "); older kernels do not have it.",
                "Linux カーネルのバージョン " + release + " で最初に追加され、" + release
                        + " 以降のカーネルから使えます。それより古いカーネルにはありません。");
    }

    /** Commands quoted in a text ({@code `smcr -d stats`}), in order, without duplicates. */
    static List<String> quotedCommands(LocalizedText t) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = QUOTED_COMMAND.matcher(t.en());
        while (m.find()) {
            out.add(m.group(1).strip());
        }
        return List.copyOf(out);
    }

    /** Collects English and Japanese paragraphs; plain text (names, formats) goes into both. */
    private static final class Texts {
        private final StringBuilder en = new StringBuilder();
        private final StringBuilder ja = new StringBuilder();

        Texts add(LocalizedText t) {
            append(en, t.en());
            append(ja, t.ja());
            return this;
        }

        Texts plain(String s) {
            append(en, s);
            append(ja, s);
            return this;
        }

        Texts labelled(String label, LocalizedText t) {
            append(en, label + ": " + t.en());
            append(ja, label + ": " + t.ja());
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
}
