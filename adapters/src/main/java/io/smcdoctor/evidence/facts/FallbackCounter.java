package io.smcdoctor.evidence.facts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the fallback table of {@code smcr -d stats} or {@code smcd -d stats}: a reason name with its count for
 * the server or client side. {@code code} is 0 for {@code [unknown]}: smc-tools prints that for every code its table
 * does not name (e.g. NOUEID 0x03030008, NOROUTE 0x030e0000, NOINDIRECT 0x030f0000, the 0x0999xxxx internal errors;
 * lab capture asym-route: {@code Client [unknown] 1} for 0x030f0000): the fallback happened and is counted, only its
 * code is unknown; the smcss rows of the same host may give it ({@link #unnamed()}).
 *
 * <p>The kernel keeps one fallback table per network namespace, not one per technology: {@code smcr stats} and
 * {@code smcd stats} print the same numbers. Use {@link #totalsByCode(Iterable)} to count each fallback once.
 */
public record FallbackCounter(Provenance provenance, SmcTechnology technology, String role, String name, int code, long count) implements Fact {
    public FallbackCounter {
        Objects.requireNonNull(provenance, "provenance");
    }

    /** True for {@code [unknown]}: a counted fallback whose code smc-tools has no name for. */
    public boolean unnamed() {
        return code == 0;
    }

    /**
     * The {@code [unknown]} fallbacks per role ({@code Server}, {@code Client}), counted once across listings as
     * {@link #totalsByCode(Iterable)} counts named ones: fallbacks that happened with a code smc-tools cannot name.
     */
    public static Map<String, Long> unnamedByRole(Iterable<FallbackCounter> counters) {
        Map<String, Long> byRole = new LinkedHashMap<>();
        for (FallbackCounter c : counters) {
            if (c.code() == 0 && c.count() > 0) {
                byRole.merge(c.role(), c.count(), Math::max);
            }
        }
        return byRole;
    }

    /**
     * Fallbacks per reason code (in first-seen order), each counted once: rows with the same role and reason name
     * from several listings ({@code smcr} and {@code smcd}, or the same file given twice) are the same kernel counter,
     * so the largest value is taken; client and server rows add up. Unknown names (code 0) and zero rows are left out.
     */
    public static Map<Integer, Long> totalsByCode(Iterable<FallbackCounter> counters) {
        Map<String, FallbackCounter> largest = new LinkedHashMap<>();
        for (FallbackCounter c : counters) {
            if (c.code() == 0 || c.count() <= 0) {
                continue;
            }
            largest.merge(c.role() + '\u0000' + c.name(), c, (a, b) -> b.count() > a.count() ? b : a);
        }
        Map<Integer, Long> totals = new LinkedHashMap<>();
        for (FallbackCounter c : largest.values()) {
            totals.merge(c.code(), c.count(), Long::sum);
        }
        return totals;
    }
}
