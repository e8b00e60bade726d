package io.smcdoctor.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The archive formats a bundle may come in, recognised by file name or else by magic bytes. */
public enum ArchiveFormat {
    /** A gzip-compressed tar ({@code .tar.gz}, {@code .tgz}). */
    TAR_GZ,
    /** A plain tar. */
    TAR,
    /** A zip. */
    ZIP;

    /** The format a file name denotes, if any. */
    public static Optional<ArchiveFormat> ofFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".tar.gz") || n.endsWith(".tgz")) {
            return Optional.of(TAR_GZ);
        }
        if (n.endsWith(".tar")) {
            return Optional.of(TAR);
        }
        if (n.endsWith(".zip")) {
            return Optional.of(ZIP);
        }
        return Optional.empty();
    }

    /** The format of a file, by name first and else by its first bytes (gzip, zip, ustar magic). */
    public static Optional<ArchiveFormat> of(Path file) throws IOException {
        Optional<ArchiveFormat> byName = ofFileName(String.valueOf(file.getFileName()));
        if (byName.isPresent()) {
            return byName;
        }
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return ofMagic(head, n);
    }

    /** The format of the first {@code n} bytes of a file, if they carry an archive signature. */
    static Optional<ArchiveFormat> ofMagic(byte[] head, int n) {
        if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return Optional.of(TAR_GZ);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return Optional.of(ZIP);
        }
        if (n >= 262 && head[257] == 'u' && head[258] == 's' && head[259] == 't' && head[260] == 'a'
                && head[261] == 'r') {
            return Optional.of(TAR);
        }
        return Optional.empty();
    }

    /** How the format is named in messages. */
    String label() {
        switch (this) {
            case TAR_GZ: return "tar.gz";
            case TAR: return "tar";
            default: return "zip";
        }
    }
}
