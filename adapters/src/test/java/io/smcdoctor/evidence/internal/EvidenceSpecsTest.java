package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.facts.SocketRow;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.internal.EvidenceSpec.Gathering;
import io.smcdoctor.evidence.internal.EvidenceSpec.Reader;
import io.smcdoctor.evidence.internal.EvidenceSpec.Signature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The evidence-spec registry is complete: every kind has a reader, a content signature (or a reason why content
 * cannot show the kind), a way {@code collect} gathers it (or a reason why not), and fuzz coverage; and each spec
 * keeps its word on a real capture of its kind, {@code specs/<file name>} (an executable for ELF kinds). Adding an
 * evidence kind is one registry entry, its parser and that fixture: this test names whatever is missing.
 *
 * <p>The fixtures are copies of captures the parser tests use: {@code bundle/no-ueid-server/} (smc-lab, upstream
 * 6.12 over soft-RoCE) for smcss, smcr device/stats/info/ueid, dmesg, sysctl, uname, lsmod, ip addr and rdma;
 * {@code smcr/lab-linkgroup-d.txt}; {@code smcr/pnet.txt}; {@code smcd/device.txt} and {@code smcd/linkgroup.txt};
 * the smc-lab live collection ({@code engine/src/test/resources/lab-6.12-live/live-bundle/}) for smcd stats,
 * {@code sockopt-probe.json} and {@code manifest.json}; {@code ibv/rxe.txt}; and for the symptom the title of the
 * seed FAQ section "SMC を使用しても性能が向上しない".
 */
class EvidenceSpecsTest {
    /** The fixture of kinds read from ELF headers (not a bundle file name). */
    private static final String ELF_FIXTURE = "elf/dynamic-x86_64.elf";

    private static Path fixture(EvidenceSpec spec) {
        return BundleTestArchives.resource(spec.reader() instanceof Reader.Elf ? ELF_FIXTURE : "specs/" + spec.fileName());
    }

    private static Evidence read(EvidenceSpec spec, byte[] bytes) {
        if (spec.reader() instanceof Reader.Json json) {
            Evidence.Builder b = Evidence.builder().source(spec.fileName(), spec.kind());
            try {
                json.read().read(new ByteArrayInputStream(bytes), spec.fileName(), b::warning).forEach(b::add);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return b.build();
        }
        return Evidence.builder().parse(spec.kind(), spec.fileName(), new ByteArrayInputStream(bytes)).build();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SourceKind.class)
    void everyKind_readsItsFixture_intoTheFactsItDeclares(SourceKind kind) throws IOException {
        EvidenceSpec spec = EvidenceSpecs.of(kind);
        Path file = fixture(spec);
        assertThat(file).as("fixture of %s", kind).isRegularFile();

        Evidence ev = spec.reader() instanceof Reader.Elf ? Evidence.builder().binary(file).build()
                : read(spec, Files.readAllBytes(file));

        assertThat(ev.warnings()).as("%s reads its fixture cleanly", kind).isEmpty();
        assertThat(ev.has(kind)).isTrue();
        List<Class<?>> produced = new ArrayList<>();
        ev.allFacts().forEach(f -> produced.add(f.getClass()));
        if (!ev.sockets().groups().isEmpty()) {
            produced.add(SocketRow.class);
        }
        assertThat(produced).as("%s gives facts", kind).isNotEmpty();
        produced.removeIf(c -> c.getSimpleName().equals("SocketGroup"));
        assertThat(new HashSet<Class<?>>(spec.feeds())).as("fact types %s declares", kind).containsAll(produced);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SourceKind.class)
    void everyKind_isRecognisedByContent_orSaysWhyNot(SourceKind kind) throws IOException {
        EvidenceSpec spec = EvidenceSpecs.of(kind);
        byte[] bytes = Files.readAllBytes(fixture(spec));

        if (spec.signatures().isEmpty()) {
            assertThat(spec.unsniffable()).as("why %s has no signature", kind).isNotBlank();
            assertThat(ContentSniffer.sniff(bytes, bytes.length)).as("%s is claimed by no other kind", kind).isEmpty();
        } else if (spec.signatures().stream().anyMatch(s -> s instanceof Signature.ElfMagic)) {
            assertThat(ContentSniffer.isElf(bytes, bytes.length)).isTrue();
        } else {
            assertThat(ContentSniffer.sniff(bytes, Math.min(bytes.length, ContentSniffer.HEAD_BYTES))).contains(kind);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SourceKind.class)
    void everyKind_isGatheredByCollect_orSaysWhyNot_andSaysWhatItTells(SourceKind kind) {
        EvidenceSpec spec = EvidenceSpecs.of(kind);

        assertThat(spec.hint()).as("the command that produces %s", kind).isNotBlank();
        assertThat(spec.tells().en()).as("what %s tells, in English", kind).isNotBlank();
        assertThat(spec.tells().ja()).as("what %s tells, in Japanese", kind).isNotBlank();
        if (spec.gathering() == Gathering.NOT_GATHERED) {
            assertThat(spec.notGatheredBecause()).isNotBlank();
        }
        for (EvidenceSpec.Command c : spec.commands()) {
            assertThat(EvidenceSpecs.ofFileName(c.file())).as("%s writes a file of its own kind", c.line())
                    .contains(kind);
        }
    }

    @Test
    void fuzzers_coverEveryKindWithAStreamReader() {
        Set<SourceKind> fuzzed = EnumSet.noneOf(SourceKind.class);
        fuzzed.addAll(EvidenceSpecs.textKinds()); // ParserFuzzTest, DiagnoserFuzzTest
        fuzzed.addAll(EvidenceSpecs.jsonKinds()); // BundleFuzzTest.bundleJson_isReadWithWarnings_neverThrows
        Set<SourceKind> elf = EnumSet.noneOf(SourceKind.class);
        EvidenceSpecs.all().stream().filter(s -> s.reader() instanceof Reader.Elf).forEach(s -> elf.add(s.kind()));

        assertThat(fuzzed).hasSize(SourceKind.values().length - elf.size());
        assertThat(SourceKind.textKinds()).isEqualTo(EvidenceSpecs.textKinds());
    }

    /** What the fuzzers do at scale, done on each kind's own fixture: truncated and corrupted copies never throw. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(SourceKind.class)
    void everyKind_survivesTruncatedAndCorruptedCopiesOfItsFixture(SourceKind kind) throws IOException {
        EvidenceSpec spec = EvidenceSpecs.of(kind);
        if (spec.reader() instanceof Reader.Elf) {
            return; // ElfInspectorTest corrupts ELF headers field by field
        }
        byte[] bytes = Files.readAllBytes(fixture(spec));
        Random random = new Random(kind.ordinal());
        for (int i = 0; i < 32; i++) {
            byte[] copy = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            for (int flips = random.nextInt(8); flips > 0 && copy.length > 0; flips--) {
                copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
            }
            Evidence ev = read(spec, copy);
            assertThat(ev.has(kind)).isTrue();
            assertThat(ev.warnings()).allSatisfy(w -> assertThat(w.line()).isGreaterThanOrEqualTo(0));
        }
    }

    @Test
    void theFixtures_readAsOneBundle_giveEveryBundleKind() {
        Evidence ev = EvidenceBundle.read(BundleTestArchives.resource("specs"));

        Set<SourceKind> expected = EnumSet.allOf(SourceKind.class);
        EvidenceSpecs.all().stream().filter(s -> s.reader() instanceof Reader.Elf).forEach(s -> expected.remove(s.kind()));
        assertThat(ev.kinds()).isEqualTo(expected);
        assertThat(ev.warnings()).isEmpty();
    }

    @Test
    void fileNames_mapToTheirKind_caseInsensitive_inAnyFolder() {
        for (EvidenceSpec spec : EvidenceSpecs.all()) {
            assertThat(EvidenceSpecs.ofFileName("bundle/" + spec.fileName().toUpperCase(Locale.ROOT))).contains(spec.kind());
        }
        assertThat(EvidenceSpecs.ofFileName("smcss-R.txt")).contains(SourceKind.SMCSS);
        assertThat(EvidenceSpecs.ofFileName("smcss.log")).isEmpty();
        assertThat(EvidenceSpecs.ofFileName("notes.txt")).isEmpty();
    }
}
