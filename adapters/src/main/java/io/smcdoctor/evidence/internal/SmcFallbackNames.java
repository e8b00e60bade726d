package io.smcdoctor.evidence.internal;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.ReasonCode;
import java.util.HashMap;
import java.util.Map;

/**
 * The reason names {@code smcr/smcd -d stats} prints in its fallback table ({@code stats.c} get_fbackstr), mapped back
 * to the reason codes with the bundled catalog's {@link ReasonCode#statsName()}: the names are knowledge, kept once,
 * in the catalog. {@code [unknown]}, which smc-tools prints for every other code, maps to 0.
 */
final class SmcFallbackNames {
    /** What smc-tools prints for a code it has no name for. */
    static final String UNKNOWN = "[unknown]";

    private SmcFallbackNames() {
    }

    /** Lazy holder: the catalog is read once, the first time a stats listing is parsed. */
    private static final class Holder {
        static final Map<String, Integer> CODES = codes(Catalog.bundled());
    }

    static Map<String, Integer> codes(Catalog catalog) {
        Map<String, Integer> m = new HashMap<>();
        for (ReasonCode rc : catalog.reasonCodes()) {
            if (!rc.statsName().isEmpty()) {
                m.putIfAbsent(rc.statsName(), rc.code());
            }
        }
        m.put(UNKNOWN, 0);
        return Map.copyOf(m);
    }

    /** The code for a printed name, or null when smc-tools never prints that name. */
    static Integer code(String name) {
        return Holder.CODES.get(name);
    }
}
