package io.smcdoctor.evidence.internal;

/**
 * The socket inodes a listing has shown (all positive), by which a socket listed twice is counted once.
 *
 * <p>Kept as bits: an open-addressing table from an inode's block of 64 (the inode shifted right by 6, plus one, so that
 * 0 marks a free slot) to a word with one bit per inode of the block. The kernel numbers sockets from one counter
 * ({@code get_next_ino()} in {@code fs/inode.c}, handed out in per-CPU batches), so the sockets of a host fill their
 * blocks densely: a million sequential inodes take 15,625 words in 512 KiB of table, where a slot per inode took
 * 16 MiB (the largest object of a large listing, copied by the collector and its smaller predecessors left behind in
 * the old generation). Inodes that share no block cost twice a slot per inode. No boxing per row. Consecutive blocks
 * go to neighbouring slots: one cache line serves several, where a scattering hash costs a cache miss per row.
 * Not thread-safe.
 */
final class InodeSet {
    /** A block's key (its number plus one) per slot; 0 marks a free slot. */
    private long[] blocks = new long[256];
    /** The bits of the inodes seen in the block of the same slot. */
    private long[] bits = new long[256];
    /** Used slots. */
    private int used;

    /** True when the positive inode was added. */
    boolean contains(long inode) {
        int i = find(inode);
        // a long shift uses the low 6 bits of its distance: the inode's place in its block
        return blocks[i] != 0 && (bits[i] & 1L << inode) != 0;
    }

    /** Adds a positive inode; false when it was there already. */
    boolean add(long inode) {
        int i = find(inode);
        long bit = 1L << inode;
        if (blocks[i] == 0) {
            blocks[i] = key(inode);
            bits[i] = bit;
            if (++used * 2 > blocks.length) {
                grow();
            }
            return true;
        }
        if ((bits[i] & bit) != 0) {
            return false;
        }
        bits[i] |= bit;
        return true;
    }

    /** The slot of the inode's block, or the free slot where it would go. */
    private int find(long inode) {
        long key = key(inode);
        int mask = blocks.length - 1;
        int i = slot(key, mask);
        while (blocks[i] != 0 && blocks[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static long key(long inode) {
        return (inode >>> 6) + 1;
    }

    /** Neighbouring blocks to neighbouring slots; higher bits are folded in against strided values. */
    private static int slot(long key, int mask) {
        return (int) (key ^ key >>> 21 ^ key >>> 42) & mask;
    }

    private void grow() {
        long[] oldBlocks = blocks;
        long[] oldBits = bits;
        blocks = new long[oldBlocks.length * 2];
        bits = new long[oldBlocks.length * 2];
        int mask = blocks.length - 1;
        for (int j = 0; j < oldBlocks.length; j++) {
            if (oldBlocks[j] != 0) {
                int i = slot(oldBlocks[j], mask);
                while (blocks[i] != 0) {
                    i = (i + 1) & mask;
                }
                blocks[i] = oldBlocks[j];
                bits[i] = oldBits[j];
            }
        }
    }
}
