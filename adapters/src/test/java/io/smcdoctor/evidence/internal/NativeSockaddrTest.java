package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeSockaddrTest {
    @TempDir
    Path tmp;

    @Test
    void of_ipv4_isSixteenBytesWithPortInNetworkOrder() throws Exception {
        byte[] b = NativeSockaddr.of(new InetSocketAddress(InetAddress.getByName("10.10.0.1"), 5101));

        byte lo = (byte) (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? 2 : 0);
        byte hi = (byte) (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? 0 : 2);
        assertThat(b).containsExactly(lo, hi, 0x13, (byte) 0xed, 10, 10, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void of_ipv6_isTwentyEightBytesWithTheAddressAtOffsetEight() throws Exception {
        byte[] b = NativeSockaddr.of(new InetSocketAddress(InetAddress.getByName("fd00::2"), 443));

        assertThat(b).hasSize(28);
        assertThat(b[2]).isEqualTo((byte) 0x01);
        assertThat(b[3]).isEqualTo((byte) 0xbb);
        assertThat(b[8]).isEqualTo((byte) 0xfd);
        assertThat(b[23]).isEqualTo((byte) 2);
    }

    @Test
    void procFs_readsTheWholeValueOfAFile() throws Exception {
        Path f = Files.writeString(tmp.resolve("autocorking_size"), "65536\n");

        assertThat(NativeProcFs.value(f)).contains("65536");
        assertThat(NativeProcFs.value(tmp.resolve("missing"))).isEmpty();
    }

    @Test
    void errnoNames_coverTheProbeErrors() {
        assertThat(NativeErrno.name(97)).isEqualTo("EAFNOSUPPORT");
        // measured in the lab: the probe's SO_BINDTODEVICE on an SMC socket answered ENODEV (docs/sockopts-linux-6.12.md)
        assertThat(NativeErrno.name(19)).isEqualTo("ENODEV");
        assertThat(NativeErrno.name(524)).isEqualTo("ENOTSUPP");
        assertThat(NativeErrno.name(0)).isEmpty();
        assertThat(NativeErrno.name(4242)).isEqualTo("errno 4242");
    }
}
