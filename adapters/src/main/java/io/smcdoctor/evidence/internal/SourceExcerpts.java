package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.EvidenceParseException;
import io.smcdoctor.evidence.facts.Fact;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.facts.SourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The lines around cited lines of evidence files, read again from the inputs a diagnosis read (directories,
 * archives, single files) through the same {@link BundleReader} walk, so that source names and line numbers match
 * the citations and the same archive limits apply. Only a window of {@code radius} lines on each side of each cited
 * line is kept (plus the header line of tabular listings such as {@code smcss}), lines are cut at
 * {@link #MAX_LINE_CHARS} characters and the whole stays within a character budget: a report that shows excerpts
 * stays small however big the inputs are. Text is kept as read (untrusted: whoever renders it escapes it).
 * Immutable and thread-safe.
 */
public final class SourceExcerpts {
    /** Longest line kept, in characters; longer lines are cut and end with an ellipsis. */
    public static final int MAX_LINE_CHARS = Provenance.MAX_TEXT;

    /** Kinds whose first line names the columns: shown with every window of the file. */
    private static final Set<SourceKind> TABULAR = EnumSet.of(SourceKind.SMCSS, SourceKind.SMCR_DEVICE,
            SourceKind.SMCD_DEVICE, SourceKind.LSMOD);

    private static final SourceExcerpts EMPTY = new SourceExcerpts(Map.of(), Map.of(), 0, false);

    /** One kept line: 1-based number and text. */
    public record Line(int number, String text) {
        /** Validates the number. */
        public Line {
            Objects.requireNonNull(text, "text");
            if (number < 1) {
                throw new IllegalArgumentException("line number must be >= 1, was " + number);
            }
        }
    }

    private final Map<String, NavigableMap<Integer, String>> kept;
    private final Map<String, Boolean> tabular;
    private final int radius;
    private final boolean truncated;

    private SourceExcerpts(Map<String, NavigableMap<Integer, String>> kept, Map<String, Boolean> tabular, int radius,
                           boolean truncated) {
        this.kept = kept;
        this.tabular = tabular;
        this.radius = radius;
        this.truncated = truncated;
    }

    /** No excerpts (e.g. evidence collected live, with no files to read again). */
    public static SourceExcerpts empty() {
        return EMPTY;
    }

    /**
     * Reads the inputs again and keeps the windows around the cited lines.
     *
     * @param inputs   the paths the diagnosis read, in the same order
     * @param limits   the limits the diagnosis read them with
     * @param cited    source name (as in {@link Provenance#source()}) to the cited 1-based line numbers
     * @param radius   lines kept before and after each cited line
     * @param maxChars characters kept over all files; lines beyond it are left out
     * @throws EvidenceParseException when the inputs can no longer be read or a limit is exceeded
     */
    public static SourceExcerpts read(List<Path> inputs, EvidenceBundle.Limits limits,
                                      Map<String, ? extends Collection<Integer>> cited, int radius, long maxChars) {
        Objects.requireNonNull(inputs, "inputs");
        List<BundleReader.Input> read = new ArrayList<>();
        inputs.forEach(p -> read.add(new BundleReader.PathInput(p)));
        return readAll(read, limits, cited, radius, maxChars);
    }

    /**
     * Reads the inputs again (paths and evidence held in memory, as {@link BundleReader#readAll(List)} reads them) and
     * keeps the windows around the cited lines; as {@link #read(List, EvidenceBundle.Limits, Map, int, long)}.
     */
    public static SourceExcerpts readAll(List<BundleReader.Input> inputs, EvidenceBundle.Limits limits,
                                         Map<String, ? extends Collection<Integer>> cited, int radius, long maxChars) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(cited, "cited");
        if (radius < 0) {
            throw new IllegalArgumentException("radius must be >= 0, was " + radius);
        }
        if (maxChars < 0) {
            throw new IllegalArgumentException("maxChars must be >= 0, was " + maxChars);
        }
        if (inputs.isEmpty() || cited.isEmpty()) {
            return EMPTY;
        }
        Collector collector = new Collector(cited, radius, maxChars);
        new BundleReader(limits, collector).readAll(inputs);
        return new SourceExcerpts(collector.kept, collector.tabular, radius, collector.truncated);
    }

    /**
     * The kept lines around a cited line, in order: the window of {@code radius} lines on each side, preceded by the
     * header line of a tabular listing. Lines that were not kept (binary, beyond the budget, past the end of the file)
     * are absent, so numbers may jump. Empty when the cited line itself was not kept.
     */
    public List<Line> window(String source, int line) {
        NavigableMap<Integer, String> lines = kept.get(source);
        if (lines == null || !lines.containsKey(line)) {
            return List.of();
        }
        List<Line> out = new ArrayList<>();
        int from = Math.max(1, line - radius);
        if (from > 1 && Boolean.TRUE.equals(tabular.get(source)) && lines.containsKey(1)) {
            out.add(new Line(1, lines.get(1)));
        }
        lines.subMap(from, true, line + radius, true).forEach((n, t) -> out.add(new Line(n, t)));
        return Collections.unmodifiableList(out);
    }

    /** True when some line was left out because the character budget was spent. */
    public boolean truncated() {
        return truncated;
    }

    /** Receives the files of the second read and keeps the wanted lines. */
    private static final class Collector implements BundleReader.FileSink {
        private final Map<String, NavigableMap<Integer, String>> kept = new HashMap<>();
        private final Map<String, Boolean> tabular = new HashMap<>();
        private final Map<String, TreeSet<Integer>> wanted = new HashMap<>();
        private long budget;
        private boolean truncated;

        Collector(Map<String, ? extends Collection<Integer>> cited, int radius, long maxChars) {
            this.budget = maxChars;
            cited.forEach((source, lines) -> {
                TreeSet<Integer> w = new TreeSet<>();
                for (int c : lines) {
                    if (c > 0) {
                        for (int n = Math.max(1, c - radius); n <= c + radius; n++) {
                            w.add(n);
                        }
                    }
                }
                if (!w.isEmpty()) {
                    wanted.put(source, w);
                }
            });
        }

        @Override
        public void file(String source, SourceKind kind, InputStream content) throws IOException {
            TreeSet<Integer> w = wanted.get(source);
            if (w == null) {
                return; // not cited: the reader counts the unread bytes against the limits
            }
            boolean header = TABULAR.contains(kind);
            if (header) {
                w.add(1);
            }
            tabular.put(source, header);
            NavigableMap<Integer, String> lines = kept.computeIfAbsent(source, s -> new TreeMap<>());
            int last = w.last();
            TextLines.read(content, Silent.INSTANCE, (number, text) -> {
                if (number > last || !w.contains(number)) {
                    return;
                }
                String t = cut(text);
                if (t.length() > budget) {
                    truncated = true;
                    return;
                }
                budget -= t.length();
                lines.put(number, t);
            });
        }

        private static String cut(String text) {
            if (text.length() <= MAX_LINE_CHARS) {
                return text;
            }
            int end = MAX_LINE_CHARS - 1;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            return text.substring(0, end) + "…";
        }
    }

    /** The second read's warnings were already reported by the first. */
    private enum Silent implements ParseContext {
        INSTANCE;

        @Override
        public String source() {
            return "";
        }

        @Override
        public void add(Fact fact) {
            // nothing is parsed
        }

        @Override
        public void warn(int line, String message) {
            // already reported by the diagnosis' own read
        }
    }
}
