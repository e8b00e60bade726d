package io.smcdoctor.fleet;

import io.smcdoctor.engine.internal.project.ConnectionKeys;
import java.util.Arrays;

/**
 * The engine's connection keys ({@link ConnectionKeys}) packed into one {@code long} each for the shuffle: a 61-bit
 * hash of the key's text and three bits for what {@link ConnectionKeys#match} looks at (the side this bundle is on,
 * exact or made from a cut address). Two bundles' codes are the two ends of a connection when {@link #match} says so,
 * which is {@link ConnectionKeys#match} on the codes. A hash collision can only add a candidate pair, which the
 * engine's own join then reports as unrelated; at 2^61 values it is rare even over billions of keys. Stateless.
 */
final class PairKeyCodes {
    private static final long LOCAL_FIRST = 1;
    private static final long EXACT = 2;
    private static final long CUT_NEEDED = 4;
    /** The bits of a code that are the key itself. */
    static final long JOIN = ~7L;

    private PairKeyCodes() {
    }

    /** The codes of a bundle's keys, sorted, each once. */
    static long[] of(ConnectionKeys keys) {
        long[] out = new long[keys.keys().size()];
        int i = 0;
        for (ConnectionKeys.Key k : keys.keys()) {
            long code = hash(k.value()) & JOIN;
            if (k.localFirst()) {
                code |= LOCAL_FIRST;
            }
            if (k.kind() == ConnectionKeys.Kind.EXACT) {
                code |= EXACT;
            } else if (k.kind() == ConnectionKeys.Kind.CUT_NEEDED) {
                code |= CUT_NEEDED;
            }
            out[i++] = code;
        }
        Arrays.sort(out);
        return Arrays.stream(out).distinct().toArray();
    }

    /** {@link ConnectionKeys#match} on two codes of two bundles. */
    static boolean match(long a, long b) {
        return (a & JOIN) == (b & JOIN) && (a & LOCAL_FIRST) != (b & LOCAL_FIRST)
                && ((a & EXACT) != 0 || (a & CUT_NEEDED) != 0 || (b & CUT_NEEDED) != 0);
    }

    /** 64-bit FNV-1a over the UTF-16 units, then MurmurHash3's finaliser to spread the bits. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
