package io.smcdoctor.catalog.internal;

import io.smcdoctor.catalog.Application;
import io.smcdoctor.catalog.KernelFeature;
import io.smcdoctor.catalog.KnowledgeFact;
import io.smcdoctor.catalog.KnownBug;
import io.smcdoctor.catalog.Sysctl;
import io.smcdoctor.catalog.Tool;
import io.smcdoctor.catalog.internal.FactDrafts.FactEntry;
import io.smcdoctor.catalog.internal.FactDrafts.Ref;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The merged facts of a catalog with their lookups by id and by the names users type. Built by {@link #link}, which
 * resolves every reference; immutable and thread-safe afterwards.
 */
final class Facts {
    static final Facts NONE = new Facts(List.of());

    private static final String PROC_SYS = "/proc/sys/";
    /** Kinds tried, in order, for a name given without its prefix ("smcss", "limit_smc_hs", "loopback-ism"). */
    private static final List<KnowledgeFact.Kind> BARE_ORDER = List.of(KnowledgeFact.Kind.TOOL,
            KnowledgeFact.Kind.SYSCTL, KnowledgeFact.Kind.FEATURE, KnowledgeFact.Kind.BUG,
            KnowledgeFact.Kind.APPLICATION);

    private final List<Tool> tools;
    private final List<Sysctl> sysctls;
    private final List<KernelFeature> features;
    private final List<KnownBug> bugs;
    private final List<Application> applications;
    private final List<FactEntry> entries;
    private final Map<String, KnowledgeFact> byId = new LinkedHashMap<>();
    /** Lower-case commands, sysctl full names, feature aliases, application names and CVE ids. */
    private final Map<String, KnowledgeFact> byName = new HashMap<>();

    private Facts(List<FactEntry> entries) {
        this.entries = entries;
        List<Tool> tools = new ArrayList<>();
        List<Sysctl> sysctls = new ArrayList<>();
        List<KernelFeature> features = new ArrayList<>();
        List<KnownBug> bugs = new ArrayList<>();
        List<Application> applications = new ArrayList<>();
        for (FactEntry e : entries) {
            KnowledgeFact f = e.fact();
            byId.put(f.id(), f);
            for (String n : e.names()) {
                byName.putIfAbsent(n.toLowerCase(Locale.ROOT), f);
            }
            if (f instanceof Tool t) {
                tools.add(t);
            } else if (f instanceof Sysctl s) {
                sysctls.add(s);
            } else if (f instanceof KernelFeature k) {
                features.add(k);
            } else if (f instanceof KnownBug b) {
                bugs.add(b);
            } else if (f instanceof Application a) {
                applications.add(a);
            }
        }
        this.tools = List.copyOf(tools);
        this.sysctls = List.copyOf(sysctls);
        this.features = List.copyOf(features);
        this.bugs = List.copyOf(bugs);
        this.applications = List.copyOf(applications);
    }

    /**
     * Checks every reference of the merged entries (other facts, reason codes, socket options) and that names users
     * type are unique, then builds the lookups.
     *
     * @param entries    the merged entries, later files having replaced earlier ones with the same id
     * @param codeExists whether a reason code (lower-case hex) is in the catalog
     * @param option     whether a socket option name (or alias) is in the catalog
     */
    static Facts link(Collection<FactEntry> entries, Predicate<String> codeExists, Predicate<String> option,
                      Problems problems) {
        Set<String> ids = new LinkedHashSet<>();
        entries.forEach(e -> ids.add(e.fact().id()));
        Map<String, FactEntry> names = new HashMap<>();
        for (FactEntry e : entries) {
            for (String n : e.names()) {
                FactEntry other = names.putIfAbsent(n.toLowerCase(Locale.ROOT), e);
                if (other != null) {
                    problems.add(e.at(), "'" + n + "' names both " + e.fact().id() + " and " + other.fact().id()
                            + " (" + other.at().file() + " line " + other.at().line() + "); names users type must be"
                            + " unique");
                }
            }
            for (Ref r : e.refs()) {
                switch (r.target()) {
                    case FACT:
                        if (!ids.contains(r.value())) {
                            List<String> close = Similarity.closest(r.value(), ids, 1);
                            problems.add(r.at(), "unknown id '" + r.value() + "' in '" + r.field() + "'"
                                    + (close.isEmpty() ? "" : "; did you mean '" + close.get(0) + "'?"));
                        } else if (r.value().equals(e.fact().id()) && r.field().startsWith("related")) {
                            problems.add(r.at(), "'" + r.field() + "' of " + e.fact().id() + " lists the entry itself");
                        }
                        break;
                    case CODE:
                        if (!codeExists.test(r.value())) {
                            problems.add(r.at(), "unknown reason code " + r.value() + " in '" + r.field()
                                    + "'; add it to reasonCodes first");
                        }
                        break;
                    default:
                        if (!option.test(r.value())) {
                            problems.add(r.at(), "unknown socket option '" + r.value() + "' in '" + r.field()
                                    + "'; add it to socketOptions first");
                        }
                        break;
                }
            }
        }
        return new Facts(List.copyOf(entries));
    }

    /**
     * The lookups of entries that {@link #link} checked when the catalog was compiled ({@link CatalogCodec}): their
     * references are not checked again.
     */
    static Facts validated(List<FactEntry> entries) {
        return new Facts(List.copyOf(entries));
    }

    /** The entries in catalog order, with the names users type for each. */
    List<FactEntry> entries() {
        return entries;
    }

    List<Tool> tools() {
        return tools;
    }

    List<Sysctl> sysctls() {
        return sysctls;
    }

    List<KernelFeature> features() {
        return features;
    }

    List<KnownBug> bugs() {
        return bugs;
    }

    List<Application> applications() {
        return applications;
    }

    /** Ids and names, for "did you mean". */
    List<String> names() {
        List<String> out = new ArrayList<>(byId.keySet());
        tools.forEach(t -> out.add(t.command()));
        sysctls.forEach(s -> {
            out.add(s.fullName());
            out.add(s.name());
        });
        return out;
    }

    /** See {@link io.smcdoctor.catalog.Catalog#fact(String)}. */
    Optional<KnowledgeFact> find(String input) {
        String t = String.join(" ", input.strip().toLowerCase(Locale.ROOT).split("\\s+"));
        if (t.isEmpty()) {
            return Optional.empty();
        }
        KnowledgeFact f = byId.get(t);
        if (f == null && t.indexOf(':') < 0) {
            f = bare(t);
        }
        if (f == null) {
            f = byName.get(t);
        }
        if (f == null) {
            f = sysctl(t);
        }
        if (f == null) {
            f = command(t);
        }
        return Optional.ofNullable(f);
    }

    private KnowledgeFact bare(String t) {
        for (KnowledgeFact.Kind k : BARE_ORDER) {
            KnowledgeFact f = byId.get(k.prefix() + ":" + t);
            if (f == null && k == KnowledgeFact.Kind.SYSCTL) {
                f = byId.get(k.prefix() + ":" + Sysctl.SMC_PREFIX + t);
            }
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /** {@code /proc/sys/net/smc/wmem}, {@code net/smc/wmem}, {@code net.smc.wmem=1048576}, {@code sysctl net.smc.wmem}. */
    private KnowledgeFact sysctl(String t) {
        String s = t.startsWith("sysctl ") ? t.substring("sysctl ".length()).replace("-w ", "").strip() : t;
        int eq = s.indexOf('=');
        if (eq > 0) {
            s = s.substring(0, eq).strip();
        }
        if (s.startsWith(PROC_SYS)) {
            s = s.substring(PROC_SYS.length());
        }
        s = s.replace('/', '.');
        KnowledgeFact f = byName.get(s);
        return f != null ? f : byId.get("sysctl:" + s);
    }

    /**
     * A command typed with options or an abbreviated object, as smc-tools accepts it: {@code smcr -d stats},
     * {@code smcss -a}, {@code smcr d} (device), {@code smcd l} (linkgroup). An abbreviation must match one object.
     */
    private KnowledgeFact command(String t) {
        List<String> words = new ArrayList<>();
        for (String w : t.split(" ")) {
            if (!w.startsWith("-")) {
                words.add(w);
            }
        }
        if (words.isEmpty()) {
            return null;
        }
        String joined = String.join(" ", words);
        KnowledgeFact f = byName.get(joined);
        if (f == null && words.size() > 1) {
            f = byName.get(words.get(0) + " " + words.get(1));
        }
        if (f == null && words.size() == 1) {
            f = byName.get(words.get(0));
        }
        if (f != null || words.size() < 2) {
            return f;
        }
        String prefix = words.get(0) + " " + words.get(1);
        Tool match = null;
        for (Tool tool : tools) {
            String c = tool.command().toLowerCase(Locale.ROOT);
            if (c.startsWith(prefix) && c.indexOf(' ') == words.get(0).length()) {
                if (match != null) {
                    return null;
                }
                match = tool;
            }
        }
        return match;
    }
}
