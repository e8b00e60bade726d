package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.internal.EvidenceSpec.LineShape;
import io.smcdoctor.evidence.internal.PasteHygiene.Clean;
import io.smcdoctor.evidence.internal.PasteHygiene.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The normalisation layer in front of every parser: quote marks, control sequences, command lines, elisions, labels,
 * common indentation and wrapped lines. The command-line shapes are those of the public corpus (see
 * {@code src/test/resources/corpus/README.md}): {@code [root@t8345011 ~]# smcss} (case 05), {@code $ ip netns exec test1
 * smcr d # ...} (case 35), {@code /# smcss} (case 36), {@code > smc_chk -C 10.44.30.50} (case 18), {@code smcr device}
 * (case 27).
 */
class PasteHygieneTest {

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "> ACTIVE x|ACTIVE x",
        ">> ACTIVE x|ACTIVE x",
        "> > ACTIVE x|ACTIVE x",
        "   > [root@t8345011 ~]# smcd linkgroup|[root@t8345011 ~]# smcd linkgroup",
        ">   Total connections handled          1012|  Total connections handled          1012",
        ">ffff88801ca31a80: fc fc fc|>ffff88801ca31a80: fc fc fc",
        "-> #1 (sk_lock-AF_SMC/1)|-> #1 (sk_lock-AF_SMC/1)",
        "no quote at all|no quote at all",
    })
    void stripQuotes_removesMailQuoteMarksOnly(String in, String expected) {
        assertThat(PasteHygiene.stripQuotes(in)).isEqualTo(expected);
    }

    @Test
    void stripQuotes_bareQuoteMark_leavesNothing() {
        assertThat(PasteHygiene.stripQuotes("   >")).isEmpty();
    }

    @Test
    void stripControls_removesAnsiColourCursorAndOverstrike() {
        assertThat(PasteHygiene.stripControls("\u001b[1;32mACTIVE\u001b[0m   00000 \u001b[Kx")).isEqualTo("ACTIVE   00000 x");
        assertThat(PasteHygiene.stripControls("\u001b]0;root@host: ~\u0007smcss")).isEqualTo("smcss");
        assertThat(PasteHygiene.stripControls("SMCX\bR")).isEqualTo("SMCR");
        assertThat(PasteHygiene.stripControls("a\u0000b\u007fc")).isEqualTo("abc");
    }

    @Test
    void expandTabs_indentationAlways_everywhereOnlyForColumns() {
        assertThat(PasteHygiene.expandTabs("\tACTIVE\t00000", false)).isEqualTo("        ACTIVE\t00000");
        assertThat(PasteHygiene.expandTabs("eth0\tmlx5_0\t1", true)).isEqualTo("eth0    mlx5_0  1");
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiterString = " => ", value = {
        "$ smcss -a => SMCSS",
        "# smcr -d stats => SMCR_STATS",
        "[root@t8345011 ~]# smcss => SMCSS",
        "[root@t8345010 tela-kernel]# lsmod |grep smc => LSMOD",
        "[root@t8345011 ~]# journalctl --dmesg | tail -10 => DMESG",
        "host:~ # smc_pnet -s => SMC_PNET",
        "root@node1:~# ip a => IP_ADDR",
        "user@h:/tmp$ rdma link => RDMA_LINK",
        "/# smcss => SMCSS",
        "$ ip netns exec test1 smcr d # mlx5_1 with pnetid TEST1 => SMCR_DEVICE",
        "$ sudo smcd -d linkgroup => SMCD_LINKGROUP",
        "$ kubectl exec -it pod-1 -- smcss -a => SMCSS",
        "$ watch -n 1 smcr stats => SMCR_STATS",
        "$ cat /proc/modules => LSMOD",
        "$ cat smcss-R.txt => SMCSS",
        "smcr device => SMCR_DEVICE",
        "smc_chk -C 10.44.30.50 => SMCSS",
        "sudo smcr ueid show => SMCR_UEID",
        "smcd ueid => SMCR_UEID",
        "ibv_devinfo -v => IBV_DEVINFO",
        "uname -a => UNAME",
        "dmesg => DMESG",
        "sysctl -a => SYSCTL",
        "rdma sys => RDMA_SYSTEM",
    })
    void clean_commandLine_namesTheKindOfItsOutput(String line, SourceKind kind) {
        Clean c = PasteHygiene.clean(line, LineShape.ANY);

        assertThat(c.type()).isEqualTo(Type.COMMAND);
        assertThat(c.command().kind()).contains(kind);
    }

    @Test
    void clean_promptBeforeAnUnknownCommand_isACommandWithoutKind() {
        Clean c = PasteHygiene.clean("$ ss -t  | wc -l", LineShape.ANY);

        assertThat(c.type()).isEqualTo(Type.COMMAND);
        assertThat(c.command().tool()).isEqualTo("ss");
        assertThat(c.command().piped()).isTrue();
        assertThat(c.command().kind()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"smcss shows nothing", "# net.smc.tcp2smc = 1", "# comment about smc", "smc 225280 3 ism,smc_diag",
        "smcss utility, smc-tools-1.8.5", "dmesg output:", "ip addr of the server", "Linux host 6.12.0 #1 SMP x86_64"})
    void clean_proseAndToolOutput_isNoCommand(String line) {
        assertThat(PasteHygiene.clean(line, LineShape.ANY).type()).isNotEqualTo(Type.COMMAND);
    }

    @ParameterizedTest
    @ValueSource(strings = {"...", "....", "…", "[...]", "[ ... ]", "<...>", "<snip>", "[snip]", "(...)", "--- snip ---",
        "[ 36 more ACTIVE connections ]", "[ 5 more LG 0500-0900]", "... (output truncated)"})
    void clean_elisionMarks(String line) {
        assertThat(PasteHygiene.clean("   " + line, LineShape.ANY).type()).isEqualTo(Type.ELISION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Server:", "Client:", "server", "Client side:", "On the server:", "Host A:", "client (t8345010):",
        "Server output:"})
    void clean_hostLabels(String line) {
        assertThat(PasteHygiene.clean(line, LineShape.ANY).type()).isEqualTo(Type.LABEL);
    }

    @Test
    void clean_labelLikeLinesOfTools_stayText() {
        assertThat(PasteHygiene.clean("Call Trace:", LineShapes.DMESG).type()).isEqualTo(Type.TEXT);
        // smcr -d stats prints "Server"/"Client" captions, a User EID may be any upper-case word
        assertThat(PasteHygiene.clean("    Server", LineShapes.STATS).type()).isEqualTo(Type.TEXT);
        assertThat(PasteHygiene.clean("SERVER", LineShapes.UEID_LIST).type()).isEqualTo(Type.TEXT);
        assertThat(PasteHygiene.clean("[ 2499.781797] smc: x", LineShapes.DMESG).type()).isEqualTo(Type.TEXT);
    }

    /** Corpus case 49: {@code smcr d} rows indented by two spaces, the first one with a blank Net-Dev. */
    @Test
    void shaper_removesTheBlocksCommonIndentation_keepingRelativeIndentation() {
        List<String> out = shape(LineShape.ANY,
                "  Net-Dev         IB-Dev   IB-P  IB-State  Type          Crit  #Links  PNET-ID",
                "                  mlx5_0      1    ACTIVE  RoCE_Express2   No       0",
                "  eth2            mlx5_1      1    ACTIVE  RoCE_Express2   No       0",
                "",
                "    other block");

        assertThat(out).containsExactly(
                "1:Net-Dev         IB-Dev   IB-P  IB-State  Type          Crit  #Links  PNET-ID",
                "2:                mlx5_0      1    ACTIVE  RoCE_Express2   No       0",
                "3:eth2            mlx5_1      1    ACTIVE  RoCE_Express2   No       0",
                "4:",
                "5:other block");
    }

    @Test
    void shaper_blockLongerThanTheLookahead_keepsOrderAndLines() {
        String[] lines = new String[PasteHygiene.BLOCK_LOOKAHEAD + 10];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = "    row " + i;
        }
        List<String> out = shape(LineShape.ANY, lines);

        assertThat(out).hasSize(lines.length);
        assertThat(out.get(0)).isEqualTo("1:row 0");
        assertThat(out.get(lines.length - 1)).isEqualTo(lines.length + ":row " + (lines.length - 1));
    }

    /** Corpus case 05: {@code smcss} rows a mailer wrapped before the Intf column. */
    @Test
    void shaper_joinsWrappedSmcssRows_keepingTheFirstLineNumber() {
        List<String> out = shape(LineShapes.SMCSS,
                "ACTIVE         00000 0067005 10.25.45.10:48096       10.25.45.11:51897 ",
                "     0000 SMCD",
                "ACTIVE         00000 0067124 10.25.45.11:51897       10.25.45.10:48314 ",
                "     0000 TCP 0x05000000/0x030d0000");

        assertThat(out).containsExactly(
                "1:ACTIVE         00000 0067005 10.25.45.10:48096       10.25.45.11:51897 0000 SMCD",
                "3:ACTIVE         00000 0067124 10.25.45.11:51897       10.25.45.10:48314 0000 TCP 0x05000000/0x030d0000");
    }

    @Test
    void shaper_neverJoinsACompleteRowWithTheNextLine() {
        List<String> out = shape(LineShapes.SMCSS,
                "ACTIVE         00000 0041853 10.1.1.2:45678          10.1.1.3:5201           0000 SMCR ",
                "this is not an smcss row at all");

        assertThat(out).hasSize(2);
    }

    /** Corpus case 06: journalctl lines a mailer wrapped after a trailing blank. */
    @Test
    void shaper_joinsWrappedJournalLines_butNotLinesWithTheirOwnPrefix() {
        List<String> out = shape(LineShapes.DMESG,
                "Aug 31 16:17:46 t8345011.lnxne.boe kernel: smc: SMC-R lg 00000100 net 1 ",
                "link removed: id 00000101, peerid 00000101, ibdev mlx5_0, ibport 1",
                "Aug 31 16:17:55 t8345011.lnxne.boe kernel: smc: SMC-R lg 00000100 net 1 ",
                "state changed: SYMMETRIC, pnetid NET25",
                "[    1.000000] smc: adding smcd device ism0 with pnetid NET1",
                "smc: removing smcd device ism0");

        assertThat(out).containsExactly(
                "1:Aug 31 16:17:46 t8345011.lnxne.boe kernel: smc: SMC-R lg 00000100 net 1 link removed: id 00000101, "
                        + "peerid 00000101, ibdev mlx5_0, ibport 1",
                "3:Aug 31 16:17:55 t8345011.lnxne.boe kernel: smc: SMC-R lg 00000100 net 1 state changed: SYMMETRIC, "
                        + "pnetid NET25",
                "5:[    1.000000] smc: adding smcd device ism0 with pnetid NET1",
                "6:smc: removing smcd device ism0");
    }

    @Test
    void shaper_boundaryStopsJoiningAndDedent() {
        List<String> out = new ArrayList<>();
        PasteHygiene.Shaper s = new PasteHygiene.Shaper(LineShapes.SMCSS, sink(out));
        s.text(1, "ACTIVE         00000 0067005 10.25.45.10:48096 ");
        s.boundary(); // e.g. an elision line
        s.text(3, "     0000 SMCD");
        s.end();

        assertThat(out).containsExactly("1:ACTIVE         00000 0067005 10.25.45.10:48096 ", "3:0000 SMCD");
    }

    private static List<String> shape(LineShape shape, String... lines) {
        List<String> out = new ArrayList<>();
        PasteHygiene.Shaper s = new PasteHygiene.Shaper(shape, sink(out));
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                s.blank(i + 1, "");
            } else {
                s.text(i + 1, lines[i]);
            }
        }
        s.end();
        return out;
    }

    private static TextParser.LineSink sink(List<String> out) {
        return (number, text) -> out.add(number + ":" + text);
    }
}
