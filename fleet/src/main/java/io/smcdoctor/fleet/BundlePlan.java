package io.smcdoctor.fleet;

import io.smcdoctor.evidence.facts.SourceKind;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Which bundles the inputs hold, found by listing them on the driver through Hadoop's {@link FileSystem} (local
 * disk, HDFS, S3A, ...). Archives are then read with {@code binaryFiles} over {@link #archiveGlobs()} (the plan is
 * broadcast to tell their records apart); bundle directories are handed to tasks one bundle each.
 *
 * <p>Rules, applied from each input downwards:
 * <ul>
 *   <li>an archive ({@code .tar.gz}, {@code .tgz}, {@code .tar}, {@code .zip}) is one bundle;</li>
 *   <li>a directory that directly holds a file named as in the bundle format ({@code smcss.txt}, {@code uname.txt},
 *       {@code manifest.json}, ...) is one bundle, with everything below it (e.g. a {@code proc/sys} tree);</li>
 *   <li>other directories are searched further; other files (a README) are counted as ignored;</li>
 *   <li>names starting with {@code .} or {@code _} are not searched, as Hadoop's input formats skip them (inside a
 *       bundle directory every file is read, as a direct read of the directory does).</li>
 * </ul>
 * Immutable once built.
 */
final class BundlePlan implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int MAX_DEPTH = 64;

    /** A bundle: where it is, whether it is a directory, and when it was last modified in storage. */
    record Bundle(String path, boolean directory, long modifiedMillis) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** The bundle's own name: the archive's file name without its extension, or the directory's name. */
        String name() {
            String file = new Path(path).getName();
            return directory ? file : stripArchiveExtension(file);
        }
    }

    private final List<String> inputs;
    private final Map<String, Bundle> bundles;
    /** The bundles in path order: a bundle's id is its index here. */
    private final List<Bundle> byId;
    private final Map<String, Integer> ids;
    private final long ignoredFiles;

    private BundlePlan(List<String> inputs, Map<String, Bundle> bundles, long ignoredFiles) {
        this.inputs = List.copyOf(inputs);
        this.bundles = new LinkedHashMap<>(bundles);
        this.byId = List.copyOf(this.bundles.values());
        this.ids = new HashMap<>();
        for (int i = 0; i < byId.size(); i++) {
            ids.put(byId.get(i).path(), i);
        }
        this.ignoredFiles = ignoredFiles;
    }

    /**
     * Lists the inputs (paths or globs, as Hadoop reads them).
     *
     * @throws FleetInputException when an input matches nothing or cannot be listed
     */
    static BundlePlan list(Configuration conf, List<String> inputs) {
        Map<String, Bundle> found = new TreeMap<>();
        long[] ignored = {0};
        List<String> qualified = new ArrayList<>();
        for (String input : inputs) {
            if (input.indexOf(',') >= 0) {
                throw new FleetInputException("input '" + input + "' contains a comma, which Hadoop reads as a list"
                        + " separator; rename it or give its parent directory");
            }
            Path path = new Path(input);
            try {
                FileSystem fs = path.getFileSystem(conf);
                FileStatus[] matches = fs.globStatus(path);
                if (matches == null || matches.length == 0) {
                    throw new FleetInputException(input + ": no such file or directory");
                }
                for (FileStatus match : matches) {
                    qualified.add(match.getPath().toString());
                    if (match.isDirectory()) {
                        walk(fs, match, found, ignored);
                    } else if (isArchiveName(match.getPath().getName())) {
                        add(found, new Bundle(match.getPath().toString(), false, match.getModificationTime()));
                    } else {
                        ignored[0]++;
                    }
                }
            } catch (IOException e) {
                throw new FleetInputException(input + ": cannot be listed (" + e.getMessage() + ")", e);
            }
        }
        return new BundlePlan(qualified, found, ignored[0]);
    }

    private static void walk(FileSystem fs, FileStatus top, Map<String, Bundle> found, long[] ignored)
            throws IOException {
        Deque<Pending> todo = new ArrayDeque<>();
        todo.push(new Pending(top, 0));
        while (!todo.isEmpty()) {
            Pending next = todo.pop();
            FileStatus dir = next.dir();
            int depth = next.depth();
            FileStatus[] children = fs.listStatus(dir.getPath());
            boolean bundleDir = false;
            long newest = dir.getModificationTime();
            for (FileStatus c : children) {
                if (c.isFile() && !hidden(c.getPath().getName())
                        && SourceKind.ofFileName(c.getPath().getName()).isPresent()) {
                    bundleDir = true;
                }
                newest = Math.max(newest, c.getModificationTime());
            }
            if (bundleDir) {
                add(found, new Bundle(dir.getPath().toString(), true, newest));
                continue;
            }
            for (FileStatus c : children) {
                String name = c.getPath().getName();
                if (hidden(name)) {
                    continue;
                }
                if (c.isDirectory()) {
                    if (depth < MAX_DEPTH) {
                        todo.push(new Pending(c, depth + 1));
                    }
                } else if (isArchiveName(name)) {
                    add(found, new Bundle(c.getPath().toString(), false, c.getModificationTime()));
                } else {
                    ignored[0]++;
                }
            }
        }
    }

    private record Pending(FileStatus dir, int depth) {
    }

    private static void add(Map<String, Bundle> found, Bundle b) {
        found.putIfAbsent(b.path(), b);
    }

    /** Hadoop's input formats skip these (FileInputFormat's hidden-file filter). */
    static boolean hidden(String name) {
        return name.startsWith(".") || name.startsWith("_");
    }

    static boolean isArchiveName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".tar.gz") || n.endsWith(".tgz") || n.endsWith(".tar") || n.endsWith(".zip");
    }

    static String stripArchiveExtension(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (String ext : List.of(".tar.gz", ".tgz", ".tar", ".zip")) {
            if (n.endsWith(ext) && n.length() > ext.length()) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }

    /** The inputs as listed (qualified paths; globs expanded). */
    List<String> inputs() {
        return inputs;
    }

    /**
     * Hadoop globs that match the archives and nothing below bundle directories, for {@code binaryFiles}: one per
     * directory holding archives, naming the extensions seen there ({@code dir/{*.tar.gz,*.zip}}). Every archive of
     * the plan is matched; a match that is not in the plan is left out by {@link #archive}.
     *
     * @throws FleetInputException when a directory's name holds a comma (Hadoop reads it as a list separator)
     */
    String archiveGlobs() {
        Map<String, SortedSet<String>> byParent = new TreeMap<>();
        for (Bundle b : bundles.values()) {
            if (b.directory()) {
                continue;
            }
            Path p = new Path(b.path());
            String name = p.getName();
            String ext = name.substring(stripArchiveExtension(name).length());
            byParent.computeIfAbsent(p.getParent().toString(), k -> new TreeSet<>()).add("*" + ext);
        }
        List<String> globs = new ArrayList<>();
        for (Map.Entry<String, SortedSet<String>> e : byParent.entrySet()) {
            if (e.getKey().indexOf(',') >= 0) {
                throw new FleetInputException(e.getKey() + ": a directory name with a comma cannot be read by Hadoop's"
                        + " input formats (the comma separates paths); rename it");
            }
            globs.add(escapeGlob(e.getKey()) + "/{" + String.join(",", e.getValue()) + "}");
        }
        return String.join(",", globs);
    }

    /** A path with Hadoop's glob characters escaped, so that it matches itself only. */
    static String escapeGlob(String path) {
        StringBuilder sb = new StringBuilder();
        for (char c : path.toCharArray()) {
            if ("\\{}[]*?".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** The archive bundles, ordered by path. */
    List<Bundle> archives() {
        return bundles.values().stream().filter(b -> !b.directory()).toList();
    }

    /** The directory bundles, ordered by path. */
    List<Bundle> directories() {
        return bundles.values().stream().filter(Bundle::directory).toList();
    }

    /** Every bundle, ordered by path. */
    List<Bundle> bundles() {
        return List.copyOf(bundles.values());
    }

    /** How many bundles. */
    int size() {
        return bundles.size();
    }

    /** Files seen that belong to no bundle (not archives, not below a bundle directory). */
    long ignoredFiles() {
        return ignoredFiles;
    }

    /** The archive bundle at exactly this path, if it is one. */
    Optional<Bundle> archive(String file) {
        Bundle b = bundles.get(file);
        return b != null && !b.directory() ? Optional.of(b) : Optional.empty();
    }

    /**
     * A small number for a bundle of the plan (its index in path order), or -1: what the pairing shuffles instead of
     * the path.
     */
    int id(String path) {
        Integer id = ids.get(path);
        return id == null ? -1 : id;
    }

    /** The bundle of an {@link #id}. */
    Bundle byId(int id) {
        return byId.get(id);
    }

    /** The bundle at exactly this path. */
    Optional<Bundle> bundle(String path) {
        return Optional.ofNullable(bundles.get(path));
    }

    @Override
    public String toString() {
        return "BundlePlan[" + bundles.size() + " bundles, " + ignoredFiles + " ignored files]";
    }
}
