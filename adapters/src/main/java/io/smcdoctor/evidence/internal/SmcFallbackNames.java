package io.smcdoctor.evidence.internal;

import java.util.Map;

/**
 * The reason names {@code smcr/smcd -d stats} prints in its fallback table ({@code stats.c} get_fbackstr,
 * smc-reference.md 3.6) mapped back to the reason codes; {@code [unknown]} (every other code) maps to 0.
 */
final class SmcFallbackNames {
    private static final Map<String, Integer> CODES = Map.ofEntries(
            Map.entry("PEER_NO_SMC", 0x03010000),
            Map.entry("MEMORY", 0x01010000),
            Map.entry("TIMEOUT_CL", 0x02010000),
            Map.entry("TIMEOUT_AL", 0x02020000),
            Map.entry("CNF_ERR", 0x03000000),
            Map.entry("IPSEC", 0x03020000),
            Map.entry("NOSMCDEV", 0x03030000),
            Map.entry("NOSMCDDEV", 0x03030001),
            Map.entry("NOSMCRDEV", 0x03030002),
            Map.entry("NOISM2SUPP", 0x03030003),
            Map.entry("NOV2EXT", 0x03030004),
            Map.entry("NOV2DEXT", 0x03030005),
            Map.entry("NOSEID", 0x03030006),
            Map.entry("NOSMCD2DEV", 0x03030007),
            Map.entry("MODEUNSUPP", 0x03040000),
            Map.entry("RMBE_EC", 0x03050000),
            Map.entry("OPTUNSUPP", 0x03060000),
            Map.entry("DIFFPREFIX", 0x03070000),
            Map.entry("GETVLANERR", 0x03080000),
            Map.entry("ISMVLANERR", 0x03090000),
            Map.entry("NOACTLINK", 0x030a0000),
            Map.entry("NOSRVLINK", 0x030b0000),
            Map.entry("VERSMISMAT", 0x030c0000),
            Map.entry("MAX_DMB", 0x030d0000),
            Map.entry("SYNCERR", 0x04000000),
            Map.entry("PEERDECL", 0x05000000),
            Map.entry("[unknown]", 0));

    private SmcFallbackNames() {
    }

    /** The code for a printed name, or null when smc-tools never prints that name. */
    static Integer code(String name) {
        return CODES.get(name);
    }
}
