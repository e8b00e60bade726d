package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.Fact;
import io.smcdoctor.evidence.facts.InputFailed;
import io.smcdoctor.evidence.facts.SocketRow;
import io.smcdoctor.evidence.facts.SocketSummary;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.ToolError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The mutable state behind {@code Evidence.Builder}: parses inputs, aggregates sockets, digests everything. */
public final class EvidenceAssembler {
    /**
     * Warnings kept per evidence; more are counted in one final warning, except that the first warning of each
     * source is always kept.
     */
    public static final int MAX_WARNINGS = 1000;
    /** Parts of one paste recorded under their own input name; later ones are named by their tool only. */
    static final int MAX_NAMED_PARTS = 64;

    /** What {@link #finish()} hands to the immutable {@code Evidence}. */
    public record Result(Map<Class<? extends Fact>, List<Fact>> facts, SocketSummary sockets,
                         List<ParseWarning> warnings, Map<String, SourceKind> sources, String fingerprint,
                         @Nullable ConnectionTable connections) {
    }

    private final Map<Class<? extends Fact>, List<Fact>> facts = new LinkedHashMap<>();
    private final SocketAggregator sockets = new SocketAggregator();
    private final List<ParseWarning> warnings = new ArrayList<>();
    private final Map<String, SourceKind> sources = new LinkedHashMap<>();
    private InputDigest digest = new InputDigest();
    private final Set<String> warnedSources = new HashSet<>();
    private long droppedWarnings;
    private int smcssInputs;
    private int smcssFailed;
    private boolean finished;
    /** True once an input or a fact was added. */
    private boolean started;

    /**
     * Builds no connection index ({@link SocketAggregator#withoutConnections()}); only before the first input.
     *
     * @throws IllegalStateException when an input was already added
     */
    public void withoutConnections() {
        check();
        if (started) {
            throw new IllegalStateException("withoutConnections() must be called before the first input");
        }
        sockets.withoutConnections();
    }

    /**
     * Computes no fingerprint ({@link InputDigest#none()}: the result's is empty); only before the first input.
     *
     * @throws IllegalStateException when an input was already added
     */
    public void withoutFingerprint() {
        check();
        if (started) {
            throw new IllegalStateException("withoutFingerprint() must be called before the first input");
        }
        digest = InputDigest.none();
    }

    /** Parses text of a kind. */
    public void parse(SourceKind kind, String sourceName, String text) {
        source(sourceName, kind);
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.drain();
        EvidenceSpecs.of(kind).textParser().ifPresentOrElse(p -> {
            Ctx ctx = new Ctx(sourceName);
            TextParser.LineSink sink = sink(kind, sourceName, ctx, p);
            TextLines.read(text, ctx, sink);
            sink.end();
        }, () -> warning(new ParseWarning(sourceName, 0, "not a text input kind: " + kind)));
    }

    /** Parses a stream of a kind, line by line. */
    public void parse(SourceKind kind, String sourceName, InputStream in) throws IOException {
        source(sourceName, kind);
        var p = EvidenceSpecs.of(kind).textParser();
        if (p.isEmpty()) {
            warning(new ParseWarning(sourceName, 0, "not a text input kind: " + kind));
            return;
        }
        Ctx ctx = new Ctx(sourceName);
        TextParser.LineSink sink = sink(kind, sourceName, ctx, p.get());
        try {
            TextLines.read(digest.wrap(in), ctx, sink);
        } finally {
            digest.drain();
        }
        sink.end();
    }

    /**
     * Reads a paste: text mixing several tools' outputs and prose, split into parts by content ({@link PasteReader}).
     * The first part is recorded as an input of its kind named {@code sourceName} (so a file holding one tool's output
     * reads as before), each further one as {@code "<source> (<tool> at line N)"}; facts cite {@code sourceName} and
     * the paste's line numbers.
     *
     * @param proseAlone keep the prose (as symptom text and mentions) even when no tool output was found
     * @return how many tool outputs the paste held; when 0 and {@code proseAlone} is false nothing was added
     */
    public int paste(String sourceName, InputStream in, boolean proseAlone) throws IOException {
        check();
        started = true;
        Ctx ctx = new Ctx(sourceName);
        int[] opened = {0};
        PasteReader reader = new PasteReader(ctx, (kind, line, label) -> {
            int n = opened[0]++;
            // beyond MAX_NAMED_PARTS parts, parts of one tool share a name: the inputs stay bounded
            String part = n == 0 ? sourceName : n < MAX_NAMED_PARTS ? sourceName + " (" + label + " at line " + line + ")"
                    : sourceName + " (" + label + ")";
            source(part, kind);
            Ctx partCtx = new Ctx(sourceName);
            return sink(kind, part, partCtx, EvidenceSpecs.of(kind).textParser().orElseThrow(), false);
        });
        try {
            TextLines.read(digest.wrap(in), ctx, reader);
        } finally {
            digest.drain();
        }
        reader.end();
        int parts = reader.partsRead();
        boolean keep = parts > 0 || proseAlone;
        if (keep && reader.hasProse()) {
            source(sourceName + " (prose)", SourceKind.SYMPTOM);
        }
        reader.finish(keep);
        return parts;
    }

    /** The parser of a kind behind the normalisation layer, reporting a failed tool when the input held nothing else. */
    private TextParser.LineSink sink(SourceKind kind, String inputName, Ctx ctx, TextParser parser) {
        return sink(kind, inputName, ctx, parser, true);
    }

    private TextParser.LineSink sink(SourceKind kind, String inputName, Ctx ctx, TextParser parser, boolean hygiene) {
        TextParser.LineSink p = parser.open(ctx);
        TextParser.LineSink inner = new TextParser.LineSink() {
            @Override
            public void line(int number, String text) {
                p.line(number, text);
            }

            @Override
            public void end() {
                p.end();
                finishInput(kind, inputName, ctx);
            }
        };
        // free text is the user's own words: read as written
        if (!hygiene || kind == SourceKind.SYMPTOM) {
            return inner;
        }
        HygienicSink hygienic = new HygienicSink(kind, ctx, inner);
        if (p instanceof SmcssParser.Sink smcss && sockets.connections() == null) {
            // rows that are only counted are read from their bytes (the connection index would need every row)
            return new SmcssFastRows(hygienic, smcss, sockets, ctx::counted);
        }
        return hygienic;
    }

    /** After an input: a tool error and nothing else means the input is unavailable, not empty. */
    private void finishInput(SourceKind kind, String inputName, Ctx ctx) {
        if (kind == SourceKind.SMCSS) {
            smcssInputs++;
        }
        if (ctx.firstError != null && ctx.dataFacts == 0) {
            ToolError e = ctx.firstError;
            addParsed(new InputFailed(e.provenance(), kind, inputName, e.kind(), e.tool(), e.message()));
            if (kind == SourceKind.SMCSS) {
                smcssFailed++;
            }
        }
    }

    /** Records an input's presence. */
    public void source(String sourceName, SourceKind kind) {
        check();
        started = true;
        if (sources.putIfAbsent(sourceName, kind) == null) {
            digest.update((kind.name() + "\0" + sourceName + "\0").getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Adds a fact built outside the parsers (builder, probes, JSON readers). Its text goes into the fingerprint, so
     * two evidences built from different facts never share a cached report.
     */
    public void add(Fact fact) {
        check();
        started = true;
        digest.update(fact.getClass().getName().getBytes(StandardCharsets.UTF_8));
        digest.update(fact.toString().getBytes(StandardCharsets.UTF_8));
        addParsed(fact);
    }

    /** Adds a fact read by a parser: the bytes it came from are already in the fingerprint. */
    private void addParsed(Fact fact) {
        check();
        if (fact instanceof SocketRow) {
            sockets.add((SocketRow) fact);
            return;
        }
        facts.computeIfAbsent(fact.getClass(), k -> new ArrayList<>()).add(fact);
    }

    /** Adds a warning (bounded). */
    public void warning(ParseWarning w) {
        check();
        // the first warning of every source is kept even past the cap, so that one garbage file cannot hide
        // that another file was unreadable (bounded by the number of sources, itself bounded by the bundle limits)
        boolean firstOfSource = warnedSources.add(w.source());
        if (warnings.size() < MAX_WARNINGS || firstOfSource) {
            warnings.add(w);
        } else {
            droppedWarnings++;
        }
    }

    /** Ends assembly. */
    public Result finish() {
        check();
        finished = true;
        List<ParseWarning> ws = new ArrayList<>(warnings);
        if (droppedWarnings > 0) {
            ws.add(new ParseWarning("(all)", 0, droppedWarnings + " more warnings were not kept"));
        }
        boolean unavailable = smcssInputs > 0 && smcssFailed == smcssInputs;
        byte[] sha = digest.finish();
        String fingerprint = sha == null ? "" : HexFormat.of().formatHex(sha);
        return new Result(facts, sockets.summary(unavailable), ws, sources, fingerprint, sockets.connections());
    }

    private void check() {
        if (finished) {
            throw new IllegalStateException("build() was already called on this builder");
        }
    }

    private final class Ctx implements ParseContext {
        private final String source;
        private @Nullable ToolError firstError;
        private long dataFacts;

        Ctx(String source) {
            this.source = source;
        }

        @Override
        public String source() {
            return source;
        }

        @Override
        public void add(Fact fact) {
            if (fact instanceof ToolError e) {
                if (firstError == null) {
                    firstError = e;
                }
            } else {
                dataFacts++;
            }
            addParsed(fact);
        }

        @Override
        public void warn(int line, String message) {
            warning(new ParseWarning(source, line, message));
        }

        /** A socket row counted without being added as a fact ({@link SmcssFastRows}). */
        void counted() {
            dataFacts++;
        }
    }
}
