package io.smcdoctor.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory bounds, proven in a child JVM limited to {@code -Xmx128m} (the test JVM itself has a large heap): a
 * 100,000-socket bundle is read and diagnosed, and a 1 GiB line is streamed through a parser.
 */
class MemoryBoundsTest {
    private static final String HEAP = "-Xmx128m";
    private static final String HEADER =
            "State          UID   Inode   Local Address           Peer Address            Intf Mode \n";
    private static final String[] CODES = {"0x03030000", "0x03010000", "0x03060000", "0x05000000", "0x0303000d"};

    @TempDir
    Path tmp;

    @Test
    void diagnose_hundredThousandSocketBundle_fitsIn128MegabyteHeap() throws Exception {
        Path bundle = Files.createDirectories(tmp.resolve("big-bundle"));
        int fallbacks = 0;
        try (Writer w = Files.newBufferedWriter(bundle.resolve("smcss.txt"), StandardCharsets.US_ASCII)) {
            w.write(HEADER);
            for (int i = 0; i < 100_000; i++) {
                // every 3rd socket falls back, with one of five codes; peers spread over 65,536 addresses
                String mode = i % 3 == 0 ? "TCP " + CODES[(i / 3) % CODES.length] : i % 10 == 1 ? "SMCD " : "SMCR ";
                fallbacks += i % 3 == 0 ? 1 : 0;
                w.write(String.format("%-14s %05d %07d %-23s %-23s %04x %s%n", "ACTIVE", 1000, 1_000_000 + i,
                        "10.0.0.2:" + (1024 + i % 60000), "10.1." + ((i >> 8) & 0xff) + "." + (i & 0xff) + ":5201",
                        0, mode));
            }
        }
        Path lab = Path.of(getClass().getResource("/lab-6.12/no-ueid/client").toURI());
        for (String f : List.of("uname.txt", "sysctl.txt", "dmesg.txt", "lsmod.txt", "smcr-device.txt")) {
            Files.copy(lab.resolve(f), bundle.resolve(f));
        }

        String out = runChild("diagnose", bundle.toString());

        assertThat(out).contains("sockets=100000 ", "fallbacks=" + fallbacks + " ", "maxHeap=");
        assertThat(maxHeap(out)).isLessThanOrEqualTo(128L << 20);
    }

    @Test
    void parse_oneGibibyteLine_fitsIn128MegabyteHeap() throws Exception {
        String out = runChild("longline", String.valueOf(1L << 30));

        assertThat(out).contains("limit_smc_hs=1 ");
        assertThat(maxHeap(out)).isLessThanOrEqualTo(128L << 20);
    }

    private static long maxHeap(String out) {
        return Long.parseLong(out.substring(out.indexOf("maxHeap=") + 8).strip());
    }

    /** Runs {@link BoundedHeapMain} with the small heap; returns its stdout, failing with its stderr. */
    private String runChild(String... args) throws IOException, InterruptedException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-XX:+ExitOnOutOfMemoryError", "-cp", cp, BoundedHeapMain.class.getName()));
        cmd.addAll(List.of(args));
        Path stdout = tmp.resolve("child.out");
        Path stderr = tmp.resolve("child.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not finish in 3 minutes");
        }
        String err = Files.readString(stderr);
        assertThat(p.exitValue()).as("child JVM exit status; stderr:%n%s", err).isZero();
        return Files.readString(stdout);
    }
}
