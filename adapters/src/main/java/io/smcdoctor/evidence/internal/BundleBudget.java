package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.EvidenceBundle;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Counts what one bundle read consumes (entries, uncompressed bytes per entry and in total, compression ratio
 * per archive) and refuses anything beyond {@link EvidenceBundle.Limits}. Not thread-safe: one per read.
 */
final class BundleBudget {
    private final EvidenceBundle.Limits limits;
    private long total;
    private int entries;

    BundleBudget(EvidenceBundle.Limits limits) {
        this.limits = limits;
    }

    EvidenceBundle.Limits limits() {
        return limits;
    }

    /** Counts one entry (file, directory, link) of a container. */
    void countEntry(String container, String entry) throws BundleLimitException {
        entries++;
        if (entries > limits.maxEntries()) {
            throw new BundleLimitException(container + ": more than " + limits.maxEntries()
                    + " entries (at '" + entry + "'); raise EvidenceBundle.Limits.maxEntries if this is expected");
        }
    }

    /** Refuses an entry whose declared size is already beyond the per-entry limit. */
    void checkDeclaredSize(String container, String entry, long size) throws BundleLimitException {
        if (size > limits.maxEntryBytes()) {
            throw entryTooLarge(container, entry);
        }
    }

    /** Per-archive state for the compression ratio check. */
    Ratio ratio(LongSupplier compressedBytes) {
        return new Ratio(compressedBytes);
    }

    /**
     * A stream over one entry that counts its bytes against the limits; {@code ratio} is null for files that
     * are not inside a compressed archive.
     */
    InputStream entry(String container, String entry, InputStream in, @Nullable Ratio ratio) {
        return new EntryStream(container, entry, in, ratio);
    }

    private BundleLimitException entryTooLarge(String container, String entry) {
        return new BundleLimitException(container + ": entry '" + entry + "' is larger than the per-file limit of "
                + limits.maxEntryBytes() + " bytes (EvidenceBundle.Limits.maxEntryBytes)");
    }

    /** Inflated versus compressed bytes of one archive. */
    static final class Ratio {
        private final LongSupplier compressed;
        private long inflated;

        private Ratio(LongSupplier compressed) {
            this.compressed = compressed;
        }
    }

    private final class EntryStream extends FilterInputStream {
        private final String container;
        private final String entry;
        private final @Nullable Ratio ratio;
        private long bytes;

        EntryStream(String container, String entry, InputStream in, @Nullable Ratio ratio) {
            super(in);
            this.container = container;
            this.entry = entry;
            this.ratio = ratio;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // skipping must be counted too: read through a scratch buffer
            byte[] scratch = new byte[(int) Math.min(8192, Math.max(1, n))];
            long skipped = 0;
            while (skipped < n) {
                int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
            // the archive stream stays open for the next entry; the reader closes it
        }

        private void count(int n) throws BundleLimitException {
            bytes += n;
            total += n;
            if (bytes > limits.maxEntryBytes()) {
                throw entryTooLarge(container, entry);
            }
            if (total > limits.maxTotalBytes()) {
                throw new BundleLimitException(container + ": more than " + limits.maxTotalBytes()
                        + " bytes in total, reached at entry '" + entry + "' (EvidenceBundle.Limits.maxTotalBytes)");
            }
            if (ratio != null) {
                ratio.inflated += n;
                if (ratio.inflated > EvidenceBundle.Limits.RATIO_CHECK_THRESHOLD) {
                    long packed = Math.max(1, ratio.compressed.getAsLong());
                    if (ratio.inflated / packed > limits.maxCompressionRatio()) {
                        throw new BundleLimitException(container + ": entry '" + entry + "' inflates more than "
                                + limits.maxCompressionRatio() + " times its compressed size (archive bomb?); refused"
                                + " (EvidenceBundle.Limits.maxCompressionRatio)");
                    }
                }
            }
        }
    }
}
