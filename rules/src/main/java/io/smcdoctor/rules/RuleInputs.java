package io.smcdoctor.rules;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Preconditions.Role;
import io.smcdoctor.catalog.Symptom;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.FallbackCounter;
import io.smcdoctor.evidence.IpFamily;
import io.smcdoctor.evidence.MentionedCode;
import io.smcdoctor.evidence.Provenance;
import io.smcdoctor.evidence.SocketGroup;
import io.smcdoctor.evidence.SocketRow;
import io.smcdoctor.evidence.SocketSummary;
import io.smcdoctor.evidence.SourceKind;
import io.smcdoctor.evidence.SymptomText;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns evidence and catalog into the facts one rule execution sees: the evidence facts themselves, the socket
 * summary, which inputs are present or missing, the fallback codes observed (socket groups plus stats counters),
 * the symptom phrases that matched, and the catalog reason codes the rules may need.
 */
final class RuleInputs {
    private RuleInputs() {
    }

    static List<Object> facts(Evidence evidence, Catalog catalog) {
        return facts(evidence, catalog, Phrases.of(catalog));
    }

    static List<Object> facts(Evidence evidence, Catalog catalog, Phrases phrases) {
        List<Object> facts = new ArrayList<>(64);
        facts.addAll(evidence.allFacts());
        SocketSummary summary = evidence.sockets();
        facts.add(summary);
        Map<SourceKind, String> present = new EnumMap<>(SourceKind.class);
        evidence.sources().forEach((name, kind) -> present.putIfAbsent(kind, name));
        for (SourceKind kind : SourceKind.values()) {
            String source = present.get(kind);
            facts.add(source != null ? new InputPresent(kind, source) : new InputMissing(kind));
        }
        List<FallbackObserved> observed = observed(evidence, summary);
        facts.addAll(observed);
        for (FallbackObserved o : observed) {
            catalog.reasonCode(o.code()).ifPresent(facts::add);
            if (o.peerCode() != 0 && o.peerCode() != o.code()) {
                catalog.reasonCode(o.peerCode()).ifPresent(facts::add);
            }
        }
        facts.addAll(phrases.match(evidence.facts(SymptomText.class)));
        return facts;
    }

    /**
     * One fact per (local code, peer code, address family) on sockets, plus counter-only codes from the stats
     * (attached to the first socket pair with the same local code, else a fact of family UNKNOWN).
     */
    static List<FallbackObserved> observed(Evidence evidence, SocketSummary summary) {
        Map<String, Acc> pairs = new LinkedHashMap<>();
        Set<Integer> listeningPorts = new HashSet<>();
        for (SocketGroup g : summary.groups()) {
            if (g.listening()) {
                for (SocketRow row : g.samples()) {
                    listeningPorts.add(row.local().port());
                }
            }
        }
        for (SocketGroup g : summary.groups()) {
            if (!g.fallback() || g.listening() || g.localCode() == 0) {
                continue;
            }
            Acc acc = pairs.computeIfAbsent(key(g.localCode(), g.peerCode(), g.family()),
                    k -> new Acc(g.localCode(), g.peerCode(), g.family()));
            acc.sockets += g.count();
            for (SocketRow row : g.samples()) {
                if (acc.evidence.size() < Finding.ROWS_PER_GROUP) {
                    acc.evidence.add(row.provenance());
                }
                // a listening socket on the row's local port makes it the accepted (server) end; the server table of
                // the listing only knows the ports it listens on, so this holds for listings that show listeners
                if (row.local().port() > 0 && !listeningPorts.isEmpty()) {
                    acc.roles.add(listeningPorts.contains(row.local().port()) ? Role.SERVER : Role.CLIENT);
                }
            }
        }
        // smcr and smcd stats print the same per-netns table: count each fallback once, cite every line
        List<FallbackCounter> counters = evidence.facts(FallbackCounter.class);
        Map<Integer, Long> totals = FallbackCounter.totalsByCode(counters);
        long counterTotal = 0;
        for (Map.Entry<Integer, Long> t : totals.entrySet()) {
            counterTotal += t.getValue();
            Acc acc = null;
            for (Acc a : pairs.values()) {
                if (a.code == t.getKey()) {
                    acc = a;
                    break;
                }
            }
            if (acc == null) {
                acc = new Acc(t.getKey(), 0, IpFamily.UNKNOWN);
                pairs.put(key(t.getKey(), 0, IpFamily.UNKNOWN), acc);
            }
            acc.counted += t.getValue();
            for (FallbackCounter c : counters) {
                if (c.code() == acc.code && c.count() > 0) {
                    acc.evidence.add(c.provenance());
                }
            }
        }
        // codes the user named (symptom text, a paste's prose) that no socket or counter shows: the report's own words
        // are evidence of a fallback too, cited by their line (e.g. "rsn is 0x030f0000", "SMC_CLC_DECL_INTERR")
        for (MentionedCode m : evidence.facts(MentionedCode.class)) {
            if (m.code() == 0) {
                continue;
            }
            boolean seen = false;
            for (Acc a : pairs.values()) {
                if (a.code == m.code() && (m.peerCode() == 0 || a.peerCode == m.peerCode())) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                pairs.computeIfAbsent(key(m.code(), m.peerCode(), IpFamily.UNKNOWN),
                        k -> new Acc(m.code(), m.peerCode(), IpFamily.UNKNOWN)).evidence.add(m.provenance());
            }
        }
        List<FallbackObserved> out = new ArrayList<>(pairs.size());
        for (Acc a : pairs.values()) {
            double share;
            if (summary.fallbacks() > 0 && a.sockets > 0) {
                share = (double) a.sockets / summary.fallbacks();
            } else {
                share = counterTotal > 0 ? (double) a.counted / counterTotal : 0;
            }
            out.add(new FallbackObserved(a.code, a.peerCode, a.family, a.roles, a.sockets, a.counted, share,
                    a.evidence));
        }
        return out;
    }

    /** Catalog symptoms whose phrases occur in the user's text (case-insensitive; Japanese matched as is). */
    static List<SymptomMatch> symptoms(List<SymptomText> texts, Catalog catalog) {
        return Phrases.of(catalog).match(texts);
    }

    /**
     * The symptom phrases of one catalog, normalised once (matching runs on every diagnose; normalising ~100
     * phrases each time was a visible share of the warm path). Immutable.
     */
    static final class Phrases {
        private record Phrase(String original, String prepared, boolean prefix, boolean ascii) {
        }

        private record Entry(Symptom symptom, List<Phrase> phrases) {
        }

        final Catalog catalog;
        private final List<Entry> entries;

        private Phrases(Catalog catalog, List<Entry> entries) {
            this.catalog = catalog;
            this.entries = entries;
        }

        static Phrases of(Catalog catalog) {
            List<Entry> entries = new ArrayList<>();
            for (Symptom s : catalog.symptoms()) {
                List<Phrase> ps = new ArrayList<>();
                for (String phrase : s.phrases()) {
                    boolean prefix = phrase.endsWith("_") || phrase.endsWith("-");
                    String p = prefix ? phrase.toLowerCase(Locale.ROOT) : normalise(phrase);
                    if (!p.isEmpty()) {
                        ps.add(new Phrase(phrase, p, prefix, p.chars().allMatch(c -> c < 0x80)));
                    }
                }
                entries.add(new Entry(s, List.copyOf(ps)));
            }
            return new Phrases(catalog, List.copyOf(entries));
        }

        List<SymptomMatch> match(List<SymptomText> texts) {
            if (texts.isEmpty()) {
                return List.of();
            }
            List<SymptomMatch> out = new ArrayList<>();
            for (SymptomText t : texts) {
                String text = normalise(t.text());
                String raw = t.text().toLowerCase(Locale.ROOT);
                for (Entry e : entries) {
                    Phrase first = null;
                    int hits = 0;
                    for (Phrase p : e.phrases()) {
                        if (matches(p.prefix() ? raw : text, p.prepared(), p.prefix(), p.ascii())) {
                            first = first == null ? p : first;
                            hits++;
                        }
                    }
                    if (first != null) {
                        out.add(new SymptomMatch(e.symptom().id(), e.symptom(), first.original(), t, hits));
                    }
                }
            }
            return out;
        }
    }

    /**
     * True when the normalised text holds the phrase as whole words: "tcp" does not match inside "tcpdump", and
     * "gpu" not inside "gpus2". A phrase ending in {@code _} or {@code -} ("so_", "tcp_") is a prefix of an
     * identifier, matched in the raw text, and must be followed by a letter ("so_keepalive", not "TCP 0x03030000"
     * or "so keep"). Phrases with non-ASCII
     * characters (Japanese) are matched as plain substrings: Japanese has no spaces between words.
     */
    static boolean containsPhrase(String normalisedText, String rawLowerText, String phrase) {
        boolean prefix = phrase.endsWith("_") || phrase.endsWith("-");
        String p = prefix ? phrase.toLowerCase(Locale.ROOT) : normalise(phrase);
        return !p.isEmpty() && matches(prefix ? rawLowerText : normalisedText, p, prefix, p.chars().allMatch(c -> c < 0x80));
    }

    private static boolean matches(String text, String p, boolean prefix, boolean ascii) {
        if (!ascii) {
            return text.contains(p);
        }
        for (int i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) {
            int end = i + p.length();
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1))
                    || !Character.isLetterOrDigit(p.charAt(0));
            boolean endOk = prefix
                    ? end < text.length() && Character.isLetter(text.charAt(end))
                    : end == text.length() || !Character.isLetterOrDigit(text.charAt(end))
                            || !Character.isLetterOrDigit(p.charAt(p.length() - 1));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, with runs of white space and hyphen/underscore variants folded, so "speed up" = "speed-up". */
    static String normalise(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        boolean space = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean sep = Character.isWhitespace(c) || c == '-' || c == '_' || c == '\u3000';
            if (sep) {
                if (!space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = true;
            } else {
                sb.append(c);
                space = false;
            }
        }
        int end = sb.length();
        if (end > 0 && sb.charAt(end - 1) == ' ') {
            sb.setLength(end - 1);
        }
        return sb.toString();
    }

    private static String key(int code, int peer, IpFamily family) {
        return code + "/" + peer + "/" + family;
    }

    private static final class Acc {
        final int code;
        final int peerCode;
        final IpFamily family;
        final Set<Role> roles = EnumSet.noneOf(Role.class);
        long sockets;
        long counted;
        final List<Provenance> evidence = new ArrayList<>(4);

        Acc(int code, int peerCode, IpFamily family) {
            this.code = code;
            this.peerCode = peerCode;
            this.family = family;
        }
    }
}
