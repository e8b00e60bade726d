package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.IpFamily;
import io.smcdoctor.evidence.SocketGroup;
import io.smcdoctor.evidence.SocketMode;
import io.smcdoctor.evidence.SocketRow;
import io.smcdoctor.evidence.SocketSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds socket rows into {@link SocketSummary} groups with exact counts and a bounded sample per group.
 * Rows with an inode already seen (the same socket in another listing, e.g. {@code smcss-R.txt}) are not
 * counted again. Not thread-safe: one per evidence build.
 */
public final class SocketAggregator {
    private record Key(SocketMode mode, int localCode, int peerCode, IpFamily family, boolean listening) {
    }

    private static final class Acc {
        long count;
        final List<SocketRow> samples = new ArrayList<>(SocketSummary.SAMPLES_PER_GROUP);
    }

    private final Map<Key, Acc> groups = new LinkedHashMap<>();
    private final Set<Long> inodes = new HashSet<>();

    /** Adds one row; returns false when it was a duplicate of an already counted socket. */
    public boolean add(SocketRow row) {
        if (row.inode() > 0 && !inodes.add(row.inode())) {
            return false;
        }
        Key key = new Key(row.mode(), row.localCode(), row.peerCode(), row.family(), row.listening());
        Acc acc = groups.computeIfAbsent(key, k -> new Acc());
        acc.count++;
        if (acc.samples.size() < SocketSummary.SAMPLES_PER_GROUP) {
            acc.samples.add(row);
        }
        return true;
    }

    /** The summary of every row added so far. */
    public SocketSummary summary() {
        if (groups.isEmpty()) {
            return SocketSummary.EMPTY;
        }
        long total = 0;
        long listening = 0;
        long smc = 0;
        long fallbacks = 0;
        Map<Integer, Long> byCode = new HashMap<>();
        List<SocketGroup> out = new ArrayList<>(groups.size());
        for (Map.Entry<Key, Acc> e : groups.entrySet()) {
            Key k = e.getKey();
            long c = e.getValue().count;
            out.add(new SocketGroup(k.mode(), k.localCode(), k.peerCode(), k.family(), k.listening(), c,
                    e.getValue().samples));
            if (k.listening()) {
                listening += c;
                continue;
            }
            total += c;
            if (k.mode().smc()) {
                smc += c;
            } else if (k.mode() == SocketMode.TCP) {
                fallbacks += c;
                if (k.localCode() != 0) {
                    byCode.merge(k.localCode(), c, Long::sum);
                }
                if (k.peerCode() != 0) {
                    byCode.merge(k.peerCode(), c, Long::sum);
                }
            }
        }
        out.sort(Comparator.comparingLong(SocketGroup::count).reversed());
        return new SocketSummary(total, listening, smc, fallbacks, byCode, out);
    }
}
