package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link InodeSet} answers as a set of the inodes does, for the numberings a kernel gives and for scattered ones. */
class InodeSetTest {

    /** Adds every inode to both sets, checking each answer, then asks both about every probe. */
    private static void assertSameAsHashSet(long[] inodes, long[] probes) {
        InodeSet set = new InodeSet();
        Set<Long> expected = new HashSet<>();
        for (long inode : inodes) {
            assertThat(set.contains(inode)).as("contains %d before adding", inode).isEqualTo(expected.contains(inode));
            assertThat(set.add(inode)).as("add %d", inode).isEqualTo(expected.add(inode));
            assertThat(set.contains(inode)).as("contains %d after adding", inode).isTrue();
        }
        for (long probe : probes) {
            assertThat(set.contains(probe)).as("contains %d", probe).isEqualTo(expected.contains(probe));
        }
    }

    @Test
    void sequentialInodes_withEveryOneListedTwice() {
        long[] inodes = new long[200_000];
        for (int i = 0; i < inodes.length; i++) {
            inodes[i] = 30_000 + i / 2; // each socket twice, as two listings of one host give them
        }
        long[] probes = new long[300_000];
        for (int i = 0; i < probes.length; i++) {
            probes[i] = 1 + i;
        }
        assertSameAsHashSet(inodes, probes);
    }

    /** get_next_ino() hands out batches of 1024 per CPU: the numbers of four CPUs interleave, with gaps. */
    @Test
    void perCpuBatches_interleaved() {
        Random random = new Random(18);
        long[] inodes = new long[100_000];
        long[] next = {1 << 20, (1 << 20) + 1024, (1 << 20) + 2048, (1 << 20) + 3072};
        for (int i = 0; i < inodes.length; i++) {
            int cpu = random.nextInt(next.length);
            inodes[i] = next[cpu]++;
            if (next[cpu] % 1024 == 0) {
                next[cpu] += 3 * 1024; // the CPU's next batch
            }
            if (random.nextInt(5) == 0) {
                next[cpu]++; // an inode of something else (a pipe, a file) in between
            }
        }
        long[] probes = random.longs(50_000, 1 << 20, (1 << 20) + 200_000).toArray();
        assertSameAsHashSet(inodes, probes);
    }

    /** Inodes that share no block, up to the largest positive long, and numbers that differ only in high bits. */
    @Test
    void scatteredInodes_andLargeValues() {
        Random random = new Random(42);
        long[] inodes = new long[60_000];
        for (int i = 0; i < inodes.length; i++) {
            long v = random.nextLong() & Long.MAX_VALUE;
            inodes[i] = switch (i % 4) {
                case 0 -> Math.max(1, v);
                case 1 -> Math.max(1, v & 0xffff_ffffL);
                case 2 -> (1L + (i % 97)) << 21 | (i & 63); // strided: equal low bits, different high ones
                default -> Long.MAX_VALUE - (i % 200);
            };
        }
        long[] probes = new long[inodes.length * 2];
        for (int i = 0; i < inodes.length; i++) {
            probes[2 * i] = inodes[i];
            probes[2 * i + 1] = inodes[i] ^ 1; // the neighbour in the same block
        }
        assertSameAsHashSet(inodes, probes);
    }
}
