package io.smcdoctor.evidence.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.KernelSplat;
import io.smcdoctor.evidence.facts.SourceKind;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * Fuzzes every text parser through the public builder, and the paste reader that splits mixed text into the parsers: whatever the bytes, parsing must return evidence (with
 * warnings), never throw, and keep its invariants. In {@code mvn verify} this replays the inputs under
 * {@code src/test/resources/io/smcdoctor/evidence/fuzz/ParserFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes for real
 * (see SECURITY.md).
 */
class ParserFuzzTest {
    private static final List<SourceKind> KINDS = SourceKind.textKinds();

    @FuzzTest(maxDuration = "10m")
    void anyTextParser_neverThrows_andKeepsInvariants(FuzzedDataProvider data) {
        SourceKind kind = KINDS.get(data.consumeInt(0, KINDS.size() - 1));
        byte[] bytes = data.consumeRemainingAsBytes();
        Evidence ev = Evidence.builder()
                .parse(kind, kind.fileName(), new ByteArrayInputStream(bytes))
                .build();
        assertThat(ev.has(kind)).isTrue();
        assertThat(ev.sockets().total() + ev.sockets().listening())
                .isEqualTo(ev.sockets().groups().stream().mapToLong(g -> g.count()).sum());
        assertThat(ev.sockets().smc() + ev.sockets().fallbacks()).isLessThanOrEqualTo(ev.sockets().total());
        assertThat(ev.warnings()).allSatisfy(w -> assertThat(w.line()).isGreaterThanOrEqualTo(0));
        assertThat(ev.fingerprint()).hasSize(64);
    }

    /** Mixed pasted text: split by tool, each part parsed; bounded reports and frames, never a throw. */
    @FuzzTest(maxDuration = "10m")
    void pastedText_neverThrows_andKeepsInvariants(FuzzedDataProvider data) {
        byte[] bytes = data.consumeRemainingAsBytes();
        Evidence.Builder b = Evidence.builder();
        int parts = b.readPaste("paste.txt", new ByteArrayInputStream(bytes), true);
        Evidence ev = b.build();

        assertThat(parts).isGreaterThanOrEqualTo(0);
        assertThat(ev.sockets().total() + ev.sockets().listening())
                .isEqualTo(ev.sockets().groups().stream().mapToLong(g -> g.count()).sum());
        assertThat(ev.facts(KernelSplat.class)).hasSizeLessThanOrEqualTo(32)
                .allSatisfy(s -> assertThat(s.frames()).hasSizeLessThanOrEqualTo(KernelSplat.MAX_FRAMES));
        assertThat(ev.warnings()).allSatisfy(w -> assertThat(w.line()).isGreaterThanOrEqualTo(0));
        assertThat(ev.sources().size()).isLessThanOrEqualTo(200);
    }
}
