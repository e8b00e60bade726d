package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.MentionedCode;
import io.smcdoctor.evidence.facts.MentionedErrno;
import io.smcdoctor.evidence.facts.MentionedKernel;
import io.smcdoctor.evidence.facts.MentionedPort;
import io.smcdoctor.evidence.facts.SourceKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the user's own words name becomes mention facts: reason codes (numbers, pairs, constant and stats names mapped
 * through the catalog), errno names and messages, ports with their context, kernel releases. Published symptom texts
 * from the corpus ({@code src/test/resources/corpus/README.md}: cases 03, 08, 09, 13, 19) and the question shapes of
 * DESIGN.md ({@code EADDRINUSE on port 65510}).
 */
class MentionsTest {

    private static Evidence symptom(String text) {
        return Evidence.builder().symptom(text).build();
    }

    @Test
    void codes_corpus03_bothForms() {
        Evidence ev = HostFixtures.parse(SourceKind.SYMPTOM, "corpus/03-symptom-codes.txt");

        List<MentionedCode> c = ev.facts(MentionedCode.class);
        assertThat(c).extracting(MentionedCode::code, MentionedCode::peerCode).contains(
                org.assertj.core.groups.Tuple.tuple(0x09990003, 0), org.assertj.core.groups.Tuple.tuple(0x05000000, 0x09990003));
        assertThat(c).allSatisfy(m -> assertThat(m.provenance().source()).isEqualTo("03-symptom-codes.txt"));
    }

    @Test
    void rsn_corpus08and09() {
        assertThat(HostFixtures.parse(SourceKind.SYMPTOM, "corpus/08-symptom-rsn.txt").facts(MentionedCode.class))
                .extracting(MentionedCode::code).contains(0x03010000);
        assertThat(HostFixtures.parse(SourceKind.SYMPTOM, "corpus/09-symptom-rsn.txt").facts(MentionedCode.class))
                .extracting(MentionedCode::code).contains(0x030f0000);
    }

    @Test
    void constantName_corpus13_mappedByTheCatalog() {
        List<MentionedCode> c = HostFixtures.parse(SourceKind.SYMPTOM, "corpus/13-symptom-constant.txt")
                .facts(MentionedCode.class);

        assertThat(c).filteredOn(MentionedCode::byName).extracting(MentionedCode::text, MentionedCode::code)
                .contains(org.assertj.core.groups.Tuple.tuple("SMC_CLC_DECL_INTERR", 0x09990000));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "fallback with reason 3030000|03030000|0",
        "smcss says TCP 0x05000000/0x03030000|05000000|03030000",
        "the code was 0x0303000C|0303000c|0",
        "stats show PEER_NO_SMC on the server|03010000|0",
        "NOSMCDEV on every connection|03030000|0",
    })
    void codeForms(String text, String code, String peer) {
        assertThat(symptom(text).facts(MentionedCode.class)).singleElement().satisfies(m -> {
            assertThat(m.code()).isEqualTo(Integer.parseUnsignedInt(code, 16));
            assertThat(m.peerCode()).isEqualTo(Integer.parseUnsignedInt(peer, 16));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"inode 3030000 seen", "address 0xffffffff81000000", "MEMORY usage is high",
        "10.25.45.10:48096", "ACTIVE rows only"})
    void notCodes(String text) {
        assertThat(symptom(text).facts(MentionedCode.class)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bind fails with EADDRINUSE on port 65510|EADDRINUSE",
        "connect() failed: Connection timed out|ETIMEDOUT",
        "socket: Address family not supported by protocol|EAFNOSUPPORT",
        "curl: (56) Recv failure: Connection reset by peer|ECONNRESET",
        "setsockopt returns EOPNOTSUPP|EOPNOTSUPP",
    })
    void errnos(String text, String name) {
        assertThat(symptom(text).facts(MentionedErrno.class)).extracting(MentionedErrno::name).contains(name);
    }

    @Test
    void ports_withContext_corpus19AndDesign() {
        assertThat(symptom("bind fails with EADDRINUSE on port 65510").facts(MentionedPort.class)).singleElement()
                .satisfies(p -> {
                    assertThat(p.port()).isEqualTo(65510);
                    assertThat(p.context()).isEqualTo("port");
                });
        assertThat(symptom("ports 65500-65515 are taken").facts(MentionedPort.class)).singleElement()
                .satisfies(p -> {
                    assertThat(p.port()).isEqualTo(65500);
                    assertThat(p.lastPort()).isEqualTo(65515);
                });
        assertThat(symptom("nginx cannot bind 0.0.0.0:8080").facts(MentionedPort.class)).extracting(MentionedPort::port)
                .containsExactly(8080);
        assertThat(symptom("we run 10000 connections").facts(MentionedPort.class)).isEmpty();
        assertThat(HostFixtures.parse(SourceKind.SYMPTOM, "corpus/19-symptom-eaddrinuse.txt").facts(MentionedErrno.class))
                .extracting(MentionedErrno::name).contains("EADDRINUSE");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "on 5.10.134-16.al8 the fallback happens|5.10.134-16.al8",
        "fixed in 6.8.0-rc1|6.8.0-rc1",
        "kernel 6.12 shows it|6.12",
        "uname -r: 6.1.0-18-amd64|6.1.0-18-amd64",
        "Linux v6.5 and later|6.5",
    })
    void kernelReleases(String text, String release) {
        assertThat(symptom(text).facts(MentionedKernel.class)).extracting(MentionedKernel::release).contains(release);
    }

    @ParameterizedTest
    @ValueSource(strings = {"smc-tools 1.8.5 installed", "SMC version 2.1", "took 6.12 seconds", "10.10.0.1"})
    void notKernelReleases(String text) {
        assertThat(symptom(text).facts(MentionedKernel.class)).isEmpty();
    }

    @Test
    void mentionsCiteTheirLine_andTheSymptomStaysWhole() {
        Evidence ev = symptom("first line\n\nEADDRINUSE on port 65501\n");

        assertThat(ev.facts(MentionedErrno.class)).singleElement()
                .satisfies(e -> assertThat(e.provenance().line()).isEqualTo(3));
        assertThat(ev.facts(io.smcdoctor.evidence.facts.SymptomText.class)).hasSize(1);
    }
}
