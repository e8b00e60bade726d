package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.internal.EvidenceSpec.LineShape;

/**
 * Puts the {@link PasteHygiene} normalisation in front of one kind's parser: lines are cleaned, commands, labels and
 * elisions are taken out, blocks are dedented and wrapped lines joined before the parser sees them. A command line for
 * another kind is reported once (the file is still read as its own kind).
 */
final class HygienicSink implements TextParser.LineSink {
    private final SourceKind kind;
    private final ParseContext ctx;
    private final LineShape shape;
    private final PasteHygiene.Shaper shaper;
    private boolean otherCommandWarned;

    HygienicSink(SourceKind kind, ParseContext ctx, TextParser.LineSink parser) {
        this.kind = kind;
        this.ctx = ctx;
        this.shape = EvidenceSpecs.of(kind).shape();
        this.shaper = new PasteHygiene.Shaper(shape, parser);
    }

    @Override
    public void line(int number, String raw) {
        PasteHygiene.Clean c = PasteHygiene.clean(raw, shape);
        switch (c.type()) {
            case TEXT:
                shaper.text(number, c.text());
                return;
            case BLANK:
                shaper.blank(number, "");
                return;
            case COMMAND: {
                shaper.boundary();
                var cmd = c.command();
                if (cmd != null && cmd.kind().isPresent() && cmd.kind().get() != kind && !otherCommandWarned) {
                    otherCommandWarned = true;
                    ctx.warn(number, "command line '" + cmd.text() + "' (" + EvidenceSpecs.of(cmd.kind().get()).label()
                            + ") in a " + EvidenceSpecs.of(kind).label() + " input: its output is read as "
                            + EvidenceSpecs.of(kind).label() + " (give such text as a paste, e.g. 'diagnose -', "
                            + "to have each tool's part recognised)");
                }
                return;
            }
            default:
                shaper.boundary(); // labels and elisions
        }
    }

    @Override
    public void end() {
        shaper.end();
    }

    /** The block shaper behind the cleaning (for {@link SmcssFastRows}). */
    PasteHygiene.Shaper shaper() {
        return shaper;
    }
}
