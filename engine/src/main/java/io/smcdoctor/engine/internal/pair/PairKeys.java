package io.smcdoctor.engine.internal.pair;

import io.smcdoctor.engine.internal.project.ConnectionKeys;
import io.smcdoctor.evidence.Evidence.SocketConnections;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The connection keys of one host's listing ({@link ConnectionKeys}): text that two rows {@link ConnectionJoin} would
 * join have in common, so that many hosts' bundles can be paired by an equi-join on the keys instead of joining every
 * pair of bundles. Addresses are normalised as {@link Addresses} compares them:
 *
 * <ul>
 * <li>complete addresses by their identity ({@link Addresses#identity}: an IPv6 address in any spelling by its 16
 *     bytes, an IPv4-mapped IPv6 address as its IPv4 address), giving an {@link ConnectionKeys.Kind#EXACT} key;</li>
 * <li>an address {@code smcss} cut to its 23-character column ({@code 2001:db8:1234:5..:51234}) by what every cut of
 *     it keeps: a cut keeps {@code 23 - 2 - len(":port")} characters, at least {@value #MIN_CUT} (a five-digit port;
 *     smc-tools {@code smcss.c} {@code addr_format()}), of which at least {@value #MIN_CUT_MAPPED} after the
 *     {@code ::ffff:} of an IPv4-mapped address. The row gets a {@link ConnectionKeys.Kind#CUT_NEEDED} key of those
 *     prefixes; a complete row whose address {@code smcss} would cut on some host (its printed form, or its
 *     {@code ::ffff:} form for IPv4, is longer than the column leaves) offers the same prefix key as
 *     {@link ConnectionKeys.Kind#CUT_OFFERED}.</li>
 * </ul>
 * Left out: rows with port 0 (the engine joins them on their addresses alone, which no key of a connection can carry),
 * rows to or from a loopback or unspecified address (every host has them: they would pair unrelated hosts), and rows
 * whose two ends are the same address (a host's connection to itself). Stateless.
 */
public final class PairKeys {
    /** The width of smcss's address column, address and port ({@code smcss.c}, default listing). */
    static final int COLUMN = 23;
    /** What a cut address keeps at least: the column less {@code ..} and {@code :65535}. */
    static final int MIN_CUT = COLUMN - 2 - 6;
    private static final String MAPPED = "::ffff:";
    /** What a cut IPv4-mapped address keeps at least after {@code ::ffff:}. */
    static final int MIN_CUT_MAPPED = MIN_CUT - MAPPED.length();

    private PairKeys() {
    }

    /** The keys of a listing's connected rows, each once, in the order of their first row. */
    public static ConnectionKeys keys(SocketConnections c) {
        int n = c.addressCount();
        String[] identity = new String[n];
        String[] coarse = new String[n];
        boolean[] local = new boolean[n];
        for (int id = 0; id < n; id++) {
            String text = c.address(id);
            if (c.truncated(id)) {
                coarse[id] = coarseOfCut(text.toLowerCase(Locale.ROOT));
                continue;
            }
            Optional<String> ident = Addresses.identity(text);
            identity[id] = ident.orElseGet(() -> "?" + text.toLowerCase(Locale.ROOT));
            coarse[id] = ident.map(PairKeys::coarseOfIdentity).orElse(identity[id]);
            local[id] = ident.map(PairKeys::hostLocal).orElse(false);
        }
        Set<ConnectionKeys.Key> keys = new LinkedHashSet<>();
        long portZero = 0;
        long leftOut = 0;
        for (int i = 0; i < c.size(); i++) {
            int lp = c.localPort(i);
            int pp = c.peerPort(i);
            if (lp == 0 || pp == 0) {
                portZero++;
                continue;
            }
            int la = c.localAddressId(i);
            int pa = c.peerAddressId(i);
            if (local[la] || local[pa] || identity[la] != null && identity[la].equals(identity[pa])) {
                leftOut++;
                continue;
            }
            boolean cut = identity[la] == null || identity[pa] == null;
            if (!cut) {
                add(keys, "=", identity[la] + "|" + lp, identity[pa] + "|" + pp, ConnectionKeys.Kind.EXACT);
                if (cuttable(identity[la], lp) || cuttable(identity[pa], pp)) {
                    add(keys, "~", coarse[la] + "|" + lp, coarse[pa] + "|" + pp, ConnectionKeys.Kind.CUT_OFFERED);
                }
            } else {
                add(keys, "~", coarse[la] + "|" + lp, coarse[pa] + "|" + pp, ConnectionKeys.Kind.CUT_NEEDED);
            }
        }
        return new ConnectionKeys(new ArrayList<>(keys), portZero, leftOut, c.notIndexed());
    }

    private static void add(Set<ConnectionKeys.Key> keys, String prefix, String localEnd, String peerEnd,
                            ConnectionKeys.Kind kind) {
        int order = localEnd.compareTo(peerEnd);
        if (order == 0) {
            return; // both ends print alike: which end is which cannot be told
        }
        String value = order < 0 ? prefix + localEnd + " " + peerEnd : prefix + peerEnd + " " + localEnd;
        keys.add(new ConnectionKeys.Key(value, order < 0, kind));
    }

    /** The part of a complete address that every cut of it keeps. */
    static String coarseOfIdentity(String identity) {
        if (identity.indexOf(':') < 0) {
            return "4:" + head(identity, MIN_CUT_MAPPED);
        }
        return head(identity, MIN_CUT);
    }

    /** The same for a cut address (as printed, lower case, without {@code ..}). */
    static String coarseOfCut(String cut) {
        if (cut.startsWith(MAPPED) && cut.length() > MAPPED.length()
                && Character.isDigit(cut.charAt(MAPPED.length()))) {
            return "4:" + head(cut.substring(MAPPED.length()), MIN_CUT_MAPPED);
        }
        return head(cut, MIN_CUT);
    }

    /**
     * True when {@code smcss} cuts the address with this port on some host: its printed form (an IPv4 address also as
     * the {@code ::ffff:} form an AF_INET6 socket shows) and {@code :port} do not fit the column.
     */
    static boolean cuttable(String identity, int port) {
        int portLength = 1 + Integer.toString(port).length();
        String longest = identity.indexOf(':') < 0 && !identity.startsWith("?") ? MAPPED + identity : identity;
        return longest.length() + portLength > COLUMN;
    }

    /** Loopback and unspecified addresses: the same text names a different host on every host. */
    static boolean hostLocal(String identity) {
        return identity.startsWith("127.") || identity.equals("0.0.0.0") || identity.equals("::1")
                || identity.equals("::");
    }

    private static String head(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }
}
