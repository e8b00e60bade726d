package io.smcdoctor.catalog.internal;

import io.smcdoctor.catalog.Application;
import io.smcdoctor.catalog.Cause;
import io.smcdoctor.catalog.Check;
import io.smcdoctor.catalog.KernelFeature;
import io.smcdoctor.catalog.KernelNote;
import io.smcdoctor.catalog.KernelVerdict;
import io.smcdoctor.catalog.KnowledgeFact;
import io.smcdoctor.catalog.KnownBug;
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
import io.smcdoctor.catalog.Symptom;
import io.smcdoctor.catalog.Sysctl;
import io.smcdoctor.catalog.Tool;
import io.smcdoctor.catalog.internal.FactDrafts.FactEntry;
import io.smcdoctor.catalog.internal.YamlNode.Mark;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The compiled form of the bundled catalog ({@value #RESOURCE}): the records the YAML loader built and validated at
 * build time ({@link CatalogCompiler}), written field by field so that start-up reads them without scanning YAML. The
 * YAML files stay the source; this form is derived from them and carries the CRC-32 of their CRC-32s, so that a form
 * left behind by an edit of the YAML is never used ({@link CatalogLoader} then reads the YAML).
 *
 * <p>Layout: magic, format version, the CRC-32 of the bundled YAML, a string table (every distinct string once, as
 * UTF-8), the core section (causes once each, then reason codes, symptoms and socket options referring to them by
 * index) and the facts section, decoded on first use like the YAML fact files are read on first use. Integers are
 * unsigned LEB128 except reason codes and option values (4 bytes); enums are their ordinals, valid for the classes
 * the form was written with (it is rebuilt with every build).
 */
final class CatalogCodec {
    /** Class path resource of the compiled form, beside the YAML. */
    static final String RESOURCE = CatalogLoader.RESOURCE_DIR + "catalog.bin";
    private static final int MAGIC = 0x534d4344; // "SMCD"
    private static final int VERSION = 4;

    private CatalogCodec() {
    }

    /**
     * The compiled form of a catalog built from the YAML.
     *
     * @param yamlCrc the CRC-32 of the bundled YAML files ({@link CatalogLoader#bundledCrc()})
     */
    static byte[] encode(DefaultCatalog catalog, long yamlCrc) {
        Out strings = new Out();
        Map<String, Integer> index = new HashMap<>();
        Function<String, Integer> intern = s -> index.computeIfAbsent(s, k -> index.size() + 1);
        Out core = new Out(intern);
        // causes once each (a cause referenced from several codes and symptoms is the same record)
        Map<Cause, Integer> causes = new IdentityHashMap<>();
        List<Cause> causeList = new ArrayList<>();
        Map<String, Integer> byId = new HashMap<>();
        for (ReasonCode rc : catalog.reasonCodes()) {
            rc.causes().forEach(c -> addCause(c, causes, causeList, byId));
        }
        for (Symptom s : catalog.symptoms()) {
            s.causes().forEach(c -> addCause(c, causes, causeList, byId));
        }
        core.varint(causeList.size());
        causeList.forEach(core::cause);
        core.varint(catalog.reasonCodes().size());
        for (ReasonCode rc : catalog.reasonCodes()) {
            core.reasonCode(rc, causes);
        }
        core.varint(catalog.symptoms().size());
        for (Symptom s : catalog.symptoms()) {
            core.symptom(s, causes);
        }
        core.varint(catalog.socketOptions().size());
        catalog.socketOptions().forEach(core::socketOption);

        Out facts = new Out(intern);
        List<FactEntry> entries = catalog.facts().entries();
        facts.varint(entries.size());
        for (FactEntry e : entries) {
            facts.fact(e.fact());
            facts.strings(e.names());
        }

        String[] table = new String[index.size()];
        index.forEach((s, i) -> table[i - 1] = s);
        strings.varint(table.length);
        for (String s : table) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            strings.varint(b.length);
            strings.bytes(b);
        }
        Out all = new Out();
        all.int32(MAGIC);
        all.int32(VERSION);
        all.int32((int) yamlCrc);
        all.section(strings);
        all.section(core);
        all.section(facts);
        return all.toByteArray();
    }

    private static void addCause(Cause c, Map<Cause, Integer> causes, List<Cause> list, Map<String, Integer> byId) {
        if (!causes.containsKey(c)) {
            Integer same = byId.get(c.id());
            // equal records under one id are one cause; the loader's validation guarantees ids are unique
            int i = same != null && list.get(same).equals(c) ? same : list.size();
            if (i == list.size()) {
                list.add(c);
                byId.put(c.id(), i);
            }
            causes.put(c, i);
        }
    }

    /** The CRC-32 of the YAML the form was compiled from, or -1 when {@code bytes} is not a compiled catalog. */
    static long yamlCrc(byte[] bytes) {
        if (bytes.length < 12) {
            return -1;
        }
        In in = new In(bytes, 0, bytes.length, new String[0]);
        if (in.int32() != MAGIC || in.int32() != VERSION) {
            return -1;
        }
        return in.int32() & 0xffffffffL;
    }

    /**
     * The catalog of a compiled form; the facts section is decoded on first use of a fact.
     *
     * @throws IllegalArgumentException when the bytes are not a compiled catalog of this format version
     */
    static DefaultCatalog decode(byte[] bytes) {
        if (yamlCrc(bytes) < 0) {
            throw new IllegalArgumentException("not a compiled catalog of format version " + VERSION);
        }
        In head = new In(bytes, 12, bytes.length, new String[0]);
        int stringsLen = head.section();
        int stringsAt = head.pos;
        In st = new In(bytes, stringsAt, stringsAt + stringsLen, new String[0]);
        String[] table = new String[st.varint() + 1];
        for (int i = 1; i < table.length; i++) {
            int n = st.varint();
            st.need(n);
            table[i] = new String(bytes, st.pos, n, StandardCharsets.UTF_8);
            st.pos += n;
        }
        head.pos = stringsAt + stringsLen;
        int coreLen = head.section();
        In core = new In(bytes, head.pos, head.pos + coreLen, table);
        head.pos += coreLen;
        int factsLen = head.section();
        int factsAt = head.pos;

        Cause[] causes = new Cause[core.varint()];
        for (int i = 0; i < causes.length; i++) {
            causes[i] = core.cause();
        }
        int n = core.varint();
        List<ReasonCode> codes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            codes.add(core.reasonCode(causes));
        }
        n = core.varint();
        List<Symptom> symptoms = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            symptoms.add(core.symptom(causes));
        }
        n = core.varint();
        List<SocketOption> options = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            options.add(core.socketOption());
        }
        Supplier<Facts> facts = new CatalogLoader.Lazy<>(() -> {
            In in = new In(bytes, factsAt, factsAt + factsLen, table);
            int count = in.varint();
            List<FactEntry> entries = new ArrayList<>(count);
            Mark at = new Mark(RESOURCE, 0, 0);
            for (int i = 0; i < count; i++) {
                KnowledgeFact f = in.fact();
                entries.add(new FactEntry(f, at, List.of(), in.strings()));
            }
            return Facts.validated(entries);
        });
        return new DefaultCatalog(codes, symptoms, options, facts);
    }

    // ---- writing ---------------------------------------------------------------------------------------------

    /** A growing byte buffer with the writers of every record of the catalog. */
    private static final class Out extends ByteArrayOutputStream {
        private final Function<String, Integer> intern;

        Out() {
            this(s -> {
                throw new IllegalStateException("no string table");
            });
        }

        Out(Function<String, Integer> intern) {
            super(1 << 16);
            this.intern = intern;
        }

        void varint(int v) {
            if (v < 0) {
                throw new IllegalArgumentException("negative count " + v);
            }
            while ((v & ~0x7f) != 0) {
                write((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            write(v);
        }

        void int32(int v) {
            write(v >>> 24);
            write(v >>> 16);
            write(v >>> 8);
            write(v);
        }

        void bytes(byte[] b) {
            write(b, 0, b.length);
        }

        void section(Out o) {
            varint(o.size());
            bytes(o.toByteArray());
        }

        void bool(boolean b) {
            write(b ? 1 : 0);
        }

        void ordinal(Enum<?> e) {
            write(e.ordinal());
        }

        /** A string as its index in the table; 0 is null. */
        void string(String s) {
            varint(s == null ? 0 : intern.apply(s));
        }

        void text(LocalizedText t) {
            string(t.en());
            string(t.ja());
        }

        void optionalText(Optional<LocalizedText> t) {
            bool(t.isPresent());
            t.ifPresent(this::text);
        }

        void optionalString(Optional<String> s) {
            bool(s.isPresent());
            s.ifPresent(this::string);
        }

        void strings(List<String> list) {
            varint(list.size());
            list.forEach(this::string);
        }

        void texts(List<LocalizedText> list) {
            varint(list.size());
            list.forEach(this::text);
        }

        void codes(List<Integer> list) {
            varint(list.size());
            list.forEach(this::int32);
        }

        /** A set of enum values in ordinal order (the iteration order of an immutable set varies between runs). */
        void ordinals(Set<? extends Enum<?>> set) {
            varint(set.size());
            set.stream().mapToInt(Enum::ordinal).sorted().forEach(this::write);
        }

        void remedies(List<Remedy> list) {
            varint(list.size());
            for (Remedy r : list) {
                text(r.summary());
                strings(r.commands());
                kernelRange(r.kernel());
            }
        }

        void kernelRange(Preconditions.KernelRange k) {
            ordinals(k.families());
            optionalString(k.since());
            optionalString(k.before());
        }

        void kernelNotes(List<KernelNote> list) {
            varint(list.size());
            for (KernelNote k : list) {
                string(k.kernels());
                text(k.text());
            }
        }

        void cause(Cause c) {
            string(c.id());
            text(c.title());
            text(c.detail());
            ordinal(c.severity());
            varint(c.checks().size());
            for (Check k : c.checks()) {
                text(k.summary());
                strings(k.commands());
                text(k.lookFor());
            }
            remedies(c.remedies());
            bool(c.needsQuestion());
            strings(c.references());
            Preconditions p = c.preconditions();
            ordinals(p.families());
            ordinals(p.roles());
            ordinals(p.technologies());
            ordinals(p.devices());
            kernelRange(p.kernel());
            varint(p.host().size());
            (p.host().isEmpty() ? p.host() : new EnumMap<>(p.host())).forEach((flag, value) -> {
                ordinal(flag);
                bool(value);
            });
        }

        void causeRefs(List<Cause> list, Map<Cause, Integer> causes) {
            varint(list.size());
            list.forEach(c -> varint(causes.get(c)));
        }

        void reasonCode(ReasonCode rc, Map<Cause, Integer> causes) {
            int32(rc.code());
            string(rc.name());
            string(rc.statsName());
            text(rc.title());
            text(rc.meaning());
            ordinal(rc.side());
            ordinal(rc.origin());
            bool(rc.unused());
            causeRefs(rc.causes(), causes);
            remedies(rc.remedies());
            kernelNotes(rc.kernelNotes());
            strings(rc.references());
        }

        void symptom(Symptom s, Map<Cause, Integer> causes) {
            string(s.id());
            text(s.title());
            text(s.description());
            causeRefs(s.causes(), causes);
            codes(s.relatedCodes());
            strings(s.phrases());
            strings(s.references());
        }

        void socketOption(SocketOption o) {
            ordinal(o.level());
            string(o.name());
            int32(o.value());
            ordinal(o.support());
            codes(o.fallbackCodes());
            strings(o.aliases());
            text(o.note());
            kernelNotes(o.kernelNotes());
            strings(o.references());
            varint(o.kernelVerdicts().size());
            for (KernelVerdict v : o.kernelVerdicts()) {
                ordinal(v.support());
                optionalString(v.since());
                optionalString(v.before());
                strings(v.stable());
                optionalString(v.errno());
                codes(v.fallbackCodes());
                optionalString(v.commit());
                text(v.note());
            }
        }

        void fact(KnowledgeFact f) {
            if (f instanceof Tool t) {
                write(0);
                tool(t);
            } else if (f instanceof Sysctl s) {
                write(1);
                sysctl(s);
            } else if (f instanceof KernelFeature k) {
                write(2);
                feature(k);
            } else if (f instanceof KnownBug b) {
                write(3);
                bug(b);
            } else if (f instanceof Application a) {
                write(4);
                application(a);
            } else {
                throw new IllegalArgumentException("unknown fact type " + f.getClass());
            }
        }

        void tool(Tool t) {
            string(t.id());
            string(t.command());
            string(t.since());
            text(t.title());
            text(t.purpose());
            strings(t.synopsis());
            optionalText(t.requires());
            varint(t.options().size());
            for (Tool.Option o : t.options()) {
                string(o.name());
                string(o.longName());
                string(o.argument());
                string(o.since());
                text(o.meaning());
            }
            varint(t.columns().size());
            for (Tool.Column c : t.columns()) {
                string(c.name());
                string(c.unit());
                string(c.format());
                string(c.since());
                text(c.meaning());
                varint(c.values().size());
                for (Tool.Value v : c.values()) {
                    string(v.value());
                    text(v.meaning());
                }
            }
            string(t.example());
            string(t.exampleSource());
            texts(t.notes());
            codes(t.relatedCodes());
            strings(t.relatedTools());
            strings(t.relatedSysctls());
            strings(t.references());
        }

        void sysctl(Sysctl s) {
            string(s.id());
            string(s.name());
            text(s.title());
            ordinal(s.origin());
            string(s.type());
            string(s.unit());
            string(s.defaultValue());
            string(s.range());
            string(s.addedIn());
            string(s.commit());
            string(s.commitTitle());
            bool(s.verified());
            text(s.note());
            text(s.meaning());
            text(s.tuning());
            optionalText(s.appliesTo());
            codes(s.relatedCodes());
            strings(s.relatedTools());
            strings(s.related());
            strings(s.references());
        }

        void feature(KernelFeature k) {
            string(k.id());
            strings(k.aliases());
            text(k.title());
            string(k.addedIn());
            varint(k.commits().size());
            for (KernelFeature.Commit c : k.commits()) {
                string(c.id());
                string(c.title());
            }
            bool(k.verified());
            text(k.note());
            text(k.userImpact());
            string(k.config());
            strings(k.relatedSysctls());
            codes(k.relatedCodes());
            strings(k.relatedTools());
            strings(k.relatedBugs());
            strings(k.references());
        }

        void bug(KnownBug b) {
            string(b.id());
            text(b.title());
            string(b.commit());
            string(b.commitTitle());
            string(b.fixedIn());
            strings(b.stable());
            string(b.cve());
            string(b.introducedBy());
            ordinal(b.effect());
            string(b.component());
            string(b.errno());
            strings(b.splatFunctions());
            text(b.description());
            text(b.trigger());
            text(b.action());
            bool(b.verified());
            text(b.note());
            strings(b.references());
        }

        void application(Application a) {
            string(a.id());
            string(a.name());
            ordinal(a.category());
            text(a.title());
            ordinal(a.smcRun());
            text(a.summary());
            varint(a.socketOptions().size());
            for (Application.OptionUse u : a.socketOptions()) {
                string(u.option());
                string(u.setBy());
                text(u.effect());
                codes(u.codes());
            }
            text(a.advice());
            strings(a.relatedBugs());
            strings(a.relatedSysctls());
            codes(a.relatedCodes());
            strings(a.relatedTools());
            bool(a.verified());
            text(a.note());
            strings(a.references());
        }
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    /** A cursor over one section, with the readers mirroring {@link Out}. */
    private static final class In {
        private final Severity[] severities = Severity.values();
        private final Side[] sides = Side.values();
        private final Origin[] origins = Origin.values();
        private final SockoptLevel[] levels = SockoptLevel.values();
        private final Support[] supports = Support.values();
        private final Preconditions.HostFlag[] flags = Preconditions.HostFlag.values();

        private final byte[] b;
        private final int end;
        private final String[] table;
        int pos;

        In(byte[] b, int pos, int end, String[] table) {
            this.b = b;
            this.pos = pos;
            this.end = end;
            this.table = table;
        }

        private int u8() {
            if (pos >= end) {
                throw new IllegalArgumentException("compiled catalog truncated at byte " + pos);
            }
            return b[pos++] & 0xff;
        }

        /** Fails unless {@code n} more bytes are there. */
        void need(int n) {
            if (n > end - pos) {
                throw new IllegalArgumentException("compiled catalog truncated at byte " + pos + " (" + n
                        + " bytes needed)");
            }
        }

        /** The length of the section that follows, checked against the bytes there are. */
        int section() {
            int n = varint();
            need(n);
            return n;
        }

        int varint() {
            int v = 0;
            for (int shift = 0; shift < 32; shift += 7) {
                int x = u8();
                v |= (x & 0x7f) << shift;
                if (x < 0x80) {
                    return v;
                }
            }
            throw new IllegalArgumentException("malformed number at byte " + pos);
        }

        int int32() {
            return u8() << 24 | u8() << 16 | u8() << 8 | u8();
        }

        boolean bool() {
            return u8() != 0;
        }

        int ordinal() {
            return u8();
        }

        String string() {
            return table[varint()];
        }

        LocalizedText text() {
            return new LocalizedText(string(), string());
        }

        Optional<LocalizedText> optionalText() {
            return bool() ? Optional.of(text()) : Optional.empty();
        }

        Optional<String> optionalString() {
            return bool() ? Optional.of(string()) : Optional.empty();
        }

        List<String> strings() {
            int n = varint();
            if (n == 0) {
                return List.of();
            }
            String[] a = new String[n];
            for (int i = 0; i < n; i++) {
                a[i] = string();
            }
            return List.of(a);
        }

        List<LocalizedText> texts() {
            int n = varint();
            List<LocalizedText> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(text());
            }
            return out;
        }

        List<Integer> codes() {
            int n = varint();
            if (n == 0) {
                return List.of();
            }
            Integer[] a = new Integer[n];
            for (int i = 0; i < n; i++) {
                a[i] = int32();
            }
            return List.of(a);
        }

        <E extends Enum<E>> Set<E> ordinals(Class<E> type) {
            int n = varint();
            if (n == 0) {
                return Set.of();
            }
            E[] values = type.getEnumConstants();
            EnumSet<E> set = EnumSet.noneOf(type);
            for (int i = 0; i < n; i++) {
                set.add(values[ordinal()]);
            }
            return set;
        }

        List<Remedy> remedies() {
            int n = varint();
            List<Remedy> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new Remedy(text(), strings(), kernelRange()));
            }
            return out;
        }

        Preconditions.KernelRange kernelRange() {
            Set<Preconditions.KernelFamily> families = ordinals(Preconditions.KernelFamily.class);
            Optional<String> since = optionalString();
            Optional<String> before = optionalString();
            return families.isEmpty() && since.isEmpty() && before.isEmpty()
                    ? Preconditions.KernelRange.ANY : new Preconditions.KernelRange(families, since, before);
        }

        List<KernelNote> kernelNotes() {
            int n = varint();
            List<KernelNote> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new KernelNote(string(), text()));
            }
            return out;
        }

        Cause cause() {
            String id = string();
            LocalizedText title = text();
            LocalizedText detail = text();
            Severity severity = severities[ordinal()];
            int n = varint();
            List<Check> checks = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                checks.add(new Check(text(), strings(), text()));
            }
            List<Remedy> remedies = remedies();
            boolean needsQuestion = bool();
            List<String> references = strings();
            Set<Preconditions.Family> families = ordinals(Preconditions.Family.class);
            Set<Preconditions.Role> roles = ordinals(Preconditions.Role.class);
            Set<Preconditions.Technology> technologies = ordinals(Preconditions.Technology.class);
            Set<Preconditions.DeviceKind> devices = ordinals(Preconditions.DeviceKind.class);
            Preconditions.KernelRange kernel = kernelRange();
            int hostFlags = varint();
            Map<Preconditions.HostFlag, Boolean> host = new EnumMap<>(Preconditions.HostFlag.class);
            for (int i = 0; i < hostFlags; i++) {
                Preconditions.HostFlag flag = flags[ordinal()];
                host.put(flag, bool());
            }
            Preconditions p = families.isEmpty() && roles.isEmpty() && technologies.isEmpty() && devices.isEmpty()
                    && kernel == Preconditions.KernelRange.ANY && host.isEmpty()
                    ? Preconditions.NONE : new Preconditions(families, roles, technologies, devices, kernel, host);
            return new Cause(id, title, detail, severity, checks, remedies, needsQuestion, references, p);
        }

        List<Cause> causeRefs(Cause[] causes) {
            int n = varint();
            List<Cause> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(causes[varint()]);
            }
            return out;
        }

        ReasonCode reasonCode(Cause[] causes) {
            return new ReasonCode(int32(), string(), string(), text(), text(), sides[ordinal()], origins[ordinal()],
                    bool(), causeRefs(causes), remedies(), kernelNotes(), strings());
        }

        Symptom symptom(Cause[] causes) {
            return new Symptom(string(), text(), text(), causeRefs(causes), codes(), strings(), strings());
        }

        SocketOption socketOption() {
            return new SocketOption(levels[ordinal()], string(), int32(), supports[ordinal()], codes(), strings(),
                    text(), kernelNotes(), strings(), kernelVerdicts());
        }

        List<KernelVerdict> kernelVerdicts() {
            int n = varint();
            List<KernelVerdict> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new KernelVerdict(supports[ordinal()], optionalString(), optionalString(), strings(),
                        optionalString(), codes(), optionalString(), text()));
            }
            return out;
        }

        KnowledgeFact fact() {
            int kind = u8();
            switch (kind) {
                case 0:
                    return tool();
                case 1:
                    return sysctl();
                case 2:
                    return feature();
                case 3:
                    return bug();
                case 4:
                    return application();
                default:
                    throw new IllegalArgumentException("unknown fact kind " + kind + " at byte " + (pos - 1));
            }
        }

        Tool tool() {
            String id = string();
            String command = string();
            String since = string();
            LocalizedText title = text();
            LocalizedText purpose = text();
            List<String> synopsis = strings();
            Optional<LocalizedText> requires = optionalText();
            int n = varint();
            List<Tool.Option> options = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                options.add(new Tool.Option(string(), string(), string(), string(), text()));
            }
            n = varint();
            List<Tool.Column> columns = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String name = string();
                String unit = string();
                String format = string();
                String colSince = string();
                LocalizedText meaning = text();
                int m = varint();
                List<Tool.Value> values = new ArrayList<>(m);
                for (int j = 0; j < m; j++) {
                    values.add(new Tool.Value(string(), text()));
                }
                columns.add(new Tool.Column(name, unit, format, colSince, meaning, values));
            }
            return new Tool(id, command, since, title, purpose, synopsis, requires, options, columns, string(),
                    string(), texts(), codes(), strings(), strings(), strings());
        }

        Sysctl sysctl() {
            return new Sysctl(string(), string(), text(), Sysctl.Origin.values()[ordinal()], string(), string(),
                    string(), string(), string(), string(), string(), bool(), text(), text(), text(), optionalText(),
                    codes(), strings(), strings(), strings());
        }

        KernelFeature feature() {
            String id = string();
            List<String> aliases = strings();
            LocalizedText title = text();
            String addedIn = string();
            int n = varint();
            List<KernelFeature.Commit> commits = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                commits.add(new KernelFeature.Commit(string(), string()));
            }
            return new KernelFeature(id, aliases, title, addedIn, commits, bool(), text(), text(), string(),
                    strings(), codes(), strings(), strings(), strings());
        }

        KnownBug bug() {
            return new KnownBug(string(), text(), string(), string(), string(), strings(), string(), string(),
                    KnownBug.Effect.values()[ordinal()], string(), string(), strings(), text(), text(), text(), bool(),
                    text(), strings());
        }

        Application application() {
            String id = string();
            String name = string();
            Application.Category category = Application.Category.values()[ordinal()];
            LocalizedText title = text();
            Application.SmcRun smcRun = Application.SmcRun.values()[ordinal()];
            LocalizedText summary = text();
            int n = varint();
            List<Application.OptionUse> uses = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                uses.add(new Application.OptionUse(string(), string(), text(), codes()));
            }
            return new Application(id, name, category, title, smcRun, summary, uses, text(), strings(), strings(),
                    codes(), strings(), bool(), text(), strings());
        }
    }
}
