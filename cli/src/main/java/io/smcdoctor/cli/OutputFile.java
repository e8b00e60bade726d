package io.smcdoctor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/**
 * The file of {@code -o FILE}: checked before the work starts (so a typo does not cost a diagnosis), then written
 * whole or not at all (a temporary file next to it, moved into place), so a reader never sees half a report.
 * Problems are one-line {@link UsageException}s naming the file and what to do.
 */
final class OutputFile {
    private static final SecureRandom RANDOM = new SecureRandom();

    private OutputFile() {
    }

    /** Fails when {@code file} cannot be written: a directory, a missing or read-only parent directory. */
    static void check(Path file) {
        if (Files.isDirectory(file)) {
            throw new UsageException("-o " + file + ": is a directory; give a file name, e.g. -o "
                    + file.resolve("report.html"));
        }
        Path parent = parent(file);
        if (!Files.isDirectory(parent)) {
            throw new UsageException("-o " + file + ": directory " + parent + " does not exist");
        }
        if (!Files.isWritable(parent)) {
            throw new UsageException("-o " + file + ": directory " + parent + " is not writable");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new UsageException("-o " + file + ": the file exists and is not writable");
        }
    }

    /** Writes the text (UTF-8) to {@code file}, replacing it. */
    static void write(Path file, String text) {
        check(file);
        Path parent = parent(file);
        Path tmp = null;
        try {
            // createFile honours the umask like a shell redirection (createTempFile would make the report 0600)
            tmp = Files.createFile(parent.resolve("." + file.getFileName() + "." + Long.toHexString(RANDOM.nextLong())
                    + ".tmp"));
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (AccessDeniedException e) {
            throw new UsageException("-o " + file + ": permission denied");
        } catch (NoSuchFileException e) {
            throw new UsageException("-o " + file + ": no such file or directory (" + e.getFile() + ")");
        } catch (IOException e) {
            throw new UsageException("-o " + file + ": cannot be written (" + e.getMessage() + ")");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // best effort: the temporary file has a dot name next to the target
                }
            }
        }
    }

    private static Path parent(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null ? file.toAbsolutePath().getRoot() : parent;
    }
}
