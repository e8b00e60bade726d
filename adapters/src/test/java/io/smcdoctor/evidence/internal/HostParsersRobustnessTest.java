package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.Fact;
import io.smcdoctor.evidence.facts.SourceKind;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Garbage, binary, empty, over-long and huge inputs for every host parser: no exception, bounded time. */
class HostParsersRobustnessTest {

    @ParameterizedTest
    @EnumSource(value = SourceKind.class, names = {"DMESG", "SYSCTL", "UNAME", "LSMOD", "IP_ADDR", "IBV_DEVINFO",
        "RDMA_SYSTEM", "RDMA_DEV", "RDMA_LINK", "SYMPTOM"})
    void parse_emptyInput_yieldsNoFactsAndNoWarnings(SourceKind kind) {
        Evidence ev = HostFixtures.parseText(kind, kind.fileName(), "");

        assertThat(ev.allFacts()).isEmpty();
        assertThat(ev.warnings()).isEmpty();
        assertThat(ev.has(kind)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = SourceKind.class, names = {"DMESG", "SYSCTL", "UNAME", "LSMOD", "IP_ADDR", "IBV_DEVINFO",
        "RDMA_SYSTEM", "RDMA_DEV", "RDMA_LINK", "SYMPTOM"})
    void parse_randomBinary_neverThrows(SourceKind kind) {
        Random rnd = new Random(kind.ordinal());
        byte[] bytes = new byte[256 * 1024];
        rnd.nextBytes(bytes);

        assertThatCode(() -> Evidence.builder().parse(kind, kind.fileName(), new ByteArrayInputStream(bytes)).build())
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(value = SourceKind.class, names = {"DMESG", "SYSCTL", "UNAME", "LSMOD", "IP_ADDR", "IBV_DEVINFO",
        "RDMA_SYSTEM", "RDMA_DEV", "RDMA_LINK", "SYMPTOM"})
    void parse_printableGarbageAndOverlongLines_neverThrow(SourceKind kind) {
        Random rnd = new Random(7 + kind.ordinal());
        StringBuilder sb = new StringBuilder();
        String alphabet = " \t:=/<>[]()#@,.-_0123456789abcdefxXLinkUpsmc:\\\"{}";
        for (int i = 0; i < 5000; i++) {
            int len = rnd.nextInt(120);
            for (int j = 0; j < len; j++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            sb.append(rnd.nextBoolean() ? "\n" : "\r\n");
        }
        sb.append("y".repeat(100_000)).append('\n');
        String text = sb.toString();

        assertThatCode(() -> HostFixtures.parseText(kind, kind.fileName(), text)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(value = SourceKind.class, names = {"SYSCTL", "LSMOD", "IP_ADDR", "IBV_DEVINFO", "RDMA_SYSTEM",
        "RDMA_DEV", "RDMA_LINK", "UNAME"})
    void parse_hugeGarbage_warningsAreCappedAndTimeBounded(SourceKind kind) {
        String text = "this line is not valid for any host parser !!\n".repeat(200_000);
        long start = System.nanoTime();

        Evidence ev = HostFixtures.parseText(kind, kind.fileName(), text);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(ev.allFacts()).isEmpty();
        assertThat(ev.warnings()).hasSize(EvidenceAssembler.MAX_WARNINGS + 1);
        assertThat(ev.warnings().get(0).line()).isEqualTo(1);
        assertThat(ev.warnings().get(0).source()).isEqualTo(kind.fileName());
    }

    @ParameterizedTest
    @EnumSource(value = SourceKind.class, names = {"DMESG", "SYSCTL", "LSMOD", "IP_ADDR", "IBV_DEVINFO",
        "RDMA_DEV", "RDMA_LINK"})
    void parse_truncatedFixture_keepsCompleteRecords(SourceKind kind) {
        String resource = switch (kind) {
            case DMESG -> "dmesg/lab-6.12-smcr-ok-client.txt";
            case SYSCTL -> "sysctl/lab-6.12-smcr-ok.txt";
            case LSMOD -> "lsmod/kmod-ofed.txt";
            case IP_ADDR -> "ip/alinux3-erdma-ecs.txt";
            case IBV_DEVINFO -> "ibv/mlx5-v-two-devices.txt";
            case RDMA_DEV -> "rdma/mlx5-dev-detail.txt";
            default -> "rdma/mixed-link.txt";
        };
        String text = HostFixtures.text(resource);
        String cut = text.substring(0, text.length() * 2 / 3);

        Evidence full = HostFixtures.parseText(kind, kind.fileName(), text);
        Evidence part = HostFixtures.parseText(kind, kind.fileName(), cut);

        int fullCount = full.allFacts().size();
        int partCount = part.allFacts().size();
        assertThat(partCount).isPositive().isLessThanOrEqualTo(fullCount);
        for (Fact f : part.allFacts()) {
            assertThat(f.provenance().source()).isEqualTo(kind.fileName());
        }
    }
}
