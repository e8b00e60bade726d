package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.EvidenceParseException;
import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.KernelEvent;
import io.smcdoctor.evidence.facts.KernelEventKind;
import io.smcdoctor.evidence.facts.KernelSplat;
import io.smcdoctor.evidence.facts.LinkGroup;
import io.smcdoctor.evidence.facts.LoadedModule;
import io.smcdoctor.evidence.facts.MentionedCode;
import io.smcdoctor.evidence.facts.SmcStats;
import io.smcdoctor.evidence.facts.SmcTechnology;
import io.smcdoctor.evidence.facts.SmcrDevice;
import io.smcdoctor.evidence.facts.SocketMode;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.SymptomText;
import io.smcdoctor.evidence.facts.ToolError;
import io.smcdoctor.evidence.facts.ToolErrorKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A paste from a ticket or mail is split into the tools' outputs by content (command lines, headers, kernel log lines)
 * and each part is read by its parser, citing the paste's own line numbers; the prose is the reporter's words. Inputs
 * are the public corpus excerpts under {@code src/test/resources/corpus/} (sources in the README there).
 */
class PasteReaderTest {
    @TempDir
    Path tmp;

    private static Evidence paste(String resource) {
        return Evidence.builder().paste(resource.substring(resource.lastIndexOf('/') + 1), HostFixtures.text(resource))
                .build();
    }

    /** Corpus case 35: {@code $ ...smcr d} then {@code $ ...smcss}, each with its prompt and a comment. */
    @Test
    void prompts_splitTheToolsOutputs_corpus35() {
        Evidence ev = paste("corpus/35-prompts-smcr-d-smcss.txt");

        assertThat(ev.sources()).containsEntry("35-prompts-smcr-d-smcss.txt", SourceKind.SMCR_DEVICE)
                .containsEntry("35-prompts-smcr-d-smcss.txt (smcss at line 6)", SourceKind.SMCSS);
        assertThat(ev.facts(SmcrDevice.class)).extracting(SmcrDevice::netDev).containsExactly("", "eth2");
        assertThat(ev.sockets().smc()).isEqualTo(1);
        assertThat(ev.sockets().groups().get(0).samples().get(0).provenance().line()).isEqualTo(8);
        assertThat(ev.warnings()).isEmpty();
    }

    /**
     * Corpus case 33: a mail whose outputs are indented and quoted ({@code    > }), rows wrapped unquoted, prompts of two
     * hosts, host labels ({@code T8345011}), elisions ({@code [ 36 more ACTIVE connections ]}) and prose in between.
     */
    @Test
    void quotedMultiToolMail_corpus33() {
        Evidence ev = paste("corpus/33-quoted-multi-tool-paste.txt");

        assertThat(ev.kinds()).contains(SourceKind.SMCD_STATS, SourceKind.SMCD_LINKGROUP, SourceKind.SMCR_LINKGROUP,
                SourceKind.SMCSS, SourceKind.LSMOD, SourceKind.SYMPTOM);
        assertThat(ev.facts(SmcStats.class)).extracting(SmcStats::totalConnections)
                .containsExactly(1012L, 1512L, 1190L, 1513L);
        assertThat(ev.facts(LinkGroup.class)).extracting(LinkGroup::technology, LinkGroup::connections)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SmcTechnology.SMCD, 37),
                        org.assertj.core.groups.Tuple.tuple(SmcTechnology.SMCR, 0));
        // smcss and smc_dbg list the same ghost connection (one inode), wrapped after the local address
        assertThat(ev.sockets().total()).isEqualTo(1);
        assertThat(ev.sockets().groups().get(0).mode()).isEqualTo(SocketMode.SMCD);
        assertThat(ev.facts(LoadedModule.class)).extracting(LoadedModule::useCount).containsExactly(39, 79);
        assertThat(ev.facts(SymptomText.class)).singleElement()
                .satisfies(s -> assertThat(s.text()).startsWith("- The driver falls back to SMCR in many occasions."));
        // what is prose is said, with lines; the netstat output is named as such
        assertThat(ev.warnings()).extracting(ParseWarning::message)
                .anyMatch(m -> m.contains("read as the reporter's words"))
                .anyMatch(m -> m.contains("'netstat -nta'") && m.contains("not read"));
        assertThat(ev.warnings()).noneMatch(w -> w.message().startsWith("not an lsmod line")
                || w.message().startsWith("unrecognised linkgroup line"));
    }

    /** Corpus case 34: sections with captions ({@code smc stats:}), bare host names and {@code kernel: } log lines. */
    @Test
    void captionsHostNamesAndBareKernelLines_corpus34() {
        Evidence ev = paste("corpus/34-multi-tool-paste.txt");

        assertThat(ev.facts(SmcStats.class)).hasSize(4);
        assertThat(ev.facts(LinkGroup.class)).hasSize(4);
        assertThat(ev.facts(LoadedModule.class)).extracting(LoadedModule::useCount).containsExactly(18, 3);
        assertThat(ev.facts(KernelEvent.class)).filteredOn(e -> e.kind() == KernelEventKind.SMC_LINK_ADDED)
                .extracting(e -> e.field("ibdev")).containsExactly("mlx5_0", "mlx5_1", "mlx5_0", "mlx5_1");
        assertThat(ev.warnings()).noneMatch(w -> w.message().contains("not an lsmod line"));
        // smcss printed only its (wrapped) header on both hosts: the list is empty, not unavailable
        assertThat(ev.has(SourceKind.SMCSS)).isTrue();
        assertThat(ev.sockets().total()).isZero();
        assertThat(ev.sockets().unavailable()).isFalse();
    }

    /** Corpus case 22: a crash(8) backtrace under the reporter's description. */
    @Test
    void crashBacktraceUnderProse_corpus22() {
        Evidence ev = paste("corpus/22-crash-bt-paste.txt");

        assertThat(ev.facts(KernelSplat.class)).singleElement().satisfies(s -> {
            assertThat(s.frames()).contains("__flush_work", "smc_release", "sock_close");
            assertThat(s.culprit()).isEqualTo("smc_release");
            assertThat(s.modules()).containsExactly("smc");
        });
        assertThat(ev.facts(SymptomText.class)).singleElement()
                .satisfies(s -> assertThat(s.text()).contains("Client hangs with the following backtrace"));
    }

    @Test
    void toolFailureInAPaste_isEvidenceOfThatPart() {
        Evidence ev = Evidence.builder().paste("ticket.txt", "smcss shows nothing on the client:\n"
                + "$ smcss -a\nRTNETLINK answers: Resource temporarily unavailable\n"
                + "State          UID   Inode   Local Address           Peer Address            Intf Mode \n"
                + "$ rdma link\nFailed to open NETLINK_RDMA socket\n").build();

        assertThat(ev.facts(ToolError.class)).extracting(ToolError::kind)
                .containsExactly(ToolErrorKind.SOCKET_LIST_UNAVAILABLE, ToolErrorKind.RDMA_UNAVAILABLE);
        assertThat(ev.sockets().unavailable()).isTrue();
        assertThat(ev.warnings()).extracting(ParseWarning::line).containsExactly(1);
    }

    @Test
    void prose_namesCodes_asMentions() {
        Evidence ev = Evidence.builder().paste("ticket.txt", "we get fallback, rsn is 0x030f0000\n$ smcss\n"
                + "ACTIVE         00000 0116203 10.10.93.11:54474       10.10.93.12:46093       0000 TCP 0x05000000/0x03030000\n")
                .build();

        assertThat(ev.facts(MentionedCode.class)).singleElement().satisfies(m -> {
            assertThat(m.code()).isEqualTo(0x030f0000);
            assertThat(m.provenance().line()).isEqualTo(1);
        });
        assertThat(ev.sockets().byCode()).containsKey(0x03030000);
    }

    @Test
    void stdin_isAPaste_andProseAloneIsTheSymptom() {
        Evidence ev = EvidenceBundle.read(List.of(Path.of("-")), stdin("connections hang after enabling SMC-R, "
                + "connect() returns ETIMEDOUT\n"));

        assertThat(ev.facts(SymptomText.class)).singleElement()
                .satisfies(s -> assertThat(s.provenance().source()).isEqualTo("stdin"));
        assertThat(ev.has(SourceKind.SYMPTOM)).isTrue();
    }

    @Test
    void stdin_withBundlePath_mergesBoth() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("bundle"));
        Files.writeString(dir.resolve("uname.txt"), "Linux h 6.12.0 #1 SMP x86_64 GNU/Linux\n");

        Evidence ev = EvidenceBundle.read(List.of(dir, Path.of("-")), stdin(HostFixtures.text(
                "corpus/35-prompts-smcr-d-smcss.txt")));

        assertThat(ev.kinds()).contains(SourceKind.UNAME, SourceKind.SMCR_DEVICE, SourceKind.SMCSS);
        assertThat(ev.sockets().smc()).isEqualTo(1);
    }

    @Test
    void bundleFileOfUnknownName_isReadByContent_orIgnoredWhenNothingIsRecognised() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("b"));
        Files.writeString(dir.resolve("paste.txt"), HostFixtures.text("corpus/35-prompts-smcr-d-smcss.txt"));
        Files.writeString(dir.resolve("notes.txt"), "we restarted nginx twice\n");
        Files.write(dir.resolve("core"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1});
        // a structured document is no paste, even when a line of it looks like a command (uname -r)
        Files.writeString(dir.resolve("case.yaml"), "notes: |\n  ask for lsmod /\n  uname -r\n");

        Evidence ev = EvidenceBundle.read(dir);

        assertThat(ev.sockets().smc()).isEqualTo(1);
        assertThat(ev.facts(SmcrDevice.class)).hasSize(2);
        assertThat(ev.facts(SymptomText.class)).as("an ignored file gives no facts").isEmpty();
        assertThat(ev.warnings()).extracting(ParseWarning::source, ParseWarning::message)
                .anySatisfy(w -> {
                    assertThat(w.toList().get(0)).isEqualTo("notes.txt");
                    assertThat((String) w.toList().get(1)).contains("unknown file ignored", "no tool's output");
                })
                .anySatisfy(w -> {
                    assertThat(w.toList().get(0)).isEqualTo("core");
                    assertThat((String) w.toList().get(1)).contains("unknown file ignored", "binary");
                })
                .anySatisfy(w -> {
                    assertThat(w.toList().get(0)).isEqualTo("case.yaml");
                    assertThat((String) w.toList().get(1)).contains("unknown file ignored");
                });
        assertThat(ev.has(SourceKind.UNAME)).isFalse();
    }

    @Test
    void singleFileOfUnknownName_mixingTools_isSplit() throws IOException {
        Path f = Files.writeString(tmp.resolve("ticket-4711.log"), HostFixtures.text("corpus/34-multi-tool-paste.txt"));

        Evidence ev = EvidenceBundle.read(f);

        assertThat(ev.kinds()).contains(SourceKind.SMCD_STATS, SourceKind.SMCR_LINKGROUP, SourceKind.LSMOD,
                SourceKind.DMESG);
    }

    @Test
    void singleFileOfUnknownName_proseOnly_isReadAsTheDescriptionOfTheProblem() throws IOException {
        Path f = Files.writeString(tmp.resolve("notes.log"), "we rebooted twice\n$ ss -t | wc -l\n10000\n");

        Evidence ev = EvidenceBundle.read(f);

        assertThat(ev.kinds()).containsExactly(SourceKind.SYMPTOM);
        assertThat(ev.facts(SymptomText.class)).extracting(SymptomText::text).anyMatch(t -> t.contains("rebooted"));
        assertThat(ev.warnings()).anySatisfy(w -> assertThat(w.message()).contains("read as a description"));
    }

    @Test
    void singleFileOfUnknownName_binary_isRefused() throws IOException {
        Path f = Files.write(tmp.resolve("core.bin"), new byte[] {0x7f, 0x00, 0x01, 0x02, 0x00, (byte) 0xff});

        assertThatThrownBy(() -> EvidenceBundle.read(f)).isInstanceOf(EvidenceParseException.class)
                .hasMessageContaining("not a recognised evidence file");
    }

    @Test
    void binaryAndHugeGarbage_neverThrow() {
        byte[] junk = new byte[200_000];
        new java.util.Random(7).nextBytes(junk);
        Evidence.Builder b = Evidence.builder();

        int parts = b.readPaste("junk", new ByteArrayInputStream(junk), false);
        Evidence ev = b.build();

        assertThat(parts).isGreaterThanOrEqualTo(0);
        assertThat(ev.warnings()).allSatisfy(w -> assertThat(w.line()).isGreaterThanOrEqualTo(0));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            many.append(i % 2 == 0 ? "$ smcss\n" : "ACTIVE         00000 0").append(i % 2 == 0 ? "" : String.format(
                    "%06d 10.0.0.1:%d 10.0.0.2:5201 0000 SMCR \n", i, 1024 + i % 60000));
        }
        Evidence big = Evidence.builder().paste("big", many.toString()).build();
        assertThat(big.sockets().total()).isEqualTo(10_000);
    }

    private static ByteArrayInputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
