package io.smcdoctor.evidence.internal;

import static io.smcdoctor.evidence.internal.SmcFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.Endpoint;
import io.smcdoctor.evidence.facts.SocketMode;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.ToolError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Big, binary and badly encoded inputs, streamed end to end through the smcss parser. */
class SmcssLargeInputTest {
    private static final String HEADER =
            "State          UID   Inode   Local Address           Peer Address            Intf Mode \n";

    /** Row i of a generated listing: every 4th a fallback, every 10th an SMC-D socket, the rest SMC-R. */
    private static String line(int i) {
        String local = String.format("10.%d.%d.2:%d", (i >> 16) & 0xff, (i >> 8) & 0xff, 1024 + (i % 60000));
        String peer = String.format("10.%d.%d.3:5201", (i >> 16) & 0xff, (i >> 8) & 0xff);
        String mode = i % 4 == 0 ? "TCP 0x03030000" : i % 10 == 1 ? "SMCD " : "SMCR ";
        return String.format("%-14s %05d %07d %-23s %-23s %04x %s%n", "ACTIVE", 1000, 1_000_000 + i, local, peer, 0,
                mode);
    }

    @Test
    void parse_hundredThousandRows_countsEveryModeExactly() {
        StringBuilder sb = new StringBuilder(HEADER.length() + 100_000 * 100).append(HEADER);
        for (int i = 0; i < 100_000; i++) {
            sb.append(line(i));
        }
        Evidence ev = Evidence.builder().parse(SourceKind.SMCSS, "smcss.txt", sb.toString()).build();

        assertThat(ev.warnings()).isEmpty();
        assertThat(ev.sockets().total()).isEqualTo(100_000);
        assertThat(ev.sockets().fallbacks()).isEqualTo(25_000);
        // i % 10 == 1 is never a multiple of 4
        assertThat(ev.sockets().smc()).isEqualTo(75_000);
        assertThat(ev.sockets().byCode()).containsEntry(0x03030000, 25_000L);
        assertThat(ev.sockets().groups()).filteredOn(g -> g.mode() == SocketMode.SMCD)
                .singleElement().satisfies(g -> assertThat(g.count()).isEqualTo(10_000));
        assertThat(row(ev, 1_000_001).mode()).isEqualTo(SocketMode.SMCD);
        assertThat(row(ev, 1_000_001).local()).isEqualTo(new Endpoint("10.0.0.2", 1025, false));
    }

    @Test
    void parse_generatedFiftyMegabyteStream_readsEveryRowWithBoundedSamples() {
        long target = 50L * 1024 * 1024;
        InputStream in = new GeneratedListing(target);
        Evidence ev = Evidence.builder().parse(SourceKind.SMCSS, "smcss-big.txt", in).build();

        long rows = ((GeneratedListing) in).rows;
        assertThat(rows).isGreaterThan(500_000);
        assertThat(ev.warnings()).isEmpty();
        assertThat(ev.sockets().total()).isEqualTo(rows);
        assertThat(ev.sockets().fallbacks()).isEqualTo((rows + 3) / 4);
        assertThat(ev.sockets().groups()).allSatisfy(g -> assertThat(g.samples()).hasSizeLessThanOrEqualTo(8));
    }

    @Test
    void parse_binaryGarbage_neverThrowsAndKeepsRowsAfterIt() {
        byte[] junk = new byte[4096];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (i * 31 + 7);
        }
        byte[] good = (HEADER + line(3)).getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(junk, junk.length + 1 + good.length);
        all[junk.length] = '\n';
        System.arraycopy(good, 0, all, junk.length + 1, good.length);

        Evidence ev = Evidence.builder().parse(SourceKind.SMCSS, "smcss.txt", new ByteArrayInputStream(all)).build();

        assertThat(ev.sockets().total()).isEqualTo(1);
        assertThat(row(ev, 1_000_003).mode()).isEqualTo(SocketMode.SMCR);
        assertThat(ev.warnings()).isNotEmpty().allSatisfy(w -> assertThat(w.source()).isEqualTo("smcss.txt"));
        assertThat(ev.warnings()).anySatisfy(w -> assertThat(w.message()).contains("NUL"));
    }

    @Test
    void parse_invalidUtf8AndHugeLine_warnAndKeepRows() {
        byte[] bad = "ACTIVE         00000 0000001 10.1.1.2:1 10.1.1.3:2 0000 SMCR \u00ff\u00fe\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        String huge = "x".repeat(TextLines.MAX_LINE_BYTES * 3) + "\n";
        String tail = line(5);
        byte[] all = concat(bad, huge.getBytes(StandardCharsets.US_ASCII), tail.getBytes(StandardCharsets.US_ASCII));

        Evidence ev = Evidence.builder().parse(SourceKind.SMCSS, "smcss.txt", new ByteArrayInputStream(all)).build();

        assertThat(row(ev, 1).mode()).isEqualTo(SocketMode.SMCR);
        assertThat(row(ev, 1_000_005).provenance().line()).isEqualTo(3);
        assertThat(ev.warnings()).anySatisfy(w -> assertThat(w.message()).contains("UTF-8"));
        assertThat(ev.warnings()).anySatisfy(w -> {
            assertThat(w.line()).isEqualTo(2);
            assertThat(w.message()).contains("longer than");
        });
        assertThat(ev.facts(ToolError.class)).isEmpty();
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    /** Streams a generated listing of about {@code size} bytes without holding it in memory. */
    private static final class GeneratedListing extends InputStream {
        private final long size;
        private long produced;
        private long rows;
        private byte[] chunk = HEADER.getBytes(StandardCharsets.US_ASCII);
        private int pos;

        GeneratedListing(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == chunk.length) {
                if (produced >= size) {
                    return -1;
                }
                chunk = SmcssLargeInputTest.line((int) rows).getBytes(StandardCharsets.US_ASCII);
                rows++;
                pos = 0;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            produced += n;
            return n;
        }

        @Override
        public void close() throws IOException {
        }
    }
}
