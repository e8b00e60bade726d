package io.smcdoctor.catalog.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Edit distance and "closest names" for did-you-mean messages. Stateless. */
final class Similarity {
    private Similarity() {
    }

    /** Levenshtein distance (insert, delete, substitute; each costs 1). */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                int cost = ca == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Length of the common prefix. */
    static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /**
     * The candidates closest to {@code input} (case-insensitive), best first: smallest edit distance, then
     * longest common prefix. Candidates further than about a third of the input's length are left out.
     */
    static List<String> closest(String input, Collection<String> candidates, int limit) {
        String in = input.trim().toUpperCase(Locale.ROOT);
        if (in.isEmpty() || limit <= 0) {
            return List.of();
        }
        int max = Math.max(2, in.length() / 3);
        record Scored(String name, int distance, int prefix) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String c : candidates) {
            String cu = c.toUpperCase(Locale.ROOT);
            int d = distance(in, cu);
            int p = commonPrefix(in, cu);
            // a candidate that starts with the whole input is a completion, also worth offering
            boolean completion = in.length() >= 4 && cu.startsWith(in);
            if (d <= max || completion) {
                scored.add(new Scored(c, completion ? Math.min(d, max) : d, p));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance)
                .thenComparing(Comparator.comparingInt(Scored::prefix).reversed())
                .thenComparing(Scored::name));
        List<String> out = new ArrayList<>();
        for (Scored s : scored) {
            if (!out.contains(s.name())) {
                out.add(s.name());
            }
            if (out.size() == limit) {
                break;
            }
        }
        return out;
    }
}
