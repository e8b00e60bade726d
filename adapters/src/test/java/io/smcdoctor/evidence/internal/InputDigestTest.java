package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fingerprint digest gives the SHA-256 of the bytes in order, whether or not its second thread ran. */
class InputDigestTest {
    private static byte[] sha256(byte[]... parts) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static void readAll(InputStream in) throws IOException {
        byte[] buf = new byte[64 * 1024];
        while (in.read(buf) > 0) {
            // digested while read
        }
    }

    @Test
    void smallAndLargeInputs_digestAsOneSha256InOrder() throws Exception {
        byte[] small = random(1000, 1);
        byte[] large = random(3 * InputDigest.SYNC_BYTES + 12345, 2);
        byte[] name = "SMCSS\0smcss.txt\0".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        InputDigest d = new InputDigest();
        d.update(name);
        readAll(d.wrap(new ByteArrayInputStream(small)));
        d.drain();
        readAll(d.wrap(new ByteArrayInputStream(large)));
        d.drain();
        d.update(name);
        readAll(d.wrap(new ByteArrayInputStream(large)));
        d.drain();
        assertThat(d.finish()).isEqualTo(sha256(name, small, large, name, large));
    }

    @Test
    void noDigestThreadOutlivesADrain() throws Exception {
        InputDigest d = new InputDigest();
        readAll(d.wrap(new ByteArrayInputStream(random(2 * InputDigest.SYNC_BYTES, 3))));
        assertThat(digestThreads()).isPositive();
        d.drain();
        assertThat(digestThreads()).isZero();
        d.finish();
    }

    @Test
    void none_readsThroughAndKeepsNothing_noThread() throws Exception {
        InputDigest d = InputDigest.none();
        byte[] large = random(2 * InputDigest.SYNC_BYTES, 4);
        InputStream in = new ByteArrayInputStream(large);
        assertThat(d.wrap(in)).isSameAs(in);
        d.update(large);
        assertThat(digestThreads()).isZero();
        assertThat(d.finish()).isNull();
    }

    private static long digestThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("smc-doctor-evidence-digest") && t.isAlive()).count();
    }
}
