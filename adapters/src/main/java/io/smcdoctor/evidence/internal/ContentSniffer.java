package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.internal.EvidenceSpec.Signature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Recognises the kind of an evidence file from its first lines, for single files whose name says nothing
 * (e.g. {@code out.log}), with the signatures of {@link EvidenceSpecs}. Looks at the first {@link #HEAD_BYTES}
 * bytes; the first line that matches a signature decides (specific signatures in registry order, then the generic
 * ones). Kinds without a signature ({@link EvidenceSpec#unsniffable()}) are only recognised by name.
 */
final class ContentSniffer {
    /** Bytes looked at. */
    static final int HEAD_BYTES = 8 * 1024;
    private static final int MAX_LINES = 60;

    private record LineSignature(SourceKind kind, Pattern pattern) {
    }

    private static final List<LineSignature> LINES = lineSignatures();

    private ContentSniffer() {
    }

    private static List<LineSignature> lineSignatures() {
        List<LineSignature> specific = new ArrayList<>();
        List<LineSignature> generic = new ArrayList<>();
        for (EvidenceSpec spec : EvidenceSpecs.all()) {
            for (Signature s : spec.signatures()) {
                if (s instanceof Signature.Line l) {
                    (l.generic() ? generic : specific).add(new LineSignature(spec.kind(), l.pattern()));
                }
            }
        }
        specific.addAll(generic);
        return List.copyOf(specific);
    }

    /** The kinds this sniffer can recognise, for messages. */
    static String recognisedKinds() {
        return EvidenceSpecs.all().stream().filter(s -> !s.signatures().isEmpty()
                        && s.signatures().stream().noneMatch(x -> x instanceof Signature.ElfMagic))
                .map(EvidenceSpec::label).collect(Collectors.joining(", "));
    }

    /** The kind of a file whose first bytes are {@code head[0..length)}, if recognised. */
    static Optional<SourceKind> sniff(byte[] head, int length) {
        String text = new String(head, 0, Math.min(length, head.length), StandardCharsets.UTF_8);
        if (text.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{")) {
            for (EvidenceSpec spec : EvidenceSpecs.all()) {
                for (Signature s : spec.signatures()) {
                    if (s instanceof Signature.JsonSchema j && trimmed.contains("\"" + j.prefix())) {
                        return Optional.of(spec.kind());
                    }
                }
            }
            return Optional.empty();
        }
        int lines = 0;
        for (String line : text.split("\r?\n", -1)) {
            if (line.isBlank()) {
                continue;
            }
            if (++lines > MAX_LINES) {
                break;
            }
            for (LineSignature s : LINES) {
                if (s.pattern().matcher(line).find()) {
                    return Optional.of(s.kind());
                }
            }
        }
        return Optional.empty();
    }

    /** True when the bytes start with the ELF magic of {@link Signature.ElfMagic}. */
    static boolean isElf(byte[] head, int length) {
        return length >= 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F';
    }
}
