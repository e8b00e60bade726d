package io.smcdoctor.catalog.internal;

import io.smcdoctor.catalog.Application;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Cause;
import io.smcdoctor.catalog.KernelFeature;
import io.smcdoctor.catalog.KnowledgeFact;
import io.smcdoctor.catalog.KnownBug;
import io.smcdoctor.catalog.Origin;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.SockoptLevel;
import io.smcdoctor.catalog.Symptom;
import io.smcdoctor.catalog.Sysctl;
import io.smcdoctor.catalog.Tool;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The merged, validated catalog with its lookup indexes. Immutable and thread-safe. */
final class DefaultCatalog implements Catalog {
    private static final String CONSTANT_PREFIX = "SMC_CLC_DECL_";

    private final List<ReasonCode> codes;
    private final List<Symptom> symptoms;
    private final List<SocketOption> options;
    private final Map<Integer, ReasonCode> byCode = new HashMap<>();
    /** Full constant names (SMC_CLC_DECL_...), matched anywhere in user text. */
    private final Map<String, ReasonCode> byConstant = new HashMap<>();
    /**
     * Short constant names and stats names; matched only when they are the whole input, because some are
     * ordinary words (ACTIVE is an smcss state, MEMORY and TIMEOUT occur in prose).
     */
    private final Map<String, ReasonCode> byCodeName = new HashMap<>();
    /** Upper-case option names and aliases, per level and for any level. */
    private final Map<String, SocketOption> byOptionName = new HashMap<>();
    private final Map<SockoptLevel, Map<String, SocketOption>> byLevelName = new HashMap<>();
    private final Map<SockoptLevel, Map<Integer, SocketOption>> byLevelValue = new HashMap<>();
    private final Map<String, Symptom> bySymptomId = new HashMap<>();
    private final Map<String, Cause> byCauseId = new HashMap<>();
    private final List<String> coreNames;
    private final Supplier<Facts> factSupplier;
    private volatile List<String> suggestionNames;
    /** The symptom phrases prepared for matching, on first use (a benign race: any thread may prepare them). */
    private volatile SymptomPhrases phrases;

    /** The symptom phrases of this catalog prepared for matching, once ({@link SymptomPhrases#of}). */
    SymptomPhrases symptomPhrases() {
        SymptomPhrases p = phrases;
        if (p == null) {
            p = SymptomPhrases.prepare(this);
            phrases = p;
        }
        return p;
    }

    DefaultCatalog(List<ReasonCode> codes, List<Symptom> symptoms, List<SocketOption> options) {
        this(codes, symptoms, options, () -> Facts.NONE);
    }

    /**
     * The catalog; {@code facts} is asked on the first use of a fact (or of {@link #suggestions}), so the bundled
     * catalog reads its fact files only then.
     */
    DefaultCatalog(List<ReasonCode> codes, List<Symptom> symptoms, List<SocketOption> options, Supplier<Facts> facts) {
        this.factSupplier = facts;
        List<ReasonCode> sortedCodes = new ArrayList<>(codes);
        sortedCodes.sort((a, b) -> Integer.compareUnsigned(a.code(), b.code()));
        this.codes = List.copyOf(sortedCodes);
        this.symptoms = List.copyOf(symptoms);
        List<SocketOption> sortedOptions = new ArrayList<>(options);
        sortedOptions.sort(Comparator.comparingInt((SocketOption o) -> o.level().ordinal())
                .thenComparingInt(SocketOption::value));
        this.options = List.copyOf(sortedOptions);

        Set<String> names = new LinkedHashSet<>();
        for (ReasonCode rc : this.codes) {
            byCode.put(rc.code(), rc);
            names.add(rc.hex());
            // a stats name never shadows a constant (MEMORY vs MEM are different words anyway)
            if (!rc.statsName().isEmpty()) {
                byCodeName.putIfAbsent(rc.statsName().toUpperCase(Locale.ROOT), rc);
                names.add(rc.statsName());
            }
            if (!rc.name().isEmpty()) {
                // a legacy code never takes a name from a current one (SMC_CLC_DECL_INTERR is 0x09990000 today)
                if (rc.origin() == Origin.LEGACY) {
                    byConstant.putIfAbsent(rc.name(), rc);
                    byCodeName.putIfAbsent(shortName(rc.name()), rc);
                } else {
                    byConstant.put(rc.name(), rc);
                    byCodeName.put(shortName(rc.name()), rc);
                }
                names.add(rc.name());
            }
            for (Cause c : rc.causes()) {
                byCauseId.put(c.id(), c);
            }
        }
        for (SocketOption o : this.options) {
            Map<String, SocketOption> levelNames = byLevelName.computeIfAbsent(o.level(), l -> new HashMap<>());
            byLevelValue.computeIfAbsent(o.level(), l -> new HashMap<>()).putIfAbsent(o.value(), o);
            List<String> all = new ArrayList<>();
            all.add(o.name());
            all.addAll(o.aliases());
            for (String n : all) {
                String key = n.toUpperCase(Locale.ROOT);
                levelNames.putIfAbsent(key, o);
                byOptionName.putIfAbsent(key, o);
                names.add(n);
            }
        }
        for (Symptom s : this.symptoms) {
            bySymptomId.put(s.id(), s);
            names.add(s.id());
            for (Cause c : s.causes()) {
                byCauseId.putIfAbsent(c.id(), c);
            }
        }
        names.addAll(byCauseId.keySet());
        this.coreNames = List.copyOf(names);
    }

    private static String shortName(String constant) {
        return constant.startsWith(CONSTANT_PREFIX) ? constant.substring(CONSTANT_PREFIX.length()) : constant;
    }

    @Override
    public List<ReasonCode> reasonCodes() {
        return codes;
    }

    @Override
    public List<Symptom> symptoms() {
        return symptoms;
    }

    @Override
    public List<SocketOption> socketOptions() {
        return options;
    }

    @Override
    public Optional<ReasonCode> reasonCode(int code) {
        return Optional.ofNullable(byCode.get(code));
    }

    @Override
    public List<ReasonCode> reasonCodes(String userText) {
        Objects.requireNonNull(userText, "userText");
        List<ReasonCode> out = new ArrayList<>();
        for (int v : parseCodes(userText)) {
            ReasonCode rc = byCode.get(v);
            if (rc != null && !out.contains(rc)) {
                out.add(rc);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public List<Integer> parseCodes(String userText) {
        Objects.requireNonNull(userText, "userText");
        List<Integer> out = new ArrayList<>();
        List<CodeText.Token> tokens = CodeText.tokens(userText);
        boolean single = tokens.size() == 1;
        for (CodeText.Token t : tokens) {
            if (t.numeric()) {
                out.add(t.value());
            } else {
                ReasonCode rc = byConstant.get(t.word());
                if (rc == null && single) {
                    rc = byCodeName.get(t.word());
                }
                if (rc != null) {
                    out.add(rc.code());
                }
            }
        }
        return List.copyOf(out);
    }

    @Override
    public Optional<SocketOption> socketOption(String name) {
        Objects.requireNonNull(name, "name");
        String t = name.trim();
        // "SOL_TCP:TCP_NODELAY", "SOL_TCP/TCP_NODELAY", "IPPROTO_TCP TCP_NODELAY", "SOL_TCP.23"
        String[] parts = t.split("\\s*[:/,\\s]\\s*");
        if (parts.length == 2) {
            Optional<SockoptLevel> level = SockoptLevel.parse(parts[0]);
            if (level.isPresent()) {
                String n = parts[1];
                if (!n.isEmpty() && n.chars().allMatch(Character::isDigit) && n.length() < 6) {
                    return socketOption(level.get(), Integer.parseInt(n));
                }
                return socketOption(level.get(), n);
            }
        }
        return Optional.ofNullable(byOptionName.get(t.toUpperCase(Locale.ROOT)));
    }

    @Override
    public Optional<SocketOption> socketOption(SockoptLevel level, String name) {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(name, "name");
        return Optional.ofNullable(byLevelName.getOrDefault(level, Map.of()).get(name.trim().toUpperCase(Locale.ROOT)));
    }

    @Override
    public Optional<SocketOption> socketOption(SockoptLevel level, int value) {
        Objects.requireNonNull(level, "level");
        return Optional.ofNullable(byLevelValue.getOrDefault(level, Map.of()).get(value));
    }

    @Override
    public Optional<Symptom> symptom(String id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(bySymptomId.get(id.trim().toLowerCase(Locale.ROOT)));
    }

    @Override
    public Optional<Cause> cause(String id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(byCauseId.get(id.trim().toLowerCase(Locale.ROOT)));
    }

    @Override
    public List<String> suggestions(String input, int limit) {
        Objects.requireNonNull(input, "input");
        if (limit <= 0 || input.isBlank()) {
            return List.of();
        }
        List<String> variants = CodeText.hexVariants(input);
        if (!variants.isEmpty()) {
            return closestCodes(variants, limit);
        }
        String in = input.trim();
        int sep = in.lastIndexOf(':');
        if (sep > 0 && SockoptLevel.parse(in.substring(0, sep)).isPresent()) {
            in = in.substring(sep + 1);
        }
        return Similarity.closest(in, suggestionNames(), limit);
    }

    private List<String> closestCodes(List<String> variants, int limit) {
        record Scored(String hex, int distance) {
        }
        List<Scored> scored = new ArrayList<>();
        for (ReasonCode rc : codes) {
            String digits = rc.hex().substring(2);
            int best = Integer.MAX_VALUE;
            for (String v : variants) {
                best = Math.min(best, Similarity.distance(v, digits));
            }
            if (best <= 2) {
                scored.add(new Scored(rc.hex(), best));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::hex));
        return scored.stream().limit(limit).map(Scored::hex).toList();
    }

    @Override
    public List<Tool> tools() {
        return facts().tools();
    }

    @Override
    public List<Sysctl> sysctls() {
        return facts().sysctls();
    }

    @Override
    public List<KernelFeature> kernelFeatures() {
        return facts().features();
    }

    @Override
    public List<KnownBug> knownBugs() {
        return facts().bugs();
    }

    @Override
    public List<Application> applications() {
        return facts().applications();
    }

    @Override
    public Optional<KnowledgeFact> fact(String idOrName) {
        Objects.requireNonNull(idOrName, "idOrName");
        return facts().find(idOrName);
    }

    /** The facts, read on first use. */
    Facts facts() {
        return factSupplier.get();
    }

    /** Codes, names and ids of the catalog, facts included, computed on first use. */
    private List<String> suggestionNames() {
        List<String> names = suggestionNames;
        if (names == null) {
            List<String> all = new ArrayList<>(coreNames);
            all.addAll(facts().names());
            names = List.copyOf(all);
            suggestionNames = names;
        }
        return names;
    }
}
