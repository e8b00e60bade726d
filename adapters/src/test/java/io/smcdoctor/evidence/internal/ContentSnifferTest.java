package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.facts.SourceKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentSnifferTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "bundle/no-ueid-server/smcss.txt, SMCSS",
        "bundle/no-ueid-server/smcss-R.txt, SMCSS",
        "bundle/no-ueid-server/smcss-d.txt, SMCSS",
        "bundle/smc-module-missing-client/smcss.txt, SMCSS",
        "bundle/no-ueid-server/smcr-device.txt, SMCR_DEVICE",
        "bundle/no-ueid-server/smcr-stats.txt, SMCR_STATS",
        "bundle/no-ueid-server/smcr-info.txt, SMCR_INFO",
        "bundle/no-ueid-server/dmesg.txt, DMESG",
        "bundle/no-ueid-server/sysctl.txt, SYSCTL",
        "bundle/smc-module-missing-client/sysctl.txt, SYSCTL",
        "bundle/no-ueid-server/uname.txt, UNAME",
        "bundle/no-ueid-server/lsmod.txt, LSMOD",
        "bundle/no-ueid-server/ip-addr.txt, IP_ADDR",
        "bundle/no-ueid-server/rdma-system.txt, RDMA_SYSTEM",
        "bundle/no-ueid-server/rdma-dev.txt, RDMA_DEV",
        "bundle/no-ueid-server/rdma-link.txt, RDMA_LINK",
    })
    void sniff_labCapture_recognisesItsKind(String resource, SourceKind expected) throws IOException {
        byte[] bytes = Files.readAllBytes(BundleTestArchives.resource(resource));

        assertThat(ContentSniffer.sniff(bytes, bytes.length)).contains(expected);
    }

    static Stream<Arguments> synthetic() {
        return Stream.of(
                Arguments.of("FID  Type  PCI-ID        PCHID  InUse  #LGs  PNET-ID  \n"
                        + "1234 ISM   0000:00:00.0  07c1   Yes       2  NET1             \n", SourceKind.SMCD_DEVICE),
                Arguments.of("LG-ID    LG-Role  LG-Type  VLAN  #Conns  PNET-ID \n"
                        + "00000100 CLNT     SYM         0      12  NET1             \n", SourceKind.SMCR_LINKGROUP),
                Arguments.of("LG-ID    : 00000100\nLG-Role  : CLNT\nLG-Type  : SYM\nVLAN     : 0\n",
                        SourceKind.SMCR_LINKGROUP),
                Arguments.of("LG-ID    VLAN  #Conns  PNET-ID \n00000400    0       5  NET1             \n",
                        SourceKind.SMCD_LINKGROUP),
                Arguments.of("LG-ID    : 00000400\nVLAN     : 0\nPNET-ID  : NET1\nVersion  : 2\n#Conns   : 5\n"
                        + "Sndbuf   : 65536 B\nDMB      : 65536 B\n", SourceKind.SMCD_LINKGROUP),
                Arguments.of("SMC-D Connections Summary\n  Total connections handled             4\n",
                        SourceKind.SMCD_STATS),
                Arguments.of("hca_id:\terdma_0\n\ttransport:\t\t\tInfiniBand (0)\n", SourceKind.IBV_DEVINFO),
                Arguments.of("-- Journal begins at Mon 2026-11-23 10:00:00 UTC. --\n"
                        + "Nov 26 16:10:08 web-1 kernel: smc: adding ib device rxe0 with port count 1\n",
                        SourceKind.DMESG),
                Arguments.of("Nov 26 16:10:08 web-1 kernel: NET: Registered PF_SMC protocol family\n",
                        SourceKind.DMESG),
                Arguments.of("2026-11-26T16:10:08+0000 web-1 kernel: smc: adding ib device rxe0\n", SourceKind.DMESG),
                Arguments.of("[Thu Nov 26 16:10:08 2026] smc: adding ib device rxe0 with port count 1\n",
                        SourceKind.DMESG),
                Arguments.of("NET1 ens1f0 n/a 255\nNET1 n/a mlx5_0 1\n", SourceKind.SMC_PNET),
                Arguments.of("smc_pnet: SMC module not loaded\n", SourceKind.SMC_PNET),
                Arguments.of("\r\nnet.core.rmem_max = 212992\r\nnet.smc.wmem = 65536\r\n", SourceKind.SYSCTL),
                Arguments.of("Linux web-1 5.10.134-16.al8.x86_64 #1 SMP Thu Mar 2 2023 x86_64 GNU/Linux\n",
                        SourceKind.UNAME),
                Arguments.of("{\n  \"schema\" : \"smc-doctor/manifest/v1\",\n  \"host\" : \"h\"\n}\n",
                        SourceKind.MANIFEST),
                Arguments.of("{\"schema\": \"smc-doctor/sockopt-probe/v1\", \"sockets\": []}", SourceKind.SOCKOPT_PROBE));
    }

    @ParameterizedTest
    @MethodSource("synthetic")
    void sniff_referenceFormats_recogniseTheirKind(String text, SourceKind expected) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        assertThat(ContentSniffer.sniff(bytes, bytes.length)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "we see no speed-up since Monday, e.g. net.smc is slow\n",
        "Error: SMC module not loaded\n",
        "{\"scenario\": \"no-ueid\", \"side\": \"server\"}",
        "SMC-LAB-UEID-1                  \n",
        "\u0000\u0001\u0002binary\n"})
    void sniff_unrecognisable_isEmpty(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        assertThat(ContentSniffer.sniff(bytes, bytes.length)).isEqualTo(Optional.empty());
    }

    @Test
    void sniff_onlyLooksAtTheGivenLength() {
        byte[] bytes = "State          UID   Inode   Local Address\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(ContentSniffer.sniff(bytes, 5)).isEmpty();
        assertThat(ContentSniffer.sniff(bytes, bytes.length)).contains(SourceKind.SMCSS);
    }
}
