package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.facts.SysctlSetting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a {@code /proc/sys}-style directory tree (the live {@code /proc/sys}, or {@code proc/sys} inside an
 * evidence bundle) into {@link SysctlSetting} facts: one file is one setting, its path below the root is the
 * key ({@code net/smc/tcp2smc} → {@code net.smc.tcp2smc}).
 *
 * <p>Every file is read with one large read. This matters on procfs: the kernel reports size 0 for sysctl files,
 * so {@code Files.readString}/{@code Files.readAllBytes} read one byte first, and the integer sysctl handlers
 * answer any read at a non-zero offset with end-of-file, which leaves only the first digit ({@code "6"} for
 * {@code 65536}).
 *
 * <p>Bounded: at most {@link #MAX_FILES} files, {@link #MAX_DEPTH} directory levels and {@link #MAX_VALUE_BYTES}
 * bytes per file; symbolic links are not followed; write-only entries (no read permission bit, e.g.
 * {@code net.ipv4.route.flush}) are skipped. Never throws for content or I/O problems: they become warnings.
 * Stateless and thread-safe.
 */
public final class ProcSysReader {
    /** Most files read in one call. */
    public static final int MAX_FILES = 20_000;
    /** Deepest directory level descended into below the start directory. */
    public static final int MAX_DEPTH = 12;
    /** Longest value kept, in bytes; longer values are cut with a warning. */
    public static final int MAX_VALUE_BYTES = 64 * 1024;

    /**
     * What was read.
     *
     * @param settings one setting per readable file, sorted by path
     * @param warnings files that could not be read or were cut, each naming the file
     */
    public record Result(List<SysctlSetting> settings, List<ParseWarning> warnings) {
        /** Copies the lists. */
        public Result {
            settings = List.copyOf(settings);
            warnings = List.copyOf(warnings);
        }
    }

    private ProcSysReader() {
    }

    /**
     * Reads every setting below {@code root} (a {@code /proc/sys}-style directory).
     *
     * @param root the directory that corresponds to {@code /proc/sys}
     * @return the settings; empty (without a warning) when {@code root} does not exist
     */
    public static Result read(Path root) {
        return read(root, root);
    }

    /**
     * Reads the settings in {@code start} and below, naming keys relative to {@code root}. For example
     * {@code read(Path.of("/proc/sys"), Path.of("/proc/sys/net/smc"))} reads all {@code net.smc.*} settings.
     *
     * @param root  the directory that corresponds to {@code /proc/sys}
     * @param start a directory or a single file at or below {@code root}
     * @return the settings; empty (without a warning) when {@code start} does not exist: a missing
     *         {@code net/smc} directory is evidence (the {@code smc} module is not loaded), not an error
     * @throws IllegalArgumentException when {@code start} is not below {@code root}
     */
    public static Result read(Path root, Path start) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(start, "start");
        Path r = root.toAbsolutePath().normalize();
        Path s = start.toAbsolutePath().normalize();
        if (!s.startsWith(r)) {
            throw new IllegalArgumentException("start " + start + " is not below root " + root);
        }
        Walk walk = new Walk(r);
        if (Files.isDirectory(s, LinkOption.NOFOLLOW_LINKS)) {
            walk.directory(s, 0);
        } else if (Files.isRegularFile(s, LinkOption.NOFOLLOW_LINKS)) {
            walk.file(s);
        }
        return new Result(walk.settings, walk.warnings);
    }

    /** The dotted key of a file below the root: path components joined with dots, dots inside them as slashes. */
    static String key(Path root, Path file) {
        Path rel = root.relativize(file);
        StringBuilder key = new StringBuilder();
        for (Path part : rel) {
            if (key.length() > 0) {
                key.append('.');
            }
            key.append(part.toString().replace('.', '/'));
        }
        return key.toString();
    }

    private static final class Walk {
        private final Path root;
        private final List<SysctlSetting> settings = new ArrayList<>();
        private final List<ParseWarning> warnings = new ArrayList<>();
        private int files;
        private boolean limitWarned;

        Walk(Path root) {
            this.root = root;
        }

        void directory(Path dir, int depth) {
            if (depth > MAX_DEPTH) {
                warn(dir, "directory nesting deeper than " + MAX_DEPTH + " levels; not read");
                return;
            }
            List<Path> children;
            try (Stream<Path> list = Files.list(dir)) {
                children = list.sorted().limit(MAX_FILES + 1L).collect(Collectors.toList());
            } catch (IOException | UncheckedIOException | SecurityException e) {
                warn(dir, "cannot list directory: " + describe(e));
                return;
            }
            for (Path child : children) {
                if (files >= MAX_FILES) {
                    if (!limitWarned) {
                        warn(child, "more than " + MAX_FILES + " files; the rest were not read");
                        limitWarned = true;
                    }
                    return;
                }
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException | SecurityException e) {
                    warn(child, "cannot read attributes: " + describe(e));
                    continue;
                }
                if (attrs.isDirectory()) {
                    directory(child, depth + 1);
                } else if (attrs.isRegularFile()) {
                    file(child);
                }
            }
        }

        void file(Path file) {
            files++;
            if (writeOnly(file)) {
                return;
            }
            byte[] buf = new byte[MAX_VALUE_BYTES + 1];
            int n = 0;
            try (InputStream in = Files.newInputStream(file)) {
                // the first read asks for everything at once (see the class comment); later reads see EOF on procfs
                int r;
                while (n < buf.length && (r = in.read(buf, n, buf.length - n)) > 0) {
                    n += r;
                }
            } catch (IOException | SecurityException e) {
                warn(file, "cannot read: " + describe(e));
                return;
            }
            if (n > MAX_VALUE_BYTES) {
                warn(file, "value longer than " + MAX_VALUE_BYTES + " bytes; cut");
                n = MAX_VALUE_BYTES;
            }
            for (int i = 0; i < n; i++) {
                if (buf[i] == 0) {
                    warn(file, "binary data (NUL bytes); not a sysctl value");
                    return;
                }
            }
            String value = new String(buf, 0, n, StandardCharsets.UTF_8).strip();
            String key = key(root, file);
            settings.add(new SysctlSetting(new Provenance(file.toString(), 1, key + " = " + value), key, value));
        }

        private static boolean writeOnly(Path file) {
            try {
                PosixFileAttributes posix = Files.readAttributes(file, PosixFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                Set<PosixFilePermission> p = posix.permissions();
                return !p.contains(PosixFilePermission.OWNER_READ) && !p.contains(PosixFilePermission.GROUP_READ)
                        && !p.contains(PosixFilePermission.OTHERS_READ);
            } catch (UnsupportedOperationException | IOException | SecurityException e) {
                return false;
            }
        }

        private void warn(Path path, String message) {
            warnings.add(new ParseWarning(path.toString(), 0, message));
        }

        private static String describe(Exception e) {
            String m = e.getMessage();
            return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
        }
    }
}
