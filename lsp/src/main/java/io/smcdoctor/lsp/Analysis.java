package io.smcdoctor.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.smcdoctor.catalog.KernelNote;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.TargetKernel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.jspecify.annotations.Nullable;

/**
 * The socket options found in one revision of a document, and the diagnostics made from them for the last settings
 * asked for. The scan is done once per revision; the diagnostics once per revision and settings. Thread-safe.
 */
final class Analysis {
    /** The {@code source} of every diagnostic. */
    static final String SOURCE = "smc-doctor";

    private final long revision;
    private final int version;
    private final String text;
    private final LineIndex index;
    private final List<OptionUse> uses;
    private @Nullable Settings diagnosticsSettings;
    private @Nullable List<Diagnostic> diagnostics;

    Analysis(TextDocument.Snapshot snapshot, List<OptionUse> uses) {
        this.revision = snapshot.revision();
        this.version = snapshot.version();
        this.text = snapshot.text();
        this.index = LineIndex.of(text);
        this.uses = List.copyOf(uses);
    }

    long revision() {
        return revision;
    }

    int version() {
        return version;
    }

    String text() {
        return text;
    }

    LineIndex index() {
        return index;
    }

    List<OptionUse> uses() {
        return uses;
    }

    Range range(int start, int end) {
        return new Range(position(start), position(end));
    }

    Position position(int offset) {
        return new Position(index.line(offset), index.column(offset));
    }

    /** The use whose name range holds an offset (its end included, as an editor's cursor after a word is). */
    Optional<OptionUse> useAt(int offset) {
        for (OptionUse u : uses) {
            if (offset >= u.start() && offset <= u.end()) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    /** The diagnostics for these settings; made once and reused while the settings do not change. */
    synchronized List<Diagnostic> diagnostics(Settings settings) {
        if (diagnostics == null || !settings.equals(diagnosticsSettings)) {
            List<Diagnostic> out = new ArrayList<>();
            for (OptionUse u : uses) {
                diagnostic(u, settings).ifPresent(out::add);
            }
            diagnostics = List.copyOf(out);
            diagnosticsSettings = settings;
        }
        return diagnostics;
    }

    private Optional<Diagnostic> diagnostic(OptionUse u, Settings s) {
        DiagnosticSeverity severity;
        switch (s.levelOf(u)) {
            case OFF:
                return Optional.empty();
            case ERROR:
                severity = DiagnosticSeverity.Error;
                break;
            case WARNING:
                severity = DiagnosticSeverity.Warning;
                break;
            case INFORMATION:
                severity = DiagnosticSeverity.Information;
                break;
            default:
                severity = DiagnosticSeverity.Hint;
                break;
        }
        Language l = s.language();
        StringBuilder message = new StringBuilder(u.message(s.kernel()).get(l));
        for (KernelNote n : u.entry().kernelNotes()) {
            if (OptionEntry.noteMatches(n, s.kernel())) {
                message.append('\n').append(n.kernels()).append(": ").append(n.text().get(l).strip());
            }
        }
        Diagnostic d = new Diagnostic(range(u.start(), u.end()), message.toString(), severity, SOURCE);
        d.setCode(u.subject());
        d.setCodeDescription(new DiagnosticCodeDescription(s.explanationLink(u.entry().name())));
        JsonObject data = new JsonObject();
        data.addProperty("option", u.entry().name());
        data.addProperty("level", u.entry().option().level().name());
        data.addProperty("support", u.entry().support(s.kernel()).name());
        data.addProperty("seedSupport", u.entry().seedSupport().name());
        data.addProperty("kernel", s.kernel().kind() == TargetKernel.Kind.ANY ? "any" : s.kernel().text());
        data.addProperty("usage", u.usage().name().toLowerCase(Locale.ROOT));
        JsonArray codes = new JsonArray();
        u.entry().fallbackCodes().forEach(codes::add);
        data.add("fallbackCodes", codes);
        d.setData(data);
        return Optional.of(d);
    }
}
