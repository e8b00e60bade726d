package io.smcdoctor.evidence.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the size of a zip's central directory from its end records (EOCD, and the ZIP64 EOCD when present)
 * before anything loads the directory into memory, so that a hostile directory listing millions of entries is
 * refused up front.
 */
final class ArchiveZipDirectory {
    /** Bytes per central directory record accepted on average (46 fixed + name, extra, comment). */
    static final long MAX_RECORD_BYTES = 4096;

    private static final int EOCD_SIG = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
    private static final int ZIP64_EOCD_SIG = 0x06064b50;
    private static final int EOCD_MIN = 22;
    private static final int MAX_COMMENT = 0xffff;

    private ArchiveZipDirectory() {
    }

    /** {@code [entries, directory bytes]}, or empty when there is no end record (not a complete zip). */
    static Optional<long[]> read(Path zip) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(zip)) {
            long size = ch.size();
            int tail = (int) Math.min(size, EOCD_MIN + MAX_COMMENT);
            ByteBuffer buf = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
            ch.position(size - tail);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // fill
            }
            for (int i = tail - EOCD_MIN; i >= 0; i--) {
                if (buf.getInt(i) != EOCD_SIG) {
                    continue;
                }
                long entries = buf.getShort(i + 10) & 0xffffL;
                long dirSize = buf.getInt(i + 12) & 0xffffffffL;
                if ((entries == 0xffff || dirSize == 0xffffffffL) && i >= 20 && buf.getInt(i - 20) == ZIP64_LOCATOR_SIG) {
                    long offset = buf.getLong(i - 20 + 8);
                    ByteBuffer z = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
                    if (offset < 0 || offset + 56 > size) {
                        return Optional.empty();
                    }
                    ch.position(offset);
                    while (z.hasRemaining() && ch.read(z) > 0) {
                        // fill
                    }
                    if (z.getInt(0) != ZIP64_EOCD_SIG) {
                        return Optional.empty();
                    }
                    entries = z.getLong(32);
                    dirSize = z.getLong(40);
                }
                return Optional.of(new long[] {entries, dirSize});
            }
            return Optional.empty();
        }
    }
}
