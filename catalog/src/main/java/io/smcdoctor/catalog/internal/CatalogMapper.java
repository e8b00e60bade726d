package io.smcdoctor.catalog.internal;

import io.smcdoctor.catalog.Cause;
import io.smcdoctor.catalog.Check;
import io.smcdoctor.catalog.KernelNote;
import io.smcdoctor.catalog.KernelVerdict;
import io.smcdoctor.catalog.LocalizedText;
import io.smcdoctor.catalog.Origin;
import io.smcdoctor.catalog.Preconditions;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.Remedy;
import io.smcdoctor.catalog.Severity;
import io.smcdoctor.catalog.Side;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.SockoptLevel;
import io.smcdoctor.catalog.Support;
import io.smcdoctor.catalog.internal.Drafts.CauseRef;
import io.smcdoctor.catalog.internal.Drafts.CauseSlot;
import io.smcdoctor.catalog.internal.Drafts.CodeEntry;
import io.smcdoctor.catalog.internal.Drafts.FileContent;
import io.smcdoctor.catalog.internal.Drafts.InlineCause;
import io.smcdoctor.catalog.internal.Drafts.Located;
import io.smcdoctor.catalog.internal.Drafts.OptionEntry;
import io.smcdoctor.catalog.internal.Drafts.SymptomDraft;
import io.smcdoctor.catalog.internal.YamlNode.Field;
import io.smcdoctor.catalog.internal.YamlNode.ListNode;
import io.smcdoctor.catalog.internal.YamlNode.MapNode;
import io.smcdoctor.catalog.internal.YamlNode.Mark;
import io.smcdoctor.catalog.internal.YamlNode.ScalarNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the node tree of one knowledge file to drafts, checking every field strictly: unknown fields, missing
 * or blank English/Japanese text, malformed hex codes, bad enum values and duplicates inside the file are
 * all reported (with the position of the offending key or value), and mapping continues so that one run
 * reports every problem. One instance per file; not thread-safe.
 */
final class CatalogMapper {
    static final String SCHEMA = "smc-doctor/catalog/v1";

    private static final Pattern HEX_CODE = Pattern.compile("0x[0-9a-fA-F]{8}");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern OPTION_NAME = Pattern.compile("(?:SO|TCP|SCM)_[A-Z0-9_]+");
    private static final Pattern CONSTANT = Pattern.compile("SMC_CLC_DECL_[A-Z0-9_]+");
    private static final Pattern STATS_NAME = Pattern.compile("[A-Z0-9_]+");

    private static final Set<String> ROOT_FIELDS = Set.of("schema", "reasonCodes", "symptoms", "socketOptions",
            "tools", "sysctls", "features", "knownBugs", "applications");
    private static final Set<String> CODE_FIELDS = Set.of("code", "name", "statsName", "title", "meaning", "side",
            "origin", "unused", "causes", "remedies", "kernelNotes", "references");
    private static final Set<String> CAUSE_FIELDS = Set.of("id", "title", "detail", "severity", "checks", "remedies",
            "needsQuestion", "references", "preconditions");
    private static final Set<String> PRECONDITION_FIELDS = Set.of("family", "role", "technology", "device", "kernel",
            "host");
    private static final Set<String> KERNEL_FIELDS = Set.of("families", "since", "before");
    static final Pattern KERNEL_VERSION = Pattern.compile("[1-9][0-9]?\\.[0-9]{1,2}");
    private static final Set<String> CHECK_FIELDS = Set.of("summary", "commands", "lookFor");
    private static final Set<String> REMEDY_FIELDS = Set.of("summary", "commands", "kernel");
    private static final Set<String> NOTE_FIELDS = Set.of("kernels", "text");
    private static final Set<String> TEXT_FIELDS = Set.of("en", "ja");
    private static final Set<String> SYMPTOM_FIELDS = Set.of("id", "title", "description", "causes", "relatedCodes",
            "phrases", "references");
    private static final Set<String> OPTION_FIELDS = Set.of("level", "name", "value", "support", "fallbackCodes",
            "aliases", "note", "kernelNotes", "references", "kernelVerdicts");
    private static final Set<String> VERDICT_FIELDS = Set.of("support", "since", "before", "stable", "errno",
            "fallbackCodes", "commit", "note");
    private static final Pattern STABLE_RELEASE = Pattern.compile("([1-9][0-9]?\\.[0-9]{1,2})\\.([1-9][0-9]{0,3})");
    private static final Pattern ERRNO = Pattern.compile("E[A-Z0-9]{2,15}");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{12,40}");

    private static final LocalizedText NO_TEXT = new LocalizedText("", "");

    private final Problems problems;

    CatalogMapper(Problems problems) {
        this.problems = problems;
    }

    FileContent map(YamlNode root) {
        List<CodeEntry> codes = new ArrayList<>();
        List<SymptomDraft> symptoms = new ArrayList<>();
        List<OptionEntry> options = new ArrayList<>();
        Optional<Obj> top = obj(root, "the file (top level)", ROOT_FIELDS);
        if (top.isEmpty()) {
            return new FileContent(codes, symptoms, options);
        }
        Obj o = top.get();
        o.scalar("schema").ifPresent(s -> {
            if (!SCHEMA.equals(s.text())) {
                problems.add(s.mark(), "unknown schema '" + s.text() + "'; this loader reads '" + SCHEMA + "'");
            }
        });
        Map<Integer, Mark> seenCodes = new HashMap<>();
        for (YamlNode n : o.list("reasonCodes")) {
            reasonCode(n).ifPresent(e -> {
                Mark first = seenCodes.putIfAbsent(e.code().code(), e.at());
                if (first != null) {
                    problems.add(e.at(), "duplicate reason code " + e.code().hex() + " (first at line "
                            + first.line() + "); one entry per code");
                } else {
                    codes.add(e);
                }
            });
        }
        Map<String, Mark> seenSymptoms = new HashMap<>();
        for (YamlNode n : o.list("symptoms")) {
            symptom(n).ifPresent(s -> {
                Mark first = seenSymptoms.putIfAbsent(s.id(), s.at());
                if (first != null) {
                    problems.add(s.at(), "duplicate symptom id '" + s.id() + "' (first at line " + first.line() + ")");
                } else {
                    symptoms.add(s);
                }
            });
        }
        Map<String, Mark> seenOptions = new HashMap<>();
        for (YamlNode n : o.list("socketOptions")) {
            option(n).ifPresent(e -> {
                Mark first = seenOptions.putIfAbsent(e.key(), e.at());
                if (first != null) {
                    problems.add(e.at(), "duplicate socket option " + e.key() + " (first at line " + first.line() + ")");
                } else {
                    options.add(e);
                }
            });
        }
        return new FileContent(codes, symptoms, options);
    }

    // ---- entries ----------------------------------------------------------------------------------------

    private Optional<CodeEntry> reasonCode(YamlNode n) {
        Optional<Obj> oo = obj(n, "a reason code", CODE_FIELDS);
        if (oo.isEmpty()) {
            return Optional.empty();
        }
        Obj o = oo.get();
        Optional<Integer> code = o.required("code").flatMap(this::hexCode);
        String name = o.optionalString("name").orElse("");
        if (!name.isEmpty() && !CONSTANT.matcher(name).matches()) {
            problems.add(o.get("name").orElseThrow().mark(),
                    "constant name '" + name + "' must look like SMC_CLC_DECL_NAME (empty when the code has none)");
        }
        String stats = o.optionalString("statsName").orElse("");
        if (!stats.isEmpty() && !STATS_NAME.matcher(stats).matches()) {
            problems.add(o.get("statsName").orElseThrow().mark(),
                    "statsName '" + stats + "' must be upper case as smcr stats prints it, e.g. PEER_NO_SMC");
        }
        LocalizedText title = o.text("title");
        LocalizedText meaning = o.text("meaning");
        Side side = o.enumValue("side", Side.class, true).orElse(Side.UNKNOWN);
        Origin origin = o.enumValue("origin", Origin.class, true).orElse(Origin.MAINLINE);
        boolean unused = o.bool("unused", false);
        List<CauseSlot> slots = causeSlots(o, "a cause");
        List<Cause> causes = new ArrayList<>();
        for (CauseSlot slot : slots) {
            if (slot instanceof InlineCause ic) {
                causes.add(ic.cause());
            }
        }
        List<Remedy> remedies = o.mapList("remedies", this::remedy);
        List<KernelNote> notes = o.mapList("kernelNotes", this::kernelNote);
        List<String> refs = o.strings("references");
        if (code.isEmpty()) {
            return Optional.empty();
        }
        ReasonCode rc = new ReasonCode(code.get(), name, stats, title, meaning, side, origin, unused, causes,
                remedies, notes, refs);
        return Optional.of(new CodeEntry(rc, o.node.mark(), slots));
    }

    private Optional<InlineCause> cause(YamlNode n, Set<String> allowed, String what) {
        Optional<Obj> oo = obj(n, what, allowed);
        if (oo.isEmpty()) {
            return Optional.empty();
        }
        Obj o = oo.get();
        Optional<String> id = o.required("id").flatMap(this::id);
        LocalizedText title = o.text("title");
        LocalizedText detail = o.text("detail");
        Severity severity = o.enumValue("severity", Severity.class, false).orElse(Severity.PROBLEM);
        List<Check> checks = o.mapList("checks", this::check);
        List<Remedy> remedies = o.mapList("remedies", this::remedy);
        boolean needsQuestion = o.bool("needsQuestion", false);
        List<String> refs = o.strings("references");
        Preconditions pre = o.get("preconditions").flatMap(this::preconditions).orElse(Preconditions.NONE);
        return id.map(i -> new InlineCause(
                new Cause(i, title, detail, severity, checks, remedies, needsQuestion, refs, pre), o.node.mark()));
    }

    /** The causes of a reason code or symptom: written out, or {@code ref: id} to a cause defined elsewhere. */
    private List<CauseSlot> causeSlots(Obj o, String what) {
        List<CauseSlot> causes = new ArrayList<>();
        for (YamlNode c : o.list("causes")) {
            if (c instanceof MapNode m && m.field("ref").isPresent()) {
                Obj ro = new Obj(m, "a cause reference", Set.of("ref"));
                ro.required("ref").flatMap(this::id).ifPresent(r -> causes.add(new CauseRef(r, m.mark())));
            } else {
                cause(c, CAUSE_FIELDS, what).ifPresent(causes::add);
            }
        }
        return causes;
    }

    private Optional<Preconditions> preconditions(YamlNode n) {
        Optional<Obj> oo = obj(n, "preconditions", PRECONDITION_FIELDS);
        if (oo.isEmpty()) {
            return Optional.empty();
        }
        Obj o = oo.get();
        Set<Preconditions.Family> families = o.enumSet("family", Preconditions.Family.class);
        Set<Preconditions.Role> roles = o.enumSet("role", Preconditions.Role.class);
        Set<Preconditions.Technology> tech = o.enumSet("technology", Preconditions.Technology.class);
        Set<Preconditions.DeviceKind> devices = o.enumSet("device", Preconditions.DeviceKind.class);
        Preconditions.KernelRange kernel = o.get("kernel").flatMap(this::kernelRange)
                .orElse(Preconditions.KernelRange.ANY);
        Map<Preconditions.HostFlag, Boolean> host = new EnumMap<>(Preconditions.HostFlag.class);
        o.get("host").ifPresent(h -> {
            if (!(h instanceof MapNode m)) {
                problems.add(h.mark(), "'host' must map host properties to true or false, e.g. {ueid-defined: false}");
                return;
            }
            for (Field f : m.fields().values()) {
                Optional<Preconditions.HostFlag> flag = vocabulary(f.key(), f.keyMark(), "host property",
                        Preconditions.HostFlag.class);
                Optional<String> value = scalarText(f.value());
                if (value.isPresent() && !"true".equals(value.get()) && !"false".equals(value.get())) {
                    problems.add(f.value().mark(), "host property '" + f.key() + "' must be true or false, was '"
                            + value.get() + "'");
                } else if (flag.isPresent() && value.isPresent()) {
                    host.put(flag.get(), Boolean.parseBoolean(value.get()));
                }
            }
        });
        Preconditions p = new Preconditions(families, roles, tech, devices, kernel, host);
        if (p.isNone()) {
            problems.add(n.mark(), "empty preconditions: leave the field out when nothing constrains the cause");
        }
        return Optional.of(p);
    }

    private Optional<Preconditions.KernelRange> kernelRange(YamlNode n) {
        return obj(n, "a kernel range", KERNEL_FIELDS).map(o -> {
            Set<Preconditions.KernelFamily> families = o.enumSet("families", Preconditions.KernelFamily.class);
            Optional<String> since = o.get("since").flatMap(this::kernelVersion);
            Optional<String> before = o.get("before").flatMap(this::kernelVersion);
            if (since.isPresent() && before.isPresent()
                    && compareVersions(since.get(), before.get()) >= 0) {
                problems.add(n.mark(), "kernel range is empty: since " + since.get() + " is not before "
                        + before.get());
            }
            return new Preconditions.KernelRange(families, since, before);
        });
    }

    Optional<String> kernelVersion(YamlNode n) {
        return scalarText(n).flatMap(t -> {
            if (!KERNEL_VERSION.matcher(t).matches()) {
                problems.add(n.mark(), "kernel version '" + t + "' must be a mainline release like 5.17"
                        + " (major.minor; quote it in YAML so that 5.10 stays 5.10)");
                return Optional.empty();
            }
            return Optional.of(t);
        });
    }

    /** Compares two {@code major.minor} releases numerically. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int c = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }

    /** The YAML spelling of a vocabulary value: lower case, {@code -} for {@code _} ({@code ipv4-mapped}). */
    static String yamlName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A value of a closed vocabulary written in YAML spelling ({@code ipv4-mapped}). */
    private <E extends Enum<E>> Optional<E> vocabulary(String text, Mark at, String what, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (yamlName(e).equals(text)) {
                return Optional.of(e);
            }
        }
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(CatalogMapper::yamlName).toList();
        List<String> close = Similarity.closest(text, allowed, 1);
        problems.add(at, "unknown " + what + " '" + text + "'" + (close.isEmpty() ? "" : "; did you mean '"
                + close.get(0) + "'?") + "; known: " + String.join(", ", allowed));
        return Optional.empty();
    }

    private Optional<SymptomDraft> symptom(YamlNode n) {
        Optional<Obj> oo = obj(n, "a symptom", SYMPTOM_FIELDS);
        if (oo.isEmpty()) {
            return Optional.empty();
        }
        Obj o = oo.get();
        Optional<String> id = o.required("id").flatMap(this::id);
        LocalizedText title = o.text("title");
        LocalizedText description = o.text("description");
        List<CauseSlot> causes = causeSlots(o, "a symptom cause");
        List<Located<Integer>> related = new ArrayList<>();
        for (YamlNode c : o.list("relatedCodes")) {
            hexCode(c).ifPresent(v -> related.add(new Located<>(v, c.mark())));
        }
        List<String> phrases = o.strings("phrases");
        o.get("phrases").filter(ListNode.class::isInstance).ifPresent(pl -> {
            for (YamlNode p : ((ListNode) pl).items()) {
                if (p instanceof ScalarNode s && !s.text().equals(s.text().toLowerCase(Locale.ROOT))) {
                    problems.add(s.mark(), "phrase '" + s.text() + "' must be lower case (matching is on"
                            + " lower-cased user text)");
                }
            }
        });
        List<String> refs = o.strings("references");
        return id.map(i -> new SymptomDraft(i, o.node.mark(), title, description, causes, related, phrases, refs));
    }

    private Optional<OptionEntry> option(YamlNode n) {
        Optional<Obj> oo = obj(n, "a socket option", OPTION_FIELDS);
        if (oo.isEmpty()) {
            return Optional.empty();
        }
        Obj o = oo.get();
        Optional<SockoptLevel> level = o.required("level").flatMap(s -> scalarText(s).flatMap(t -> {
            try {
                return Optional.of(SockoptLevel.valueOf(t));
            } catch (IllegalArgumentException e) {
                problems.add(s.mark(), "level must be SOL_SOCKET or SOL_TCP, was '" + t + "'");
                return Optional.empty();
            }
        }));
        Optional<Located<String>> name = o.required("name").flatMap(s -> optionName(s));
        Optional<Integer> value = o.required("value").flatMap(s -> scalarText(s).flatMap(t -> {
            try {
                int v = Integer.parseInt(t);
                if (v < 0) {
                    throw new NumberFormatException();
                }
                return Optional.of(v);
            } catch (NumberFormatException e) {
                problems.add(s.mark(), "value must be the option's decimal number, e.g. 23, was '" + t + "'");
                return Optional.empty();
            }
        }));
        Optional<Support> support = o.required("support").flatMap(s -> scalarText(s).flatMap(t -> {
            switch (t) {
                case "Y": return Optional.of(Support.Y);
                case "M": return Optional.of(Support.M);
                case "N": return Optional.of(Support.N);
                default:
                    problems.add(s.mark(), "support must be Y, M or N as in the seed table, was '" + t + "'");
                    return Optional.empty();
            }
        }));
        List<Located<Integer>> fallback = new ArrayList<>();
        for (YamlNode c : o.list("fallbackCodes")) {
            hexCode(c).ifPresent(v -> fallback.add(new Located<>(v, c.mark())));
        }
        List<Located<String>> aliases = new ArrayList<>();
        o.get("aliases").ifPresent(a -> {
            if (a instanceof ListNode l) {
                for (YamlNode item : l.items()) {
                    optionName(item).ifPresent(aliases::add);
                }
            } else {
                problems.add(a.mark(), "aliases must be a list of option names");
            }
        });
        LocalizedText note = o.text("note");
        List<KernelNote> notes = o.mapList("kernelNotes", this::kernelNote);
        List<String> refs = o.strings("references");
        List<Located<Integer>> verdictCodes = new ArrayList<>();
        List<KernelVerdict> verdicts = o.mapList("kernelVerdicts", v -> kernelVerdict(v, verdictCodes));
        support.ifPresent(s -> {
            if (s == Support.N && fallback.isEmpty()) {
                problems.add(o.node.mark(), "support N needs fallbackCodes (the codes the connection falls back with)");
            }
            if (s != Support.N && !fallback.isEmpty()) {
                problems.add(fallback.get(0).at(), "fallbackCodes are only for support N");
            }
        });
        if (level.isEmpty() || name.isEmpty() || value.isEmpty() || support.isEmpty()) {
            return Optional.empty();
        }
        SocketOption opt = new SocketOption(level.get(), name.get().value(), value.get(), support.get(),
                fallback.stream().map(Located::value).toList(), aliases.stream().map(Located::value).toList(),
                note, notes, refs, verdicts);
        for (KernelVerdict v : verdicts) {
            if (v.support() == opt.support() && v.errno().isEmpty() && v.fallbackCodes().equals(opt.fallbackCodes())) {
                problems.add(o.get("kernelVerdicts").orElseThrow().mark(), "a kernel verdict of " + opt.name()
                        + " says what the seed verdict says (" + opt.support() + "); leave it out");
            }
        }
        List<Located<String>> names = new ArrayList<>();
        names.add(name.get());
        names.addAll(aliases);
        List<Located<Integer>> codes = new ArrayList<>(fallback);
        codes.addAll(verdictCodes);
        return Optional.of(new OptionEntry(opt, o.node.mark(), codes, names));
    }

    /**
     * One kernel range of a socket option: support letter, range ({@code since}, {@code before}, {@code stable}
     * backports), what the call does ({@code errno} or {@code fallbackCodes}), commit and note. Its fallback codes
     * are added to {@code codes} so that the loader checks they exist.
     */
    private Optional<KernelVerdict> kernelVerdict(YamlNode n, List<Located<Integer>> codes) {
        Optional<Obj> oo = obj(n, "a kernel verdict", VERDICT_FIELDS);
        if (oo.isEmpty()) {
            return Optional.empty();
        }
        Obj o = oo.get();
        Optional<Support> support = o.required("support").flatMap(s -> scalarText(s).flatMap(t -> {
            try {
                return Optional.of(Support.valueOf(t));
            } catch (IllegalArgumentException e) {
                problems.add(s.mark(), "support must be Y, M or N, was '" + t + "'");
                return Optional.empty();
            }
        }));
        Optional<String> since = o.get("since").flatMap(this::kernelVersion);
        Optional<String> before = o.get("before").flatMap(this::kernelVersion);
        List<String> stable = new ArrayList<>();
        Set<String> series = new HashSet<>();
        for (YamlNode s : o.list("stable")) {
            scalarText(s).ifPresent(t -> {
                Matcher m = STABLE_RELEASE.matcher(t);
                if (!m.matches()) {
                    problems.add(s.mark(), "stable release '" + t + "' must be major.minor.patch with a patch level"
                            + " of at least 1, e.g. 6.12.9 (quote it)");
                } else if (!series.add(m.group(1))) {
                    problems.add(s.mark(), "stable series " + m.group(1) + " is listed twice");
                } else if (since.isPresent() && compareVersions(m.group(1), since.get()) >= 0) {
                    problems.add(s.mark(), "stable release " + t + " is not a backport: series " + m.group(1)
                            + " is not older than since " + since.get());
                } else {
                    stable.add(t);
                }
            });
        }
        if (!stable.isEmpty() && since.isEmpty()) {
            problems.add(o.node.mark(), "stable backports need 'since' (the mainline release of the change)");
        }
        if (since.isEmpty() && before.isEmpty() && o.get("stable").isEmpty()) {
            problems.add(o.node.mark(), "a kernel verdict needs a range: since, before or stable");
        }
        if (since.isPresent() && before.isPresent() && compareVersions(since.get(), before.get()) >= 0) {
            problems.add(o.node.mark(), "kernel range is empty: since " + since.get() + " is not before "
                    + before.get());
        }
        Optional<String> errno = o.get("errno").flatMap(e -> scalarText(e).flatMap(t -> {
            if (!ERRNO.matcher(t).matches()) {
                problems.add(e.mark(), "errno must be a name such as EOPNOTSUPP, was '" + t + "'");
                return Optional.empty();
            }
            return Optional.of(t);
        }));
        List<Integer> fallback = new ArrayList<>();
        for (YamlNode c : o.list("fallbackCodes")) {
            hexCode(c).ifPresent(v -> {
                fallback.add(v);
                codes.add(new Located<>(v, c.mark()));
            });
        }
        support.ifPresent(s -> {
            if (s == Support.N && errno.isEmpty() && fallback.isEmpty()) {
                problems.add(o.node.mark(), "a kernel verdict N needs errno (the call fails, no fallback) or"
                        + " fallbackCodes (the connection falls back)");
            }
            if (errno.isPresent() && !fallback.isEmpty()) {
                problems.add(o.node.mark(), "errno and fallbackCodes exclude each other: the call either fails or"
                        + " falls back");
            }
            if (s != Support.N && (errno.isPresent() || !fallback.isEmpty())) {
                problems.add(o.node.mark(), "errno and fallbackCodes are only for support N");
            }
        });
        Optional<String> commit = o.get("commit").flatMap(c -> scalarText(c).flatMap(t -> {
            if (!COMMIT.matcher(t).matches()) {
                problems.add(c.mark(), "commit must be 12 to 40 lower-case hex digits, was '" + t + "'");
                return Optional.empty();
            }
            return Optional.of(t);
        }));
        LocalizedText note = o.text("note");
        return support.map(s -> new KernelVerdict(s, since, before, stable, errno, fallback, commit, note));
    }

    private Optional<Check> check(YamlNode n) {
        return obj(n, "a check", CHECK_FIELDS).map(o -> new Check(o.text("summary"), o.strings("commands"),
                o.text("lookFor")));
    }

    private Optional<Remedy> remedy(YamlNode n) {
        return obj(n, "a remedy", REMEDY_FIELDS).map(o -> new Remedy(o.text("summary"), o.strings("commands"),
                o.get("kernel").flatMap(this::kernelRange).orElse(Preconditions.KernelRange.ANY)));
    }

    private Optional<KernelNote> kernelNote(YamlNode n) {
        return obj(n, "a kernel note", NOTE_FIELDS).map(o -> new KernelNote(
                o.required("kernels").flatMap(this::nonBlank).orElse(""), o.text("text")));
    }

    // ---- scalars ----------------------------------------------------------------------------------------

    Optional<Integer> hexCode(YamlNode n) {
        return scalarText(n).flatMap(t -> {
            if (!HEX_CODE.matcher(t).matches()) {
                problems.add(n.mark(), "malformed reason code '" + t
                        + "': write 0x and exactly 8 hex digits, e.g. 0x03030000");
                return Optional.empty();
            }
            return Optional.of(Integer.parseUnsignedInt(t.substring(2), 16));
        });
    }

    private Optional<String> id(YamlNode n) {
        return scalarText(n).flatMap(t -> {
            if (!ID.matcher(t).matches()) {
                problems.add(n.mark(), "id '" + t + "' must be kebab-case (lower-case letters, digits and '-')");
                return Optional.empty();
            }
            return Optional.of(t);
        });
    }

    private Optional<Located<String>> optionName(YamlNode n) {
        return scalarText(n).flatMap(t -> {
            if (!OPTION_NAME.matcher(t).matches()) {
                problems.add(n.mark(), "option name '" + t + "' must be upper case like SO_KEEPALIVE or TCP_NODELAY");
                return Optional.empty();
            }
            return Optional.of(new Located<>(t, n.mark()));
        });
    }

    Optional<String> nonBlank(YamlNode n) {
        return scalarText(n).flatMap(t -> {
            if (t.isBlank()) {
                problems.add(n.mark(), "value must not be blank");
                return Optional.empty();
            }
            return Optional.of(t);
        });
    }

    Optional<String> scalarText(YamlNode n) {
        if (n instanceof ScalarNode s && !s.isNull()) {
            return Optional.of(s.text().trim());
        }
        problems.add(n.mark(), "expected a single value here, found " + (n instanceof ScalarNode ? "nothing" : n.kind()));
        return Optional.empty();
    }

    Optional<Obj> obj(YamlNode n, String what, Set<String> allowed) {
        if (n instanceof MapNode m) {
            return Optional.of(new Obj(m, what, allowed));
        }
        problems.add(n.mark(), "expected " + what + " (a mapping of fields), found " + n.kind());
        return Optional.empty();
    }

    /** A mapping being read as one kind of entry; unknown fields are reported when it is created. */
    final class Obj {
        final MapNode node;
        final String what;

        Obj(MapNode node, String what, Set<String> allowed) {
            this.node = node;
            this.what = what;
            for (Field f : node.fields().values()) {
                if (!allowed.contains(f.key())) {
                    String[] sorted = allowed.toArray(String[]::new);
                    Arrays.sort(sorted);
                    List<String> close = Similarity.closest(f.key(), allowed, 1);
                    String hint = close.isEmpty() ? "" : "did you mean '" + close.get(0) + "'? ";
                    problems.add(f.keyMark(), "unknown field '" + f.key() + "' in " + what + "; " + hint
                            + "known fields: " + String.join(", ", sorted));
                }
            }
        }

        Optional<YamlNode> get(String key) {
            return node.field(key).map(Field::value);
        }

        Optional<YamlNode> required(String key) {
            Optional<YamlNode> v = get(key);
            if (v.isEmpty()) {
                problems.add(node.mark(), "missing field '" + key + "' in " + what);
            }
            return v;
        }

        Optional<ScalarNode> scalar(String key) {
            return get(key).flatMap(v -> {
                if (v instanceof ScalarNode s) {
                    return Optional.of(s);
                }
                problems.add(v.mark(), "'" + key + "' must be a single value, found " + v.kind());
                return Optional.empty();
            });
        }

        Optional<String> optionalString(String key) {
            return scalar(key).map(s -> s.isNull() ? "" : s.text().trim());
        }

        boolean bool(String key, boolean dflt) {
            return scalar(key).map(s -> {
                String t = s.text().trim();
                if ("true".equals(t) || "false".equals(t)) {
                    return Boolean.parseBoolean(t);
                }
                problems.add(s.mark(), "'" + key + "' must be true or false, was '" + t + "'");
                return dflt;
            }).orElse(dflt);
        }

        <E extends Enum<E>> Optional<E> enumValue(String key, Class<E> type, boolean required) {
            Optional<YamlNode> v = required ? required(key) : get(key);
            return v.flatMap(CatalogMapper.this::scalarText).flatMap(t -> {
                for (E e : type.getEnumConstants()) {
                    if (e.name().equalsIgnoreCase(t)) {
                        return Optional.of(e);
                    }
                }
                List<String> allowed = Arrays.stream(type.getEnumConstants())
                        .map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
                problems.add(v.get().mark(), "'" + key + "' must be one of " + String.join(", ", allowed)
                        + ", was '" + t + "'");
                return Optional.empty();
            });
        }

        /** Required bilingual text: a mapping with non-blank {@code en} and {@code ja}. */
        LocalizedText text(String key) {
            Optional<YamlNode> v = required(key);
            if (v.isEmpty()) {
                return NO_TEXT;
            }
            if (!(v.get() instanceof MapNode m)) {
                problems.add(v.get().mark(), "'" + key + "' must have an English and a Japanese text:"
                        + " a mapping with 'en' and 'ja'");
                return NO_TEXT;
            }
            Obj t = new Obj(m, "'" + key + "' text", TEXT_FIELDS);
            String en = t.language("en", key);
            String ja = t.language("ja", key);
            return new LocalizedText(en, ja);
        }

        private String language(String lang, String key) {
            Optional<YamlNode> v = get(lang);
            String name = "en".equals(lang) ? "English" : "Japanese";
            if (v.isEmpty()) {
                problems.add(node.mark(), "missing " + lang + " (" + name + ") text of '" + key + "'");
                return "";
            }
            if (!(v.get() instanceof ScalarNode s) || s.isNull() || s.text().isBlank()) {
                problems.add(v.get().mark(), "the " + lang + " (" + name + ") text of '" + key + "' must not be blank");
                return "";
            }
            return s.text().strip();
        }

        List<YamlNode> list(String key) {
            Optional<YamlNode> v = get(key);
            if (v.isEmpty() || (v.get() instanceof ScalarNode s && s.isNull())) {
                return List.of();
            }
            if (v.get() instanceof ListNode l) {
                return l.items();
            }
            problems.add(v.get().mark(), "'" + key + "' must be a list, found " + v.get().kind());
            return List.of();
        }

        List<String> strings(String key) {
            List<String> out = new ArrayList<>();
            for (YamlNode n : list(key)) {
                nonBlank(n).ifPresent(out::add);
            }
            return out;
        }

        /** A list of closed-vocabulary values; a single value is taken as a list of one. */
        <E extends Enum<E>> Set<E> enumSet(String key, Class<E> type) {
            Optional<YamlNode> v = get(key);
            if (v.isEmpty()) {
                return Set.of();
            }
            List<YamlNode> items = v.get() instanceof ListNode l ? l.items() : List.of(v.get());
            Set<E> out = EnumSet.noneOf(type);
            for (YamlNode item : items) {
                scalarText(item).flatMap(t -> vocabulary(t, item.mark(), key + " value", type)).ifPresent(out::add);
            }
            if (items.isEmpty()) {
                problems.add(v.get().mark(), "'" + key + "' must list at least one value");
            }
            return out;
        }

        <T> List<T> mapList(String key, Function<YamlNode, Optional<T>> f) {
            List<T> out = new ArrayList<>();
            for (YamlNode n : list(key)) {
                f.apply(n).ifPresent(out::add);
            }
            return out;
        }
    }
}
