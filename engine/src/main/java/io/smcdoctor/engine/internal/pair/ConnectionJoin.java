package io.smcdoctor.engine.internal.pair;

import io.smcdoctor.evidence.Evidence.SocketConnections;
import io.smcdoctor.evidence.facts.SocketGroup;
import io.smcdoctor.evidence.facts.SocketMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the two ends of each connection in two hosts' socket listings: a row {@code L:l -> P:p} on host A is the
 * same connection as the row {@code P:p -> L:l} on host B. Ports are compared exactly (smcss never cuts them), then
 * both addresses tolerantly ({@link Addresses}). A row with port 0 (smc_diag reads ports from the CLC socket, which is
 * gone once an SMC connection lost its TCP socket: {@code net/smc/smc_diag.c smc_diag_msg_common_fill()}; lab
 * capture rdma-link-removed) is joined on its addresses and the other port, with port 0 matching any port. A row
 * that fits more than one row of the other host, or a row of the other host claimed by more than one, is ambiguous and
 * is not joined.
 *
 * <p>Linear in the rows apart from sorting one side's keys (100,000 rows per host in a few tens of milliseconds);
 * address comparisons are cached per pair of distinct addresses. Stateless; {@link #join} returns a new result.
 */
public final class ConnectionJoin {
    /** Ambiguous rows kept as examples. */
    static final int AMBIGUOUS_SAMPLES = 3;
    /** Port-0 rows compared pairwise at most (rows x rows); beyond, they are counted as not joined. */
    static final long PORT_ZERO_PAIRS = 4_000_000L;

    private ConnectionJoin() {
    }

    /** A joined pair of socket groups: how many connections show group {@code a} on A and group {@code b} on B. */
    public static final class GroupPair {
        final int groupA;
        final int groupB;
        long count;
        final int sampleA;
        final int sampleB;

        GroupPair(int groupA, int groupB, int sampleA, int sampleB) {
            this.groupA = groupA;
            this.groupB = groupB;
            this.sampleA = sampleA;
            this.sampleB = sampleB;
        }

        /** The group id on A ({@link SocketConnections#groupId}). */
        public int groupA() {
            return groupA;
        }

        /** The group id on B. */
        public int groupB() {
            return groupB;
        }

        /** Connections of this pair of groups. */
        public long count() {
            return count;
        }

        /** The first joined row on A. */
        public int sampleA() {
            return sampleA;
        }

        /** Its row on B. */
        public int sampleB() {
            return sampleB;
        }
    }

    /** A row of A that fits several rows of B (or whose row of B is claimed by several rows of A). */
    public record Ambiguity(int rowA, int candidates) {
    }

    /**
     * What joining found.
     *
     * @param joined       connections joined
     * @param byCut        of those, joined only through a cut ({@code ..}) address
     * @param byPortZero   of those, joined with a port 0 on one end
     * @param ambiguous    rows of A left unjoined because they fit several rows
     * @param samples      up to {@value #AMBIGUOUS_SAMPLES} ambiguous rows of A
     * @param unmatchedA   connected rows of A without a partner
     * @param unmatchedB   connected rows of B without a partner
     * @param groups       joined connections by pair of groups, in order of first appearance
     * @param portZeroLeft port-0 rows not compared because there were too many
     */
    public record Result(long joined, long byCut, long byPortZero, long ambiguous, List<Ambiguity> samples,
                         long unmatchedA, long unmatchedB, List<GroupPair> groups, long portZeroLeft) {
        public Result {
            samples = List.copyOf(samples);
            groups = List.copyOf(groups);
        }
    }

    /** Joins A's rows with B's. */
    public static Result join(SocketConnections a, SocketConnections b) {
        int na = a.size();
        int nb = b.size();
        AddressCache cache = new AddressCache(a, b);
        // B's rows with both ports known, sorted by (local port, peer port)
        long[] keys = new long[nb];
        int k = 0;
        List<Integer> zeroB = new ArrayList<>();
        for (int j = 0; j < nb; j++) {
            int lp = b.localPort(j);
            int pp = b.peerPort(j);
            if (lp == 0 || pp == 0) {
                zeroB.add(j);
                continue;
            }
            keys[k++] = (long) (lp << 16 | pp) << 32 | j;
        }
        keys = Arrays.copyOf(keys, k);
        Arrays.sort(keys);

        int[] choice = new int[na];
        Arrays.fill(choice, -1);
        byte[] kind = new byte[na];
        int[] claims = new int[nb];
        long ambiguous = 0;
        List<Ambiguity> samples = new ArrayList<>();
        List<Integer> zeroA = new ArrayList<>();
        for (int i = 0; i < na; i++) {
            int lp = a.localPort(i);
            int pp = a.peerPort(i);
            if (lp == 0 || pp == 0) {
                zeroA.add(i);
                continue;
            }
            long want = (long) (pp << 16 | lp) << 32;
            int at = lowerBound(keys, want);
            int found = 0;
            int first = -1;
            byte firstKind = 0;
            for (int x = at; x < keys.length && (keys[x] & 0xffffffff00000000L) == want; x++) {
                int j = (int) keys[x];
                byte m = cache.pair(i, j);
                if (m != 0) {
                    if (found == 0) {
                        first = j;
                        firstKind = m;
                    }
                    found++;
                }
            }
            if (found == 1) {
                choice[i] = first;
                kind[i] = firstKind;
                claims[first]++;
            } else if (found > 1) {
                ambiguous++;
                if (samples.size() < AMBIGUOUS_SAMPLES) {
                    samples.add(new Ambiguity(i, found));
                }
            }
        }
        long portZeroLeft = 0;
        long byPortZero = 0;
        if ((long) zeroA.size() * zeroB.size() <= PORT_ZERO_PAIRS) {
            for (int i : zeroA) {
                int found = 0;
                int first = -1;
                byte firstKind = 0;
                for (int j : zeroB) {
                    if (portFits(a.localPort(i), b.peerPort(j)) && portFits(a.peerPort(i), b.localPort(j))) {
                        byte m = cache.pair(i, j);
                        if (m != 0) {
                            if (found == 0) {
                                first = j;
                                firstKind = m;
                            }
                            found++;
                        }
                    }
                }
                if (found == 1) {
                    choice[i] = first;
                    kind[i] = (byte) (firstKind | PORT_ZERO);
                    claims[first]++;
                } else if (found > 1) {
                    ambiguous++;
                    if (samples.size() < AMBIGUOUS_SAMPLES) {
                        samples.add(new Ambiguity(i, found));
                    }
                }
            }
        } else {
            portZeroLeft = zeroA.size();
        }
        long joined = 0;
        long byCut = 0;
        boolean[] matchedB = new boolean[nb];
        Map<Long, GroupPair> groups = new LinkedHashMap<>();
        for (int i = 0; i < na; i++) {
            int j = choice[i];
            if (j < 0) {
                continue;
            }
            if (claims[j] > 1) {
                ambiguous++;
                if (samples.size() < AMBIGUOUS_SAMPLES) {
                    samples.add(new Ambiguity(i, claims[j]));
                }
                continue;
            }
            joined++;
            matchedB[j] = true;
            if ((kind[i] & CUT) != 0) {
                byCut++;
            }
            if ((kind[i] & PORT_ZERO) != 0) {
                byPortZero++;
            }
            int ga = a.groupId(i);
            int gb = b.groupId(j);
            final int row = i;
            groups.computeIfAbsent((long) ga << 32 | gb, x -> new GroupPair(ga, gb, row, j)).count++;
        }
        long unmatchedB = 0;
        for (boolean m : matchedB) {
            if (!m) {
                unmatchedB++;
            }
        }
        return new Result(joined, byCut, byPortZero, ambiguous, samples, na - joined - 0L, unmatchedB,
                new ArrayList<>(groups.values()), portZeroLeft);
    }

    /**
     * True when the two ends of a joined connection disagree: one end uses SMC where the other fell back to TCP, SMC-R
     * against SMC-D, or the code one end names as its peer's is not the code the other end recorded as its own
     * ({@code 0x05000000/X} against {@code TCP Y}, Y other than X). Rows without a mode (INIT, CLOSED) agree with
     * anything. Basis: the CLC handshake decides one mode for both ends (net/smc/af_smc.c: a decline makes both fall
     * back, {@code smc_connect_decline_fallback()} on the client, {@code smc_listen_decline()} on the server, and the
     * declining end's code travels in the CLC DECLINE message the other end records as its peer's).
     */
    public static boolean contradicts(SocketGroup a, SocketGroup b) {
        SocketMode ma = a.mode();
        SocketMode mb = b.mode();
        if (ma == SocketMode.NONE || mb == SocketMode.NONE) {
            return false;
        }
        if (ma != mb) {
            return true;
        }
        if (ma != SocketMode.TCP) {
            return false;
        }
        if (a.peerCode() != 0 && b.localCode() != 0 && b.peerCode() == 0 && a.peerCode() != b.localCode()) {
            return true;
        }
        return b.peerCode() != 0 && a.localCode() != 0 && a.peerCode() == 0 && b.peerCode() != a.localCode();
    }

    private static boolean portFits(int x, int y) {
        return x == 0 || y == 0 || x == y;
    }

    private static int lowerBound(long[] sorted, long key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static final byte EXACT = 1;
    static final byte CUT = 2;
    static final byte PORT_ZERO = 4;

    /**
     * Address comparisons by pair of address ids. Each complete address is parsed once into its identity
     * ({@link Addresses#identity}), so comparing two complete addresses is a string comparison; comparisons that
     * involve a cut address are computed once per pair of ids.
     */
    private static final class AddressCache {
        private final SocketConnections a;
        private final SocketConnections b;
        private final String[] identityA;
        private final String[] identityB;
        private final Map<Long, Addresses.Match> memo = new HashMap<>();

        AddressCache(SocketConnections a, SocketConnections b) {
            this.a = a;
            this.b = b;
            this.identityA = identities(a);
            this.identityB = identities(b);
        }

        /** Per address id: the identity of a complete address, the lower-case text of one that is no address. */
        private static String[] identities(SocketConnections c) {
            String[] out = new String[c.addressCount()];
            for (int id = 0; id < out.length; id++) {
                if (!c.truncated(id)) {
                    String text = c.address(id);
                    out[id] = Addresses.identity(text).orElseGet(() -> "?" + text.toLowerCase(java.util.Locale.ROOT));
                }
            }
            return out;
        }

        /** 0 when row i of A and row j of B are not the same connection, else EXACT or CUT. */
        byte pair(int i, int j) {
            Addresses.Match m1 = match(a.localAddressId(i), b.peerAddressId(j));
            if (m1 == Addresses.Match.NONE) {
                return 0;
            }
            Addresses.Match m2 = match(a.peerAddressId(i), b.localAddressId(j));
            if (m2 == Addresses.Match.NONE) {
                return 0;
            }
            return m1 == Addresses.Match.EXACT && m2 == Addresses.Match.EXACT ? EXACT : CUT;
        }

        private Addresses.Match match(int idA, int idB) {
            String x = identityA[idA];
            String y = identityB[idB];
            if (x != null && y != null) {
                return x.equals(y) ? Addresses.Match.EXACT : Addresses.Match.NONE;
            }
            long key = (long) idA << 32 | idB;
            Addresses.Match m = memo.get(key);
            if (m == null) {
                m = Addresses.match(a.address(idA), a.truncated(idA), b.address(idB), b.truncated(idB));
                memo.put(key, m);
            }
            return m;
        }
    }
}
