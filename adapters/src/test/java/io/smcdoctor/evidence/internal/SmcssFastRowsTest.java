package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.Fact;
import io.smcdoctor.evidence.facts.SocketGroup;
import io.smcdoctor.evidence.facts.SocketMode;
import io.smcdoctor.evidence.facts.SocketRow;
import io.smcdoctor.evidence.facts.SourceKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast path of large listings ({@link SmcssFastRows}, used when no connection index is built) gives the same
 * evidence as the normal way (used when the index is built): the same socket summary with the same sample rows, the
 * same facts, warnings and fingerprint, on every smcss fixture and capture of the test resources and on generated
 * listings that mix plain rows with everything that interrupts them (wrapped and indented rows, mail quotes, prompts,
 * tabs, invalid columns, detail columns, smc_chk lines, blank lines, binary and non-ASCII lines).
 */
class SmcssFastRowsTest {
    private static final String HEADER =
            "State          UID   Inode   Local Address           Peer Address            Intf Mode ";

    static Stream<Path> fixtures() throws URISyntaxException, IOException {
        Path root = Path.of(SmcssFastRowsTest.class.getResource("/smcss").toURI()).getParent();
        List<Path> all = new ArrayList<>();
        for (String dir : List.of("smcss", "corpus", "lab")) {
            try (Stream<Path> files = Files.list(root.resolve(dir))) {
                files.filter(f -> f.toString().endsWith(".txt")).sorted().forEach(all::add);
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void read_fixture_sameEvidenceAsTheNormalWay(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);

        assertSame(bytes);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void read_generatedMixedListing_sameEvidenceAsTheNormalWay(int seed) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder();
        int lines = 300 + random.nextInt(300);
        int inode = 1000;
        for (int i = 0; i < lines; i++) {
            int kind = random.nextInt(100);
            // mostly plain rows of a few groups, so that groups fill their samples and rows are only counted
            String row = plainRow(random, random.nextInt(20) == 0 ? inode - 1 : inode++);
            if (kind < 70) {
                sb.append(row);
            } else if (kind < 73) {
                int cut = 20 + random.nextInt(Math.max(1, row.length() - 20));
                sb.append(row, 0, Math.min(cut, row.length())).append(random.nextBoolean() ? "\n     " : "\n")
                        .append(row.substring(Math.min(cut, row.length())).strip());
            } else if (kind < 75) {
                sb.append("    ").append(row);
            } else if (kind < 77) {
                sb.append("> ").append(row);
            } else if (kind < 78) {
                sb.append(row.replace("   ", "\t"));
            } else if (kind < 80) {
                sb.append(row).append("\r");
            } else if (kind < 81) {
                sb.append("");
            } else if (kind < 82) {
                sb.append(HEADER);
            } else if (kind < 83) {
                sb.append("$ smcss -a");
            } else if (kind < 84) {
                sb.append("ACTIVE         00000 ").append(inode++).append(" 10.0.0.1:4000          bogus       0000 SMCR ");
            } else if (kind < 85) {
                sb.append("ACTIVE         00000 ").append(inode++)
                        .append(" 10.0.0.1:4001          10.0.0.2:5000           0000 TCP 0xZZ");
            } else if (kind < 86) {
                sb.append("ACTIVE         00000 ").append(inode++)
                        .append(" 10.0.0.1:4002          10.0.0.2:5000           0000 SMCR CLNT mlx5_0 01 fe80::1 fe80::2");
            } else if (kind < 87) {
                sb.append("some words that are not smcss output 42");
            } else if (kind < 88) {
                sb.append("Test with target IP 10.0.0.2 and port 5000");
            } else if (kind < 89) {
                sb.append("Failed  (TCP fallback), reasons:");
            } else if (kind < 90) {
                sb.append("Server:");
            } else if (kind < 91) {
                sb.append("...");
            } else if (kind < 92) {
                sb.append("ACTIVE         00000 ").append(inode++).append(" 10.0.0.\u00e91:4003 10.0.0.2:5000 0000 SMCR ");
            } else if (kind < 93) {
                sb.append("ACTIVE\u0000 00000");
            } else if (kind < 94) {
                sb.append("INIT           00000 ").append(inode++);
            } else if (kind < 95) {
                sb.append("ACTIVE         00000 ").append(inode++).append(" 10.0.0.1:4004");
            } else if (kind < 96) {
                sb.append("LISTEN         00000 ").append(inode++).append(" 0.0.0.0:5000 ").append(" ".repeat(12));
            } else if (kind < 97) {
                sb.append("CLOSED         00000 ").append(inode++).append(" 10.0.0.1:4005 10.0.0.2:5000 0000");
            } else if (kind < 98) {
                sb.append("ACTIVE 00000 ").append(inode++).append(" 10.0.0.1:4006 10.0.0.2:5000 0000 - extra");
            } else {
                sb.append("ACTIVE 00000 ").append(inode++).append(" 10.0.0.1:4007 10.0.0.2:5000 0000 TCP 0x03030000 x");
            }
            sb.append('\n');
        }
        if (random.nextBoolean()) {
            sb.setLength(sb.length() - 1); // no final newline
        }

        assertSame(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 20_000})
    void read_plainRows_countedLikeTheNormalWayWithEightSamplesPerGroup(int rows) {
        Random random = new Random(rows);
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            sb.append(plainRow(random, 100_000 + i)).append('\n');
        }

        Evidence fast = assertSame(sb.toString().getBytes(StandardCharsets.US_ASCII));

        assertThat(fast.sockets().total() + fast.sockets().listening()).isEqualTo(rows);
        assertThat(fast.sockets().groups()).allSatisfy(g -> assertThat(g.samples())
                .hasSize((int) Math.min(g.count(), 8)));
        assertThat(fast.sockets().groups()).extracting(SocketGroup::mode).contains(SocketMode.SMCR, SocketMode.TCP);
    }

    @Test
    void read_plainRowsBeyondTheSamples_countedWithoutARowObject() throws IOException {
        Random random = new Random(7);
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 5000; i++) {
            sb.append(plainRow(random, 100_000 + i, false)).append('\n');
        }
        List<Fact> added = new ArrayList<>();
        SocketAggregator sockets = new SocketAggregator();
        sockets.withoutConnections();
        ParseContext ctx = new ParseContext() {
            @Override
            public String source() {
                return "smcss.txt";
            }

            @Override
            public void add(Fact fact) {
                added.add(fact);
                sockets.add((SocketRow) fact);
            }

            @Override
            public void warn(int line, String message) {
                throw new AssertionError(line + ": " + message);
            }
        };
        SmcssParser.Sink parser = (SmcssParser.Sink) new SmcssParser().open(ctx);
        int[] counted = {0};
        SmcssFastRows fast = new SmcssFastRows(new HygienicSink(SourceKind.SMCSS, ctx, parser), parser, sockets,
                () -> counted[0]++);

        TextLines.read(new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.US_ASCII)), ctx, fast);
        fast.end();

        // the parser was given only the rows kept as samples (at most 8 per group) and the last two rows (held when
        // the input ended, handed back); the rest was counted here
        int groups = sockets.summary().groups().size();
        assertThat(added).hasSizeLessThanOrEqualTo(8 * groups + 2);
        assertThat(counted[0] + added.size()).isEqualTo(5000);
        assertThat(sockets.summary().total() + sockets.summary().listening()).isEqualTo(5000);
    }

    /**
     * Forty groups whose rows interleave, so that the group changes from row to row: each group counted as generated,
     * both ways.
     */
    @Test
    void read_manyGroupsInterleaved_eachCounted() {
        Random random = new Random(40);
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        Map<Integer, Long> expected = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            int code = 0x03010000 + (random.nextInt(40) << 16);
            expected.merge(code, 1L, Long::sum);
            sb.append(String.format("%-14s %05d %07d %-23s %-23s %04x TCP 0x%08x%n", "ACTIVE", 0, 100_000 + i,
                    "10.0.0.1:" + (20000 + i % 5000), "10.9.0.1:5103", 0, code));
        }

        Evidence fast = assertSame(sb.toString().getBytes(StandardCharsets.US_ASCII));

        assertThat(fast.warnings()).isEmpty();
        Map<Integer, Long> counted = new HashMap<>();
        fast.sockets().groups().forEach(g -> counted.put(g.localCode(), g.count()));
        assertThat(counted).hasSize(40).isEqualTo(expected);
    }

    /** A row in one of a few groups: modes, reason codes, address families, cut addresses, LISTEN rows. */
    private static String plainRow(Random random, int inode) {
        return plainRow(random, inode, true);
    }

    /** A plain row; with {@code warning} false never one the parser warns about (incomplete SMC-R details). */
    private static String plainRow(Random random, int inode, boolean warning) {
        String local;
        String peer;
        switch (random.nextInt(6)) {
            case 0:
                local = "2001:db8:1234:5..:" + (40000 + random.nextInt(2000));
                peer = "2001:db8:1234:56..:443";
                break;
            case 1:
                local = "::ffff:10.1.2." + random.nextInt(250) + ":5201";
                peer = "::ffff:10.9.9.9:" + (40000 + random.nextInt(2000));
                break;
            case 2:
                local = "0.0.0.0:" + (20000 + random.nextInt(100));
                peer = "fe80::" + random.nextInt(99) + ":443";
                break;
            default:
                local = "10.0." + random.nextInt(4) + "." + random.nextInt(250) + ":" + (20000 + random.nextInt(500));
                peer = "10.9.0.1:" + (random.nextInt(10) == 0 ? 0 : 5103);
        }
        if (random.nextInt(25) == 0) {
            return String.format("%-14s %05d %07d %-23s", "LISTEN", 0, inode, random.nextBoolean() ? "0.0.0.0:5103"
                    : "10.0.0.1:" + (20000 + random.nextInt(500)));
        }
        String[] modes = {"SMCR ", "SMCR ", "SMCD ", "TCP 0x03010000", "TCP 0x05000000/0x03030000", "-"};
        String state = random.nextInt(30) == 0 ? "PEERCLW1" : random.nextInt(30) == 0 ? "APPFINCLOSEWAIT" : "ACTIVE";
        String mode = modes[random.nextInt(modes.length)];
        if (random.nextInt(3) == 0) {
            mode = mode.strip() + " " + details(random, mode.strip(), warning);
        }
        return String.format("%-14s %05d %07d %-23s %-23s %04x %s", state, random.nextInt(3), inode, local, peer,
                random.nextInt(40) == 0 ? 3 : 0, mode);
    }

    /** The -d block after its Shutd column. */
    private static final String DEBUG_BLOCK = "00000001 00010000 00010000 00010000 0000:0000000e 0000:0000000e 00:00"
            + "   0000:0000000e 0000:0000000e 00:00   0000:0000000e 0000:0000000e 0000:0000000e";
    private static final String[] SHUTD = {"<->", "R->", "<-W", "R-W"};

    /**
     * Columns after the mode as smcss -R, -D and -d print them (smc-tools smcss.c), complete or cut short: an SMC-R role
     * with fewer than four columns after it is warned about by the parser.
     */
    private static String details(Random random, String mode, boolean warning) {
        String shutd = random.nextInt(4) == 0 ? SHUTD[random.nextInt(SHUTD.length)] + "  " + DEBUG_BLOCK + " " : "";
        String[] smcr = {"CLNT rxe0            01   01     0000:0000:0000:0000:0000:ffff:0a0a:0002"
                + "  0000:0000:0000:0000:0000:ffff:0a0a:0001",
            "SERV mlx5_0          01   02     fe80:0000:0000:0000:0098:7d00:0087:2a34  fe80::98:7d00:87:2a35",
            "SERV                 01   01     fe80::1  fe80::2",
            "",
            "CLNT mlx5_0          01   01",
            "CLNT mlx5_0",
            "CLNT"};
        String[] smcd = {"0000000000001234 0001 0000000000005678 0001", "0000000000001234 0001", ""};
        return switch (mode) {
            case "SMCR" -> shutd + smcr[random.nextInt(warning ? smcr.length : 4)];
            case "SMCD" -> shutd + smcd[random.nextInt(smcd.length)];
            case "-" -> "";
            // prompt and quote marks after the first word: no command line, no quote
            default -> new String[] {"", "extra", "a>b", ">", "# x", "$ y", "% z", "user@h:~$ smcss -a", "> smcss"}[
                    random.nextInt(9)];
        };
    }

    /** Reads {@code bytes} both ways and asserts the evidence is the same; returns the fast way's. */
    private static Evidence assertSame(byte[] bytes) {
        Evidence normal = Evidence.builder()
                .parse(SourceKind.SMCSS, "smcss.txt", new ByteArrayInputStream(bytes)).build();
        Evidence fast = Evidence.builder().withoutConnections()
                .parse(SourceKind.SMCSS, "smcss.txt", new ByteArrayInputStream(bytes)).build();

        assertThat(fast.sockets()).isEqualTo(normal.sockets());
        assertThat(fast.warnings()).isEqualTo(normal.warnings());
        assertThat(fast.allFacts()).isEqualTo(normal.allFacts());
        assertThat(fast.sources()).isEqualTo(normal.sources());
        assertThat(fast.fingerprint()).isEqualTo(normal.fingerprint());
        return fast;
    }
}
