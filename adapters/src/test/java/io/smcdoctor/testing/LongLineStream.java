package io.smcdoctor.testing;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code length} bytes of {@code 'a'} without a newline, then {@code tail}: a huge one-line input generated on the
 * fly, so a test can stream gigabytes without holding them. Shared with the engine's bounded-heap child JVM.
 */
public final class LongLineStream extends InputStream {
    private final long length;
    private final byte[] tail;
    private final byte[] chunk = new byte[256 * 1024];
    private long produced;
    private int tailPos;

    public LongLineStream(long length, String tail) {
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
