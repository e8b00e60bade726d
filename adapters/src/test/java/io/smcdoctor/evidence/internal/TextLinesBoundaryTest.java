package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.facts.Fact;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming splitter against the in-memory one on ASCII text whose lines straddle the 16 KiB cut and the 64 KiB
 * read buffer, read through streams that hand out bytes in random small pieces: same lines, same numbers, same
 * over-long warnings (guards the fast skip of over-long lines). It found that a CRLF line of exactly 16 KiB was
 * reported over-long when streamed: the '\r' counted against the bound.
 */
class TextLinesBoundaryTest {
    private static final class Recorder implements ParseContext {
        final List<String> events = new ArrayList<>();

        @Override
        public String source() {
            return "t.txt";
        }

        @Override
        public void add(Fact fact) {
            throw new AssertionError("no facts expected");
        }

        @Override
        public void warn(int line, String message) {
            events.add("warn " + line + " " + message.replace("characters", "bytes"));
        }
    }

    /** Hands out at most {@code max} bytes per read, at random. */
    private static final class Trickle extends InputStream {
        private final ByteArrayInputStream in;
        private final Random rnd;
        private final int max;

        Trickle(byte[] bytes, long seed, int max) {
            this.in = new ByteArrayInputStream(bytes);
            this.rnd = new Random(seed);
            this.max = max;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, Math.min(len, 1 + rnd.nextInt(max)));
        }
    }

    @Test
    void read_crlfLineOfExactlyTheBound_isNotOverlong() throws IOException {
        String line = "x".repeat(TextLines.MAX_LINE_BYTES);
        Recorder ctx = new Recorder();

        TextLines.read(new ByteArrayInputStream((line + "\r\nnext\r\n").getBytes(StandardCharsets.US_ASCII)), ctx,
                (no, text) -> ctx.events.add(no + ":" + text.length()));

        assertThat(ctx.events).containsExactly("1:" + TextLines.MAX_LINE_BYTES, "2:4");
    }

    @Test
    void read_linesAroundTheCutAndTheBuffer_equalTheInMemorySplit() throws IOException {
        Random rnd = new Random(16384);
        int cut = TextLines.MAX_LINE_BYTES;
        for (int round = 0; round < 40; round++) {
            StringBuilder sb = new StringBuilder();
            int lines = 1 + rnd.nextInt(12);
            for (int i = 0; i < lines; i++) {
                int len = switch (rnd.nextInt(5)) {
                    case 0 -> rnd.nextInt(80);
                    case 1 -> cut - 2 + rnd.nextInt(5);
                    case 2 -> 64 * 1024 - 3 + rnd.nextInt(7);
                    case 3 -> cut * 2 + rnd.nextInt(cut);
                    default -> rnd.nextInt(200_000);
                };
                for (int j = 0; j < len; j++) {
                    sb.append((char) ('a' + (i + j) % 26));
                }
                if (i < lines - 1 || rnd.nextBoolean()) {
                    sb.append(rnd.nextInt(4) == 0 ? "\r\n" : "\n");
                }
            }
            String text = sb.toString();
            Recorder fromString = new Recorder();
            int n1 = TextLines.read(text, fromString, (no, line) -> fromString.events.add(no + ":" + line));
            for (int max : new int[] {1 << 20, 4096, 7}) {
                Recorder streamed = new Recorder();
                int n2 = TextLines.read(new Trickle(text.getBytes(StandardCharsets.US_ASCII), round, max), streamed,
                        (no, line) -> streamed.events.add(no + ":" + line));
                assertThat(n2).as("round %d, pieces of at most %d bytes", round, max).isEqualTo(n1);
                assertThat(streamed.events).as("round %d, pieces of at most %d bytes", round, max)
                        .isEqualTo(fromString.events);
            }
        }
    }
}
