package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.Fact;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.SymptomText;
import io.smcdoctor.evidence.internal.EvidenceSpec.LineShape;
import io.smcdoctor.evidence.internal.EvidenceSpec.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a paste: one text that mixes several tools' outputs and the reporter's prose (a ticket, a mail, a chat log;
 * {@code smc-doctor diagnose -}, a bundle's {@code paste.txt}). The text is split into parts by content: a command line
 * ({@code $ smcss -a}, {@code [root@h ~]# smcr -d stats}) starts a part of the kind the registry gives for the command;
 * a line matching a kind's content signature (a listing's header, an smcss row, a kernel log line or report) starts a
 * part of that kind; a blank line followed by a line that does not look like the part's tool ends it. Each part goes
 * through the kind's parser with the {@link PasteHygiene} of that kind; facts cite the paste's own line numbers.
 *
 * <p>What nothing recognises is prose or the output of a command SMC Doctor does not read: one warning per run of such
 * lines, with its line range. The prose is the reporter's own words: it becomes one {@link SymptomText}, and the
 * codes, errno names, ports and kernel releases in it become mention facts ({@link Mentions}).
 */
final class PasteReader implements TextParser.LineSink {
    /** Longest prose kept as the paste's symptom text. */
    static final int MAX_PROSE_CHARS = SymptomParser.MAX_CHARS;

    /** Where the parts of a paste go. */
    interface Parts {
        /** Opens the parser of {@code kind} for a part starting at {@code line}, and records the part as an input. */
        TextParser.LineSink open(SourceKind kind, int line, String label);
    }

    private record LineSignature(SourceKind kind, Pattern pattern, boolean generic) {
    }

    private record Warning(int line, String message) {
    }

    private static final List<LineSignature> SIGNATURES = signatures();
    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z][\\w.-]{0,62}\\d[\\w.-]{0,62}:?|[\\w.-]+(?: [\\w.-]+){0,3}:");

    private final ParseContext ctx;
    private final Parts parts;
    private @Nullable Part part;
    private boolean afterBlank;
    private int partsOpened;
    private final StringBuilder prose = new StringBuilder();
    private int proseFirstLine;
    private boolean proseCut;
    // the current run of unread lines, for one warning
    private int runStart;
    private int runEnd;
    private int runCount;
    private String runFirst = "";
    private @Nullable String runCommand;
    private @Nullable String unknownCommand;
    private int unknownCommandLine;
    // what the reader itself found: kept back until finish() says whether the paste counts
    private final List<Fact> found = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();

    private static final class Part {
        final SourceKind kind;
        final LineShape shape;
        final PasteHygiene.Shaper shaper;

        Part(SourceKind kind, TextParser.LineSink sink) {
            this.kind = kind;
            this.shape = EvidenceSpecs.of(kind).shape();
            this.shaper = new PasteHygiene.Shaper(shape, sink);
        }
    }

    PasteReader(ParseContext ctx, Parts parts) {
        this.ctx = ctx;
        this.parts = parts;
    }

    /** How many parts were recognised (after {@link #end()}). */
    int partsRead() {
        return partsOpened;
    }

    /** True when the paste held prose (after {@link #end()}). */
    boolean hasProse() {
        return proseFirstLine > 0;
    }

    private static List<LineSignature> signatures() {
        List<LineSignature> specific = new ArrayList<>();
        List<LineSignature> generic = new ArrayList<>();
        for (EvidenceSpec spec : EvidenceSpecs.all()) {
            if (!(spec.reader() instanceof EvidenceSpec.Reader.Text)) {
                continue;
            }
            for (Signature s : spec.signatures()) {
                if (s instanceof Signature.Line l) {
                    (l.generic() ? generic : specific).add(new LineSignature(spec.kind(), l.pattern(), l.generic()));
                }
            }
        }
        specific.addAll(generic);
        return List.copyOf(specific);
    }

    /** The kind whose signature the (stripped) line matches: specific signatures first, generic ones only if allowed. */
    private static @Nullable SourceKind signature(String t, boolean generic) {
        for (LineSignature s : SIGNATURES) {
            if (s.generic() && !generic) {
                break;
            }
            if (s.pattern().matcher(t).find()) {
                return s.kind();
            }
        }
        return null;
    }

    @Override
    public void line(int number, String raw) {
        Part p = part;
        PasteHygiene.Clean c = PasteHygiene.clean(raw, p == null ? LineShape.ANY : p.shape);
        switch (c.type()) {
            case BLANK:
                if (p != null) {
                    p.shaper.blank(number, "");
                }
                if (proseFirstLine > 0 && runCount > 0) {
                    appendProse("");
                }
                afterBlank = true;
                return;
            case ELISION:
            case LABEL:
                if (p != null) {
                    p.shaper.boundary();
                }
                return;
            case COMMAND:
                command(number, c.command());
                afterBlank = false;
                return;
            default:
                text(number, raw, c.text());
                afterBlank = false;
        }
    }

    private void command(int number, CommandLines.@Nullable Command cmd) {
        closePart();
        endRun();
        if (cmd != null && cmd.kind().isPresent()) {
            unknownCommand = null;
            openPart(cmd.kind().get(), number, cmd.text());
        } else {
            unknownCommand = cmd == null ? "?" : cmd.text();
            unknownCommandLine = number;
        }
    }

    private void text(int number, String raw, String text) {
        String t = text.strip();
        Part p = part;
        if (p != null) {
            SourceKind sig = signature(t, false);
            if (sig != null && sig != p.kind && !p.shape.belongs(text)) {
                closePart();
                openPart(sig, number, EvidenceSpecs.of(sig).label());
                part.shaper.text(number, text);
                return;
            }
            if (p.shape.belongs(text)) {
                p.shaper.text(number, text);
                return;
            }
            if (isLabel(t)) {
                p.shaper.boundary(); // a host label between two hosts' outputs of the same tool
                return;
            }
            if (!afterBlank) {
                p.shaper.text(number, text);
                return;
            }
            closePart(); // a blank line, then something else: the part has ended
        }
        SourceKind sig = signature(t, true);
        if (sig != null) {
            endRun();
            unknownCommand = null;
            openPart(sig, number, EvidenceSpecs.of(sig).label());
            part.shaper.text(number, text);
            return;
        }
        if (unknownCommand == null && isLabel(t)) {
            return; // a host or section label between parts ("t8345011", "smc stats:", "lsmod:")
        }
        unread(number, t);
    }

    /** A host name ({@code t8345011}, {@code node-2}) or a short caption ending in a colon ({@code smc stats:}). */
    private static boolean isLabel(String t) {
        return t.length() <= 64 && HOSTNAME.matcher(t).matches();
    }

    private void openPart(SourceKind kind, int number, String label) {
        part = new Part(kind, parts.open(kind, number, label));
        partsOpened++;
    }

    private void closePart() {
        Part p = part;
        if (p != null) {
            part = null;
            p.shaper.end();
        }
    }

    /** A line nothing recognises: counted into a warning; prose when no unknown command produced it. */
    private void unread(int number, String t) {
        if (runCount == 0) {
            runStart = number;
            runFirst = t;
            runCommand = unknownCommand;
        }
        runCount++;
        runEnd = number;
        if (unknownCommand == null) {
            if (proseFirstLine == 0) {
                proseFirstLine = number;
            }
            appendProse(t);
            if (found.size() < 1000) {
                found.addAll(Mentions.scan(ctx.at(number, t), t));
            }
        }
    }

    private void appendProse(String t) {
        if (proseCut) {
            return;
        }
        if (prose.length() + t.length() + 1 > MAX_PROSE_CHARS) {
            proseCut = true;
            warn(runEnd, "prose longer than " + MAX_PROSE_CHARS + " characters; the rest is not kept as the symptom");
            return;
        }
        if (prose.length() > 0) {
            prose.append('\n');
        }
        prose.append(t);
    }

    private void endRun() {
        if (runCount == 0) {
            return;
        }
        String lines = runCount == 1 ? "line " + runStart : "lines " + runStart + "-" + runEnd;
        if (runCommand != null) {
            warn(unknownCommandLine, "output of '" + runCommand + "' (" + lines + ") not read: SMC Doctor reads no "
                    + "such command");
        } else {
            warn(runStart, (runCount == 1 ? "1 line" : runCount + " lines") + " (" + lines + ") not recognised as "
                    + "the output of a tool, read as the reporter's words: " + SmcText.quote(runFirst));
        }
        runCount = 0;
    }

    private void warn(int line, String message) {
        if (warnings.size() < 200) {
            warnings.add(new Warning(line, message));
        }
    }

    @Override
    public void end() {
        closePart();
        endRun();
        if (proseFirstLine > 0) {
            String s = prose.toString().strip();
            if (!s.isEmpty()) {
                found.add(new SymptomText(ctx.at(proseFirstLine, s), s));
            }
        }
    }

    /**
     * After {@link #end()}: adds the prose's facts (symptom text, mentions) and the reader's warnings, or drops them when
     * the paste does not count (a file of unknown name in which no tool's output was found is ignored as a whole).
     */
    void finish(boolean keep) {
        if (keep) {
            found.forEach(ctx::add);
            warnings.forEach(w -> ctx.warn(w.line(), w.message()));
        }
        found.clear();
        warnings.clear();
    }
}
