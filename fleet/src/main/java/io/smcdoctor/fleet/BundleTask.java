package io.smcdoctor.fleet;

import io.smcdoctor.Diagnoser;
import io.smcdoctor.Diagnosis;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.SmcDoctorException;
import io.smcdoctor.engine.internal.project.ConnectionKeys;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.facts.BundleManifest;
import io.smcdoctor.evidence.facts.KernelRelease;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an executor does with one bundle. The bundle's bytes are copied from storage to a fresh local temporary
 * directory under the bundle's own name (an archive as one file, a directory bundle as its files), read there with
 * {@link EvidenceBundle#read(List, EvidenceBundle.Limits)} exactly as {@code smc-doctor diagnose} reads a path, and
 * diagnosed with this JVM's {@link Diagnoser}; the temporary copy is deleted at once. Reading from a local copy keeps
 * every check of the bundle reader (limits, archive bombs, path traversal, links) in one place, the library's.
 *
 * <p>The copy itself is bounded by the same limits: an archive larger than {@code maxTotalBytes} (what all its files
 * together may hold), a directory file larger than {@code maxEntryBytes} (by its size in storage, then by the bytes
 * copied), a directory bundle with more than {@code maxEntries} files or {@code maxTotalBytes} bytes: the copy stops
 * at the limit and the bundle is refused.
 *
 * <p>Never throws for a bad bundle: any failure to read one becomes a {@link BundleResult} with its error, so one
 * bundle never fails the job. All uses of the diagnosis library's types are in this class.
 */
final class BundleTask {
    private static final String TEMP_PREFIX = "smc-doctor-fleet-";

    private BundleTask() {
    }

    /** The files of a bundle directory in storage. */
    interface DirectorySource {
        /** Every file below the directory (links and special files left out), relative path and size. */
        List<DirEntry> list() throws IOException;

        /** Opens one of the listed files. */
        InputStream open(String relative) throws IOException;
    }

    /** A file below a bundle directory: its path relative to the directory and its size in storage. */
    record DirEntry(String relative, long size) {
    }

    /** Opens a bundle file's content in storage (Spark's {@code PortableDataStream::open}). */
    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }

    /** Diagnoses one archive. */
    static BundleResult archive(BundlePlan.Bundle b, Source source, FleetLimits limits, FleetCounters counters) {
        return archive(b, source, limits, counters, false);
    }

    /** Diagnoses one archive; with {@code keys}, the result carries the bundle's connection keys for pairing. */
    static BundleResult archive(BundlePlan.Bundle b, Source source, FleetLimits limits, FleetCounters counters,
                                boolean keys) {
        return copyAndDiagnose(b, (temp, bytes) -> copyArchive(b, source, limits, temp, bytes), limits, counters,
                keys);
    }

    /** Diagnoses one directory bundle, copying its files one by one. */
    static BundleResult directory(BundlePlan.Bundle b, DirectorySource source, FleetLimits limits,
                                  FleetCounters counters) {
        return directory(b, source, limits, counters, false);
    }

    /** Diagnoses one directory bundle; with {@code keys}, the result carries its connection keys for pairing. */
    static BundleResult directory(BundlePlan.Bundle b, DirectorySource source, FleetLimits limits,
                                  FleetCounters counters, boolean keys) {
        return copyAndDiagnose(b, (temp, bytes) -> copyDirectory(b, source, limits, temp, bytes), limits, counters,
                keys);
    }

    /** Copies a bundle to local disk: into {@code temp}, adding the bytes copied to {@code bytes[0]}. */
    @FunctionalInterface
    private interface Copy {
        Path to(Path temp, long[] bytes) throws IOException, Refused;
    }

    /** Copies a bundle (archive or directory) into a temporary directory and diagnoses it; never throws. */
    private static BundleResult copyAndDiagnose(BundlePlan.Bundle b, Copy copy, FleetLimits limits,
                                                FleetCounters counters, boolean keys) {
        Diagnoser diagnoser = Diagnosers.get(); // built once per JVM, before the clock starts
        long start = System.nanoTime();
        Path temp = null;
        try {
            temp = Files.createTempDirectory(TEMP_PREFIX);
            long[] bytes = {0};
            Path local = copy.to(temp, bytes);
            counters.bytes().add(bytes[0]);
            counters.copyNanos().add(System.nanoTime() - start);
            return diagnose(b, local, temp, diagnoser, limits, counters, keys);
        } catch (Refused e) {
            return failed(b, counters, e.getMessage());
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return failed(b, counters, message(e, temp, b));
        } finally {
            delete(temp);
            counters.bundles().add(1);
        }
    }

    /**
     * Reads a bundle again for a pair diagnosis ({@link PairTask}): copied and read exactly as for its own diagnosis.
     *
     * @throws Unreadable with the same error text a failed first read gives
     */
    static Evidence read(BundlePlan.Bundle b, Source archive, DirectorySource directory, FleetLimits limits)
            throws Unreadable {
        Path temp = null;
        try {
            temp = Files.createTempDirectory(TEMP_PREFIX);
            long[] bytes = {0};
            Path local = b.directory() ? copyDirectory(b, directory, limits, temp, bytes)
                    : copyArchive(b, archive, limits, temp, bytes);
            return EvidenceBundle.read(List.of(local), limits.limits());
        } catch (Refused e) {
            throw new Unreadable(e.getMessage());
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new Unreadable(message(e, temp, b));
        } finally {
            delete(temp);
        }
    }

    /** A bundle that cannot be read, with the error its row would show (starting with the bundle's path). */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /** A bundle refused before reading (a limit of the copy), with its error. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private static Path copyArchive(BundlePlan.Bundle b, Source source, FleetLimits limits, Path temp, long[] bytes)
            throws IOException, Refused {
        Path local = temp.resolve(localName(b));
        try (InputStream in = source.open(); OutputStream out = Files.newOutputStream(local)) {
            bytes[0] = copy(in, out, limits.maxTotalBytes());
        }
        if (bytes[0] > limits.maxTotalBytes()) {
            throw new Refused(b.path() + ": the archive is larger than " + limits.maxTotalBytes()
                    + " bytes, more than all its files together may hold (EvidenceBundle.Limits.maxTotalBytes);"
                    + " not read");
        }
        return local;
    }

    private static Path copyDirectory(BundlePlan.Bundle b, DirectorySource source, FleetLimits limits, Path temp,
                                      long[] bytes) throws IOException, Refused {
        Path root = Files.createDirectory(temp.resolve(localName(b)));
        List<DirEntry> files = new ArrayList<>(source.list());
        files.sort(Comparator.comparing(DirEntry::relative)); // the order a direct read takes them in
        if (files.size() > limits.maxEntries()) {
            throw new Refused(b.path() + ": more than " + limits.maxEntries() + " entries (at '"
                    + files.get(limits.maxEntries()).relative()
                    + "'); raise EvidenceBundle.Limits.maxEntries if this is expected");
        }
        long total = 0;
        for (DirEntry f : files) {
            if (f.size() > limits.maxEntryBytes()) {
                throw new Refused(tooLarge(b, f.relative(), limits));
            }
            Optional<Path> target = below(root, f.relative());
            if (target.isEmpty()) {
                throw new Refused(b.path() + ": entry '" + f.relative() + "' escapes the bundle; refused");
            }
            Files.createDirectories(target.get().getParent());
            long n;
            try (InputStream in = source.open(f.relative());
                 OutputStream out = Files.newOutputStream(target.get())) {
                n = copy(in, out, limits.maxEntryBytes());
            }
            if (n > limits.maxEntryBytes()) { // grew since it was listed
                throw new Refused(tooLarge(b, f.relative(), limits));
            }
            total += n;
            if (total > limits.maxTotalBytes()) {
                throw new Refused(b.path() + ": more than " + limits.maxTotalBytes() + " bytes in total,"
                        + " reached at entry '" + f.relative() + "' (EvidenceBundle.Limits.maxTotalBytes)");
            }
        }
        if (files.isEmpty()) {
            throw new Refused(b.path() + ": the bundle directory holds no files any more");
        }
        bytes[0] = total;
        return root;
    }

    private static String tooLarge(BundlePlan.Bundle b, String relative, FleetLimits limits) {
        return b.path() + ": entry '" + relative + "' is larger than the per-file limit of " + limits.maxEntryBytes()
                + " bytes (EvidenceBundle.Limits.maxEntryBytes)";
    }

    private static BundleResult diagnose(BundlePlan.Bundle b, Path local, Path temp, Diagnoser diagnoser,
                                         FleetLimits limits, FleetCounters counters, boolean keys) {
        long read = System.nanoTime();
        Evidence evidence;
        try {
            evidence = EvidenceBundle.read(List.of(local), limits.limits());
        } finally {
            counters.readNanos().add(System.nanoTime() - read);
        }
        long diagnose = System.nanoTime();
        DiagnosisReport report;
        try {
            report = diagnoser.diagnose(evidence);
        } finally {
            counters.diagnoseNanos().add(System.nanoTime() - diagnose);
        }
        long[] codes = new long[0];
        if (keys) {
            long k = System.nanoTime();
            codes = PairKeyCodes.of(ConnectionKeys.of(evidence));
            counters.keyNanos().add(System.nanoTime() - k);
        }
        return result(b, evidence, report, codes);
    }

    /** The fleet's values of a diagnosed bundle. */
    static BundleResult result(BundlePlan.Bundle b, Evidence evidence, DiagnosisReport report, long[] keys) {
        Optional<BundleManifest> manifest = evidence.facts(BundleManifest.class).stream().findFirst();
        List<KernelRelease> unames = evidence.facts(KernelRelease.class);
        String[] named = host(b, evidence);
        String host = named[0];
        String hostSource = named[1];
        String kernel = unames.stream().map(KernelRelease::release).filter(r -> !r.isBlank()).findFirst()
                .orElse(manifest.map(BundleManifest::kernel).filter(k -> !k.isBlank()).orElse(null));
        Instant collected = manifest.flatMap(BundleManifest::time).orElse(null);
        Map<String, Long> fallbacks = new LinkedHashMap<>();
        report.stats().fallbacks().forEach((code, n) -> fallbacks.put(ReasonCode.hex(code), n));
        List<BundleResult.Cause> causes = new ArrayList<>();
        for (Diagnosis d : report.diagnoses()) {
            causes.add(new BundleResult.Cause(d.rank(), d.id(), d.title(), d.confidence(), d.severity().json(),
                    d.side().json(), d.reasonCodes().stream().map(ReasonCode::hex).toList(), d.evidence().size()));
        }
        return new BundleResult(b.path(), host, hostSource, collected, Instant.ofEpochMilli(b.modifiedMillis()),
                kernel, report.stats().sockets(), report.stats().smcSockets(), fallbacks, report.warnings().size(),
                causes, null, keys);
    }

    /**
     * The bundle's host name and where it came from ({@code manifest}, {@code uname}, {@code bundle-name}): the
     * manifest's host, else the node name of {@code uname -a}, else the bundle's own name.
     */
    static String[] host(BundlePlan.Bundle b, Evidence evidence) {
        Optional<BundleManifest> manifest = evidence.facts(BundleManifest.class).stream().findFirst();
        List<KernelRelease> unames = evidence.facts(KernelRelease.class);
        String host = b.name();
        String hostSource = "bundle-name";
        Optional<String> fromManifest = manifest.map(BundleManifest::host).filter(BundleTask::meaningfulHost);
        Optional<String> fromUname = unames.stream().map(BundleTask::nodename).flatMap(Optional::stream)
                .filter(BundleTask::meaningfulHost).findFirst();
        if (fromManifest.isPresent()) {
            host = fromManifest.get();
            hostSource = "manifest";
        } else if (fromUname.isPresent()) {
            host = fromUname.get();
            hostSource = "uname";
        }
        return new String[] {host, hostSource};
    }

    /**
     * The node name of a {@code uname -a} line ({@code Linux web-1 6.12.0 #1 SMP ...}): the word between the kernel
     * name and the release. Empty for {@code uname -r} output.
     */
    static Optional<String> nodename(KernelRelease k) {
        String[] words = k.provenance().text().trim().split("\\s+");
        if (words.length >= 3 && !k.release().isEmpty() && words[2].equals(k.release())) {
            return Optional.of(words[1]);
        }
        return Optional.empty();
    }

    /** Names that identify no host: unset ({@code (none)}, as in a VM without a host name) or loopback names. */
    static boolean meaningfulHost(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        return !h.isEmpty() && !h.equals("(none)") && !h.equals("localhost") && !h.startsWith("localhost.");
    }

    private static BundleResult failed(BundlePlan.Bundle b, FleetCounters counters, String error) {
        counters.unreadable().add(1);
        return BundleResult.unreadable(b.path(), b.name(), Instant.ofEpochMilli(b.modifiedMillis()), error);
    }

    /** The error of a failed read, naming the bundle in storage instead of the local copy. */
    private static String message(Throwable e, @Nullable Path temp, BundlePlan.Bundle b) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (!(e instanceof SmcDoctorException)) {
            m = e.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + m);
        }
        if (temp != null) {
            m = m.replace(temp.resolve(localName(b)).toString(), b.path()).replace(temp.toString(), b.path());
        }
        return m.startsWith(b.path()) ? m : b.path() + ": " + m;
    }

    /** The bundle's file or directory name, used for its local copy so that warnings name it as a direct read does. */
    private static String localName(BundlePlan.Bundle b) {
        String name = new org.apache.hadoop.fs.Path(b.path()).getName();
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "bundle" : name;
    }

    /** {@code root/relative} when every segment is a plain name (no empty, {@code .} or {@code ..} segment). */
    static Optional<Path> below(Path root, String relative) {
        if (relative.isEmpty() || relative.startsWith("/") || relative.indexOf('\\') >= 0
                || relative.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        for (String seg : relative.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                return Optional.empty();
            }
        }
        Path p = root.resolve(relative).normalize();
        return p.startsWith(root) && !p.equals(root) ? Optional.of(p) : Optional.empty();
    }

    /** Copies at most {@code max + 1} bytes; returns how many were copied (more than {@code max}: stopped there). */
    private static long copy(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long n = 0;
        while (n <= max) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, max + 1 - n));
            if (r < 0) {
                break;
            }
            out.write(buf, 0, r);
            n += r;
        }
        return n;
    }

    private static void delete(@Nullable Path dir) {
        if (dir == null) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a leftover temporary file must not turn a diagnosed bundle into a failure; the OS cleans tmp
        }
    }
}
