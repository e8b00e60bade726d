package io.smcdoctor.memory;

import io.smcdoctor.Diagnoser;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.SourceKind;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Run by {@link MemoryBoundsTest} in a child JVM with a small heap: {@code diagnose BUNDLE} reads and diagnoses a
 * bundle; {@code longline BYTES} streams one line of that many bytes through a parser. Prints one result line.
 */
public final class BoundedHeapMain {
    private BoundedHeapMain() {
    }

    /** Entry point; exits non-zero (with the error on stderr) when anything fails, e.g. OutOfMemoryError. */
    public static void main(String[] args) {
        if (args[0].equals("diagnose")) {
            Evidence ev = EvidenceBundle.read(Path.of(args[1]));
            DiagnosisReport r = Diagnoser.create().diagnose(ev);
            System.out.println("sockets=" + r.stats().sockets() + " fallbacks=" + ev.sockets().fallbacks()
                    + " top=" + r.top().map(d -> d.id()).orElse("none") + " jsonChars=" + r.toJson().length()
                    + " maxHeap=" + Runtime.getRuntime().maxMemory());
        } else {
            long bytes = Long.parseLong(args[1]);
            Evidence ev = Evidence.builder()
                    .parse(SourceKind.SYSCTL, "sysctl.txt", new LongLine(bytes, "\nnet.smc.limit_smc_hs = 1\n"))
                    .build();
            System.out.println("limit_smc_hs=" + ev.sysctl("net.smc.limit_smc_hs").orElse("?") + " warnings="
                    + ev.warnings().size() + " maxHeap=" + Runtime.getRuntime().maxMemory());
        }
    }

    /** {@code length} bytes of 'a' without a newline, then {@code tail}; generated on the fly. */
    static final class LongLine extends InputStream {
        private final long length;
        private final byte[] tail;
        private final byte[] chunk = new byte[256 * 1024];
        private long produced;
        private int tailPos;

        LongLine(long length, String tail) {
            this.length = length;
            this.tail = tail.getBytes(StandardCharsets.US_ASCII);
            Arrays.fill(chunk, (byte) 'a');
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (produced < length) {
                int n = (int) Math.min(Math.min(len, chunk.length), length - produced);
                System.arraycopy(chunk, 0, b, off, n);
                produced += n;
                return n;
            }
            if (tailPos == tail.length) {
                return -1;
            }
            int n = Math.min(len, tail.length - tailPos);
            System.arraycopy(tail, tailPos, b, off, n);
            tailPos += n;
            return n;
        }
    }
}
