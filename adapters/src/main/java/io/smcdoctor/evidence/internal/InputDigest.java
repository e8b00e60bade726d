package io.smcdoctor.evidence.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jspecify.annotations.Nullable;

/**
 * The SHA-256 of everything an evidence was built from (its fingerprint). Small inputs are digested as they are read;
 * past {@link #SYNC_BYTES} the rest is digested on a second thread while the parsers work, in the same order, through
 * a bounded queue of chunks (at most {@link #QUEUED} of them wait: memory stays bounded, the reader waits when the
 * digest falls behind). Without SHA instructions SHA-256 costs about as much per byte as parsing an {@code smcss}
 * listing; on two cores this halves that part of a large input's time. The chunks' buffers go back to the reader once
 * digested, so that a large input makes no garbage here (a copy per chunk was 90 MB of young garbage for a 90 MB input,
 * collected four times over while the rule base sat in the young generation). {@link #none()} digests nothing, for
 * evidence built without a fingerprint. Not thread-safe: one per evidence build.
 */
final class InputDigest {
    /** Bytes digested on the reading thread before the second thread is started. */
    static final int SYNC_BYTES = 4 << 20;
    /** Chunks (of at most 64 KiB when read through {@link #wrap}) that may wait for the digest thread. */
    static final int QUEUED = 16;

    /** Bytes of a chunk. */
    static final int CHUNK_BYTES = 64 << 10;

    /** A buffer handed to the digest thread and back. */
    private static final class Chunk {
        final byte[] data = new byte[CHUNK_BYTES];
        int length;
    }

    /** Null for {@link #none()}. */
    private final @Nullable MessageDigest digest;
    /** Put after the last chunk: ends the digest thread (compared by identity). */
    private final Chunk end = new Chunk();
    private long syncBytes;
    private BlockingQueue<Chunk> queue;
    /** Digested chunks, for the reader to fill again; at most {@link #QUEUED} + 1 chunks exist. */
    private BlockingQueue<Chunk> free;
    private int chunks;
    private Thread worker;
    private volatile RuntimeException failure;

    InputDigest() {
        this(sha256());
    }

    private InputDigest(@Nullable MessageDigest digest) {
        this.digest = digest;
    }

    /** A digest that takes bytes and keeps nothing: {@link #finish()} gives {@code null}. */
    static InputDigest none() {
        return new InputDigest(null);
    }

    /** Adds bytes, in order. */
    void update(byte[] b, int off, int len) {
        if (len <= 0 || digest == null) {
            return;
        }
        if (worker == null && syncBytes + len <= SYNC_BYTES) {
            digest.update(b, off, len);
            syncBytes += len;
            return;
        }
        if (worker == null) {
            start();
        }
        while (len > 0) {
            Chunk c = emptyChunk();
            int n = Math.min(len, CHUNK_BYTES);
            System.arraycopy(b, off, c.data, 0, n);
            c.length = n;
            put(c);
            off += n;
            len -= n;
        }
    }

    /** Adds bytes, in order. */
    void update(byte[] b) {
        update(b, 0, b.length);
    }

    /** The digest of everything added, {@code null} for {@link #none()}; ends the digest thread. */
    byte @Nullable [] finish() {
        drain();
        return digest == null ? null : digest.digest();
    }

    /**
     * Waits until every byte added so far is digested and ends the digest thread (a later large input starts another):
     * called after each input, also when reading it failed, so that no thread outlives the read.
     */
    void drain() {
        if (worker != null) {
            put(end);
            boolean interrupted = false;
            while (worker.isAlive()) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            worker = null;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** A stream that adds what is read from {@code in} to this digest ({@code in} itself for {@link #none()}). */
    InputStream wrap(InputStream in) {
        if (digest == null) {
            return in;
        }
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int c = in.read();
                if (c >= 0) {
                    update(new byte[] {(byte) c}, 0, 1);
                }
                return c;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    update(b, off, n);
                }
                return n;
            }
        };
    }

    private void start() {
        queue = new ArrayBlockingQueue<>(QUEUED);
        free = new ArrayBlockingQueue<>(QUEUED + 1);
        chunks = 0;
        BlockingQueue<Chunk> q = queue;
        BlockingQueue<Chunk> done = free;
        Chunk last = end;
        MessageDigest md = digest;
        worker = new Thread(() -> {
            // drains the queue to the end whatever happens, so that the reader never waits on a full queue
            for (Chunk chunk = take(q); chunk != last; chunk = take(q)) {
                if (failure == null) {
                    try {
                        md.update(chunk.data, 0, chunk.length);
                    } catch (RuntimeException e) {
                        failure = e;
                    }
                }
                done.add(chunk);
            }
        }, "smc-doctor-evidence-digest");
        worker.setDaemon(true);
        worker.start();
    }

    /** A chunk to fill: a digested one, a new one while fewer than {@code QUEUED + 1} exist, else the next digested. */
    private Chunk emptyChunk() {
        Chunk c = free.poll();
        if (c != null) {
            return c;
        }
        if (chunks <= QUEUED) {
            chunks++;
            return new Chunk();
        }
        boolean interrupted = false;
        while (true) {
            try {
                c = free.take();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return c;
    }

    private static Chunk take(BlockingQueue<Chunk> q) {
        while (true) {
            try {
                return q.take();
            } catch (InterruptedException e) {
                // the thread is this class's own; nothing else ends it but the end marker
            }
        }
    }

    private void put(Chunk chunk) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(chunk);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
