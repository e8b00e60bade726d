package io.smcdoctor.catalog.internal;

import io.smcdoctor.catalog.Application;
import io.smcdoctor.catalog.KernelFeature;
import io.smcdoctor.catalog.KnowledgeFact;
import io.smcdoctor.catalog.KnownBug;
import io.smcdoctor.catalog.LocalizedText;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.Sysctl;
import io.smcdoctor.catalog.Tool;
import io.smcdoctor.catalog.internal.CatalogMapper.Obj;
import io.smcdoctor.catalog.internal.FactDrafts.FactEntry;
import io.smcdoctor.catalog.internal.FactDrafts.Ref;
import io.smcdoctor.catalog.internal.FactDrafts.Target;
import io.smcdoctor.catalog.internal.YamlNode.Field;
import io.smcdoctor.catalog.internal.YamlNode.ListNode;
import io.smcdoctor.catalog.internal.YamlNode.MapNode;
import io.smcdoctor.catalog.internal.YamlNode.Mark;
import io.smcdoctor.catalog.internal.YamlNode.ScalarNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the fact lists of one knowledge file ({@code tools}, {@code sysctls}, {@code features}, {@code knownBugs},
 * {@code applications}) to {@link FactEntry drafts}, as strictly as {@link CatalogMapper} maps reason codes: unknown
 * fields, missing or blank English/Japanese text, malformed ids, versions, commit ids and CVE ids, values outside a
 * closed vocabulary and duplicate ids in the file are reported with their position, and mapping goes on. References
 * to other facts, reason codes and socket options (in the {@code related*} lists, in application socket options and
 * as {@code tool:...}/{@code bug:...} ids written in the texts) are collected for the loader to resolve once all
 * files are merged. One instance per file; not thread-safe.
 */
final class FactMapper {
    private static final Pattern TOOL_ID = Pattern.compile("tool:[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*");
    private static final Pattern SYSCTL_ID = Pattern.compile("sysctl:net\\.[a-z0-9_]+(?:\\.[a-z0-9_]+)*");
    private static final Pattern SLUG_ID = Pattern.compile("(?:feature|bug|app):[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern SMC_SYSCTL_NAME = Pattern.compile("[a-z0-9_]+");
    private static final Pattern TOOLS_VERSION = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{12,40}");
    private static final Pattern CVE = Pattern.compile("CVE-[0-9]{4}-[0-9]{4,7}");
    private static final Pattern ERRNO = Pattern.compile("E[A-Z0-9]+");
    private static final Pattern CONFIG = Pattern.compile("CONFIG_[A-Z0-9_]+");
    private static final Pattern FUNCTION = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Socket option names inside an application's {@code option} text ("SO_KEEPALIVE / TCP_KEEPIDLE"). */
    private static final Pattern OPTION_NAME = Pattern.compile("(?<![A-Za-z0-9_])(?:SO|TCP)_[A-Z0-9_]+");
    /** Fact ids written in texts ("see bug:dangling-sock-appfinclosewait"). */
    static final Pattern MENTION = Pattern.compile(
            "(?<![A-Za-z0-9_:])(?:tool|sysctl|feature|bug|app):[A-Za-z0-9_.\\-]*[A-Za-z0-9_]");
    private static final String SMC_TOOLS = "smc-tools";

    private static final Set<String> TEXT_FIELDS = Set.of("en", "ja");
    private static final Set<String> TOOL_FIELDS = Set.of("id", "command", "since", "title", "purpose", "synopsis",
            "requires", "options", "columns", "example", "exampleSource", "notes", "relatedCodes", "relatedTools",
            "relatedSysctls", "references");
    private static final Set<String> TOOL_OPTION_FIELDS = Set.of("name", "long", "argument", "since", "meaning");
    private static final Set<String> COLUMN_FIELDS = Set.of("name", "unit", "format", "since", "meaning", "values");
    private static final Set<String> VALUE_FIELDS = Set.of("value", "meaning");
    private static final Set<String> SYSCTL_FIELDS = Set.of("id", "name", "title", "origin", "type", "unit",
            "default", "range", "addedIn", "commit", "commitTitle", "verified", "note", "meaning", "tuning",
            "appliesTo", "relatedCodes", "relatedTools", "related", "references");
    private static final Set<String> FEATURE_FIELDS = Set.of("id", "aliases", "title", "addedIn", "commits", "verified", "note",
            "userImpact", "config", "relatedSysctls", "relatedCodes", "relatedTools", "relatedBugs", "references");
    private static final Set<String> COMMIT_FIELDS = Set.of("id", "title");
    private static final Set<String> BUG_FIELDS = Set.of("id", "title", "commit", "commitTitle", "fixedIn", "stable",
            "cve", "introducedBy", "symptom", "component", "errno", "splatFunctions", "description", "trigger",
            "action", "verified", "note", "references");
    private static final Set<String> APP_FIELDS = Set.of("id", "name", "kind", "title", "smcRun", "summary",
            "socketOptions", "advice", "relatedBugs", "relatedSysctls", "relatedCodes", "relatedTools", "verified",
            "note", "references");
    private static final Set<String> OPTION_USE_FIELDS = Set.of("option", "setBy", "effect", "codes");

    private final CatalogMapper base;
    private final Problems problems;

    FactMapper(CatalogMapper base, Problems problems) {
        this.base = base;
        this.problems = problems;
    }

    /** Every fact of the file, in file order; the top level itself was checked by {@link CatalogMapper}. */
    List<FactEntry> map(YamlNode root) {
        List<FactEntry> out = new ArrayList<>();
        if (!(root instanceof MapNode m)) {
            return out;
        }
        Map<String, Mark> seen = new HashMap<>();
        section(m, "tools", this::tool, seen, out);
        section(m, "sysctls", this::sysctl, seen, out);
        section(m, "features", this::feature, seen, out);
        section(m, "knownBugs", this::bug, seen, out);
        section(m, "applications", this::application, seen, out);
        return out;
    }

    private void section(MapNode root, String key, Function<YamlNode, Optional<FactEntry>> f, Map<String, Mark> seen,
                         List<FactEntry> out) {
        Optional<Field> field = root.field(key);
        if (field.isEmpty() || (field.get().value() instanceof ScalarNode s && s.isNull())) {
            return;
        }
        if (!(field.get().value() instanceof ListNode list)) {
            problems.add(field.get().value().mark(), "'" + key + "' must be a list, found " + field.get().value().kind());
            return;
        }
        for (YamlNode n : list.items()) {
            // the id is checked for duplicates as written, so that a second entry is reported even when the first
            // one has problems of its own
            Optional<String> written = n instanceof MapNode entry ? entry.field("id").map(Field::value)
                    .filter(v -> v instanceof ScalarNode s && !s.isNull()).map(v -> ((ScalarNode) v).text().strip())
                    : Optional.empty();
            Optional<FactEntry> mapped = f.apply(n);
            Mark first = written.map(id -> seen.putIfAbsent(id, n.mark())).orElse(null);
            if (first != null) {
                problems.add(n.mark(), "duplicate id '" + written.get() + "' (first at line " + first.line()
                        + "); one entry per id");
            } else {
                mapped.ifPresent(out::add);
            }
        }
    }

    // ---- kinds ------------------------------------------------------------------------------------------

    private Optional<FactEntry> tool(YamlNode n) {
        Optional<Obj> oo = base.obj(n, "a tool", TOOL_FIELDS);
        if (oo.isEmpty()) {
            return Optional.empty();
        }
        Obj o = oo.get();
        Refs refs = new Refs();
        Optional<String> id = factId(o, TOOL_ID, "tool:smcss or tool:smc_run");
        Optional<String> command = o.required("command").flatMap(base::nonBlank);
        String since = version(o, "since", TOOLS_VERSION, "an smc-tools release like 1.4.0", Presence.PRESENT);
        LocalizedText title = text(o, "title", refs);
        LocalizedText purpose = text(o, "purpose", refs);
        List<String> synopsis = o.strings("synopsis");
        Optional<LocalizedText> requires = optionalText(o, "requires", refs);
        List<Tool.Option> options = o.mapList("options", item -> toolOption(item, refs));
        List<Tool.Column> columns = o.mapList("columns", item -> column(item, refs));
        String example = string(o, "example");
        String exampleSource = string(o, "exampleSource");
        if (!example.isEmpty() && exampleSource.isEmpty()) {
            problems.add(o.node.mark(), "an example needs its 'exampleSource' (man page, or synthetic after the source)");
        }
        List<LocalizedText> notes = textList(o, "notes", refs);
        List<Integer> codes = codes(o, "relatedCodes", refs);
        List<String> tools = factIds(o, "relatedTools", "tool:", refs);
        List<String> sysctls = factIds(o, "relatedSysctls", "sysctl:", refs);
        List<String> references = o.strings("references");
        if (id.isEmpty() || command.isEmpty()) {
            return Optional.empty();
        }
        Tool t = new Tool(id.get(), command.get(), since, title, purpose, synopsis, requires, options, columns,
                example, exampleSource, notes, codes, tools, sysctls, references);
        return Optional.of(new FactEntry(t, o.node.mark(), refs.list, List.of(command.get())));
    }

    private Optional<Tool.Option> toolOption(YamlNode n, Refs refs) {
        return base.obj(n, "a tool option", TOOL_OPTION_FIELDS).flatMap(o -> {
            Optional<String> name = o.required("name").flatMap(base::nonBlank);
            String since = version(o, "since", TOOLS_VERSION, "an smc-tools release like 1.4.0", Presence.REQUIRED);
            LocalizedText meaning = text(o, "meaning", refs);
            return name.map(nm -> new Tool.Option(nm, string(o, "long"), string(o, "argument"), since, meaning));
        });
    }

    private Optional<Tool.Column> column(YamlNode n, Refs refs) {
        return base.obj(n, "an output column", COLUMN_FIELDS).flatMap(o -> {
            Optional<String> name = o.required("name").flatMap(base::nonBlank);
            String since = version(o, "since", TOOLS_VERSION, "an smc-tools release like 1.8.4", Presence.OPTIONAL);
            LocalizedText meaning = text(o, "meaning", refs);
            List<Tool.Value> values = o.mapList("values", item -> base.obj(item, "a column value", VALUE_FIELDS)
                    .flatMap(v -> {
                        Optional<String> value = v.required("value").flatMap(base::nonBlank);
                        LocalizedText vm = text(v, "meaning", refs);
                        return value.map(val -> new Tool.Value(val, vm));
                    }));
            return name.map(nm -> new Tool.Column(nm, string(o, "unit"), string(o, "format"), since, meaning, values));
        });
    }

    private Optional<FactEntry> sysctl(YamlNode n) {
        Optional<Obj> oo = base.obj(n, "a sysctl", SYSCTL_FIELDS);
        if (oo.isEmpty()) {
            return Optional.empty();
        }
        Obj o = oo.get();
        Refs refs = new Refs();
        Optional<String> id = factId(o, SYSCTL_ID, "sysctl:net.smc.wmem");
        Optional<String> name = o.required("name").flatMap(base::nonBlank);
        LocalizedText title = text(o, "title", refs);
        Optional<Sysctl.Origin> origin = vocabulary(o, "origin", Sysctl.Origin.class, true);
        String type = requiredString(o, "type");
        String unit = string(o, "unit");
        String dflt = requiredString(o, "default");
        String range = requiredString(o, "range");
        String addedIn = version(o, "addedIn", CatalogMapper.KERNEL_VERSION, "a mainline release like 6.12",
                Presence.PRESENT);
        String commit = commit(o, "commit", false);
        String commitTitle = string(o, "commitTitle");
        boolean verified = verified(o);
        LocalizedText note = text(o, "note", refs);
        LocalizedText meaning = text(o, "meaning", refs);
        LocalizedText tuning = text(o, "tuning", refs);
        Optional<LocalizedText> appliesTo = optionalText(o, "appliesTo", refs);
        List<Integer> codes = codes(o, "relatedCodes", refs);
        List<String> tools = factIds(o, "relatedTools", "tool:", refs);
        List<String> related = factIds(o, "related", "sysctl:", refs);
        List<String> references = o.strings("references");
        if (id.isEmpty() || name.isEmpty() || origin.isEmpty()) {
            return Optional.empty();
        }
        Sysctl s = new Sysctl(id.get(), name.get(), title, origin.get(), type, unit, dflt, range, addedIn, commit,
                commitTitle, verified, note, meaning, tuning, appliesTo, codes, tools, related, references);
        Mark at = o.node.mark();
        if (origin.get() == Sysctl.Origin.RELATED) {
            if (!name.get().contains(".")) {
                problems.add(at, "the name of a related sysctl is its full name, e.g. net.core.rmem_max, was '"
                        + name.get() + "'");
            }
        } else if (!SMC_SYSCTL_NAME.matcher(name.get()).matches()) {
            problems.add(at, "the name of an SMC sysctl is the part after net.smc., e.g. limit_smc_hs, was '"
                    + name.get() + "'");
        }
        if (!id.get().equals("sysctl:" + s.fullName())) {
            problems.add(at, "id '" + id.get() + "' does not match the name: expected 'sysctl:" + s.fullName() + "'");
        }
        if (origin.get() == Sysctl.Origin.MAINLINE && (addedIn.isEmpty() || commit.isEmpty())) {
            problems.add(at, "a mainline sysctl needs 'addedIn' (first release) and 'commit'");
        }
        if (origin.get() != Sysctl.Origin.MAINLINE && !addedIn.isEmpty()) {
            problems.add(at, "'addedIn' is the first mainline release; a " + CatalogMapper.yamlName(origin.get())
                    + " sysctl has none (say in 'note' which kernels have it)");
        }
        if (!commit.isEmpty() && commitTitle.isEmpty()) {
            problems.add(at, "a 'commit' needs its 'commitTitle'");
        }
        return Optional.of(new FactEntry(s, at, refs.list, List.of(s.fullName())));
    }

    private Optional<FactEntry> feature(YamlNode n) {
        Optional<Obj> oo = base.obj(n, "a kernel feature", FEATURE_FIELDS);
        if (oo.isEmpty()) {
            return Optional.empty();
        }
        Obj o = oo.get();
        Refs refs = new Refs();
        Optional<String> id = factId(o, SLUG_ID, "feature:loopback-ism");
        id.filter(i -> !i.startsWith("feature:")).ifPresent(i -> problems.add(o.node.mark(),
                "a kernel feature's id starts with 'feature:', was '" + i + "'"));
        List<String> aliases = o.strings("aliases");
        LocalizedText title = text(o, "title", refs);
        String addedIn = version(o, "addedIn", CatalogMapper.KERNEL_VERSION, "a mainline release like 6.10",
                Presence.PRESENT);
        List<KernelFeature.Commit> commits = new ArrayList<>();
        if (o.get("commits").isEmpty()) {
            problems.add(o.node.mark(), "missing field 'commits' in a kernel feature (write [] when not known)");
        }
        for (YamlNode c : o.list("commits")) {
            base.obj(c, "a commit", COMMIT_FIELDS).ifPresent(co -> {
                String cid = commit(co, "id", true);
                String ctitle = requiredString(co, "title");
                if (!cid.isEmpty()) {
                    commits.add(new KernelFeature.Commit(cid, ctitle));
                }
            });
        }
        boolean verified = verified(o);
        LocalizedText note = text(o, "note", refs);
        LocalizedText impact = text(o, "userImpact", refs);
        String config = matching(o, "config", CONFIG, "a kernel config option like CONFIG_SMC_LO");
        List<String> sysctls = factIds(o, "relatedSysctls", "sysctl:", refs);
        List<Integer> codes = codes(o, "relatedCodes", refs);
        List<String> tools = factIds(o, "relatedTools", "tool:", refs);
        List<String> bugs = factIds(o, "relatedBugs", "bug:", refs);
        List<String> references = o.strings("references");
        if (verified && (addedIn.isEmpty() || commits.isEmpty())) {
            problems.add(o.node.mark(), "a verified feature needs 'addedIn' and its 'commits'");
        }
        if (id.isEmpty()) {
            return Optional.empty();
        }
        KernelFeature f = new KernelFeature(id.get(), aliases, title, addedIn, commits, verified, note, impact, config,
                sysctls, codes, tools, bugs, references);
        return Optional.of(new FactEntry(f, o.node.mark(), refs.list, aliases));
    }

    private Optional<FactEntry> bug(YamlNode n) {
        Optional<Obj> oo = base.obj(n, "a known bug", BUG_FIELDS);
        if (oo.isEmpty()) {
            return Optional.empty();
        }
        Obj o = oo.get();
        Refs refs = new Refs();
        Optional<String> id = factId(o, SLUG_ID, "bug:listen-loop");
        id.filter(i -> !i.startsWith("bug:")).ifPresent(i -> problems.add(o.node.mark(),
                "a known bug's id starts with 'bug:', was '" + i + "'"));
        LocalizedText title = text(o, "title", refs);
        String commit = commit(o, "commit", true);
        String commitTitle = requiredString(o, "commitTitle");
        String component = o.get("component").flatMap(base::scalarText).orElse(KnownBug.KERNEL);
        if (!KnownBug.KERNEL.equals(component) && !SMC_TOOLS.equals(component)) {
            problems.add(o.get("component").orElseThrow().mark(), "'component' must be kernel (the default) or "
                    + SMC_TOOLS + ", was '" + component + "'");
        }
        String fixedIn = SMC_TOOLS.equals(component)
                ? version(o, "fixedIn", TOOLS_VERSION, "the smc-tools release with the fix, like 1.8.4", Presence.PRESENT)
                : version(o, "fixedIn", CatalogMapper.KERNEL_VERSION,
                        "the mainline release with the fix, like 6.13", Presence.PRESENT);
        List<String> stable = o.strings("stable");
        String cve = matching(o, "cve", CVE, "a CVE id like CVE-2024-56641");
        String introducedBy = o.get("introducedBy").isPresent() ? commit(o, "introducedBy", false) : "";
        Optional<KnownBug.Effect> effect = vocabulary(o, "symptom", KnownBug.Effect.class, true);
        String errno = matching(o, "errno", ERRNO, "an error name like EOPNOTSUPP");
        List<String> functions = new ArrayList<>();
        if (o.get("splatFunctions").isEmpty()) {
            problems.add(o.node.mark(), "missing field 'splatFunctions' in a known bug (write [] when a report names"
                    + " no function)");
        }
        for (YamlNode f : o.list("splatFunctions")) {
            base.scalarText(f).ifPresent(t -> {
                if (FUNCTION.matcher(t).matches()) {
                    functions.add(t);
                } else {
                    problems.add(f.mark(), "splat function '" + t + "' must be a C function name");
                }
            });
        }
        LocalizedText description = text(o, "description", refs);
        LocalizedText trigger = text(o, "trigger", refs);
        LocalizedText action = text(o, "action", refs);
        boolean verified = verified(o);
        LocalizedText note = text(o, "note", refs);
        List<String> references = o.strings("references");
        if (fixedIn.isEmpty() && verified) {
            problems.add(o.node.mark(), "a verified bug needs 'fixedIn'");
        }
        effect.ifPresent(e -> {
            if (e == KnownBug.Effect.ERRNO && errno.isEmpty()) {
                problems.add(o.node.mark(), "symptom errno needs 'errno' (the error name, e.g. EOPNOTSUPP)");
            }
            if (e != KnownBug.Effect.ERRNO && !errno.isEmpty()) {
                problems.add(o.get("errno").orElseThrow().mark(), "'errno' is only for symptom errno");
            }
        });
        if (id.isEmpty() || effect.isEmpty() || commit.isEmpty()) {
            return Optional.empty();
        }
        KnownBug b = new KnownBug(id.get(), title, commit, commitTitle, fixedIn, stable, cve, introducedBy,
                effect.get(), component, errno, functions, description, trigger, action, verified, note, references);
        return Optional.of(new FactEntry(b, o.node.mark(), refs.list, cve.isEmpty() ? List.of() : List.of(cve)));
    }

    private Optional<FactEntry> application(YamlNode n) {
        Optional<Obj> oo = base.obj(n, "an application", APP_FIELDS);
        if (oo.isEmpty()) {
            return Optional.empty();
        }
        Obj o = oo.get();
        Refs refs = new Refs();
        Optional<String> id = factId(o, SLUG_ID, "app:nginx");
        id.filter(i -> !i.startsWith("app:")).ifPresent(i -> problems.add(o.node.mark(),
                "an application's id starts with 'app:', was '" + i + "'"));
        Optional<String> name = o.required("name").flatMap(base::nonBlank);
        Optional<Application.Category> category = vocabulary(o, "kind", Application.Category.class, true);
        LocalizedText title = text(o, "title", refs);
        Optional<Application.SmcRun> smcRun = vocabulary(o, "smcRun", Application.SmcRun.class, true);
        LocalizedText summary = text(o, "summary", refs);
        List<Application.OptionUse> uses = o.mapList("socketOptions", item -> optionUse(item, refs));
        LocalizedText advice = text(o, "advice", refs);
        List<String> bugs = factIds(o, "relatedBugs", "bug:", refs);
        List<String> sysctls = factIds(o, "relatedSysctls", "sysctl:", refs);
        List<Integer> codes = codes(o, "relatedCodes", refs);
        List<String> tools = factIds(o, "relatedTools", "tool:", refs);
        boolean verified = verified(o);
        LocalizedText note = text(o, "note", refs);
        List<String> references = o.strings("references");
        if (id.isEmpty() || name.isEmpty() || category.isEmpty() || smcRun.isEmpty()) {
            return Optional.empty();
        }
        Application a = new Application(id.get(), name.get(), category.get(), title, smcRun.get(), summary, uses,
                advice, bugs, sysctls, codes, tools, verified, note, references);
        return Optional.of(new FactEntry(a, o.node.mark(), refs.list, List.of(name.get())));
    }

    private Optional<Application.OptionUse> optionUse(YamlNode n, Refs refs) {
        return base.obj(n, "an application socket option", OPTION_USE_FIELDS).flatMap(o -> {
            Optional<String> option = o.required("option").flatMap(base::nonBlank);
            option.ifPresent(text -> {
                Matcher m = OPTION_NAME.matcher(text);
                while (m.find()) {
                    refs.add(Target.OPTION, m.group(), o.get("option").orElseThrow().mark(), "option");
                }
            });
            String setBy = requiredString(o, "setBy");
            LocalizedText effect = text(o, "effect", refs);
            List<Integer> codes = codes(o, "codes", refs);
            return option.map(opt -> new Application.OptionUse(opt, setBy, effect, codes));
        });
    }

    // ---- fields -----------------------------------------------------------------------------------------

    /** References of one entry, in the order they are written. */
    private static final class Refs {
        final List<Ref> list = new ArrayList<>();

        void add(Target target, String value, Mark at, String field) {
            list.add(new Ref(target, value, at, field));
        }
    }

    private Optional<String> factId(Obj o, Pattern pattern, String example) {
        return o.required("id").flatMap(base::scalarText).flatMap(t -> {
            if (!pattern.matcher(t).matches()) {
                problems.add(o.get("id").orElseThrow().mark(), "id '" + t + "' is malformed; write it like " + example);
                return Optional.empty();
            }
            return Optional.of(t);
        });
    }

    /** Ids of other facts of one kind; each must carry the kind's prefix and is resolved later. */
    private List<String> factIds(Obj o, String key, String prefix, Refs refs) {
        List<String> out = new ArrayList<>();
        for (YamlNode item : o.list(key)) {
            base.scalarText(item).ifPresent(t -> {
                if (!t.startsWith(prefix)) {
                    problems.add(item.mark(), "'" + key + "' lists " + prefix + "... ids, found '" + t + "'");
                } else if (out.contains(t)) {
                    problems.add(item.mark(), "'" + t + "' is listed twice in '" + key + "'");
                } else {
                    out.add(t);
                    refs.add(Target.FACT, t, item.mark(), key);
                }
            });
        }
        return out;
    }

    private List<Integer> codes(Obj o, String key, Refs refs) {
        List<Integer> out = new ArrayList<>();
        for (YamlNode item : o.list(key)) {
            base.hexCode(item).ifPresent(c -> {
                out.add(c);
                refs.add(Target.CODE, ReasonCode.hex(c), item.mark(), key);
            });
        }
        return out;
    }

    /** Required bilingual text; fact ids written in it are collected as references. */
    private LocalizedText text(Obj o, String key, Refs refs) {
        LocalizedText t = o.text(key);
        o.get(key).ifPresent(node -> mentions(t, node.mark(), key, refs));
        return t;
    }

    private Optional<LocalizedText> optionalText(Obj o, String key, Refs refs) {
        return o.get(key).isPresent() ? Optional.of(text(o, key, refs)) : Optional.empty();
    }

    /** A list of bilingual texts ({@code notes}). */
    private List<LocalizedText> textList(Obj o, String key, Refs refs) {
        List<LocalizedText> out = new ArrayList<>();
        for (YamlNode item : o.list(key)) {
            // read each item as the single field of a mapping, so that its en/ja checks report the item's position
            MapNode wrapper = new MapNode(item.mark(), Map.of(key, new Field(key, item.mark(), item)));
            Obj w = base.new Obj(wrapper, "'" + key + "'", Set.of(key));
            out.add(text(w, key, refs));
        }
        return out;
    }

    private static void mentions(LocalizedText t, Mark at, String field, Refs refs) {
        Set<String> seen = new LinkedHashSet<>();
        for (String s : List.of(t.en(), t.ja())) {
            Matcher m = MENTION.matcher(s);
            while (m.find()) {
                seen.add(m.group());
            }
        }
        seen.forEach(id -> refs.add(Target.FACT, id, at, field));
    }

    /** An optional single value; empty when absent or null. */
    private String string(Obj o, String key) {
        return o.optionalString(key).orElse("");
    }

    private String requiredString(Obj o, String key) {
        return o.required(key).flatMap(base::nonBlank).orElse("");
    }

    /** How a version field must be written. */
    private enum Presence {
        /** Present and not empty. */
        REQUIRED,
        /** Present; {@code ""} when not known. */
        PRESENT,
        /** May be left out. */
        OPTIONAL
    }

    private String version(Obj o, String key, Pattern pattern, String what, Presence presence) {
        Optional<YamlNode> v = presence == Presence.REQUIRED ? o.required(key) : o.get(key);
        if (v.isEmpty()) {
            if (presence == Presence.PRESENT) {
                problems.add(o.node.mark(), "missing field '" + key + "' in " + o.what
                        + " (write \"\" when it is not known)");
            }
            return "";
        }
        if (v.get() instanceof ScalarNode s && (s.isNull() || s.text().isBlank())) {
            if (presence == Presence.REQUIRED) {
                problems.add(s.mark(), "'" + key + "' must not be empty: " + what);
            }
            return "";
        }
        return base.scalarText(v.get()).map(t -> {
            if (!pattern.matcher(t).matches()) {
                problems.add(v.get().mark(), "'" + key + "' must be " + what + " (quoted in YAML), was '" + t + "'");
                return "";
            }
            return t;
        }).orElse("");
    }

    private String commit(Obj o, String key, boolean required) {
        Optional<YamlNode> v = required ? o.required(key) : o.get(key);
        return v.flatMap(base::scalarText).map(t -> {
            if (!COMMIT.matcher(t).matches()) {
                problems.add(v.get().mark(), "'" + key + "' must be a commit id of 12 to 40 lower-case hex digits, was '"
                        + t + "'");
                return "";
            }
            return t;
        }).orElse("");
    }

    private String matching(Obj o, String key, Pattern pattern, String what) {
        Optional<YamlNode> v = o.get(key);
        return v.flatMap(base::scalarText).map(t -> {
            if (!pattern.matcher(t).matches()) {
                problems.add(v.get().mark(), "'" + key + "' must be " + what + ", was '" + t + "'");
                return "";
            }
            return t;
        }).orElse("");
    }

    /** {@code verified} is required: every fact says whether its versions were checked. */
    private boolean verified(Obj o) {
        if (o.get("verified").isEmpty()) {
            problems.add(o.node.mark(), "missing field 'verified' in " + o.what
                    + " (true when the versions and commits were checked in their history)");
            return false;
        }
        return o.bool("verified", false);
    }

    /** A value of a closed vocabulary in YAML spelling ({@code null-deref}, {@code load-generator}). */
    private <E extends Enum<E>> Optional<E> vocabulary(Obj o, String key, Class<E> type, boolean required) {
        Optional<YamlNode> v = required ? o.required(key) : o.get(key);
        return v.flatMap(base::scalarText).flatMap(t -> {
            for (E e : type.getEnumConstants()) {
                if (CatalogMapper.yamlName(e).equals(t)) {
                    return Optional.of(e);
                }
            }
            List<String> allowed = Arrays.stream(type.getEnumConstants()).map(CatalogMapper::yamlName).toList();
            List<String> close = Similarity.closest(t, allowed, 1);
            problems.add(v.get().mark(), "'" + key + "' must be one of " + String.join(", ", allowed) + ", was '" + t
                    + "'" + (close.isEmpty() ? "" : "; did you mean '" + close.get(0) + "'?"));
            return Optional.empty();
        });
    }

    /** The kind a full id names, from its prefix. */
    static Optional<KnowledgeFact.Kind> kindOf(String id) {
        int colon = id.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String prefix = id.substring(0, colon);
        for (KnowledgeFact.Kind k : KnowledgeFact.Kind.values()) {
            if (k.prefix().equals(prefix)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
