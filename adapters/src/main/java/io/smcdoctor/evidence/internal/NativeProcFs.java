package io.smcdoctor.evidence.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads procfs values correctly. Integer {@code /proc/sys} files report size 0 and return EOF for any read at
 * a non-zero offset, so {@code Files.readString} yields only the first character ({@code "6"} for
 * {@code 65536}); the value must be taken with one large read at offset 0.
 */
public final class NativeProcFs {
    /** Longest value kept. */
    public static final int MAX_VALUE = 64 * 1024;

    private NativeProcFs() {
    }

    /** The content of a procfs file, trimmed, read with one large first read; empty if unreadable. */
    public static Optional<String> value(Path file) {
        try {
            return Optional.of(read(file).strip());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * The raw content of a procfs file, read with one large first read (then until EOF, bounded).
     *
     * @throws IOException when it cannot be read (e.g. a write-only sysctl)
     */
    public static String read(Path file) throws IOException {
        byte[] buf = new byte[MAX_VALUE];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while (out.size() < MAX_VALUE && (n = in.read(buf, 0, MAX_VALUE - out.size())) > 0) {
                out.write(buf, 0, n);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
