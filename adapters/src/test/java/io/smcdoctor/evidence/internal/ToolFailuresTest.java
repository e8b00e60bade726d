package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.InputFailed;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.ToolError;
import io.smcdoctor.evidence.facts.ToolErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A tool that failed is evidence, not a malformed line: each exact text a tool prints when it fails becomes one
 * {@link ToolError} of its kind, no warning, and an {@link InputFailed} for an input that holds nothing else. The texts
 * are those of smc-tools 1.8.5 ({@code libnetlink.c}, {@code ueid.c}, {@code smc_pnet.c}), iproute2
 * ({@code rdma/utils.c rd_send_msg()}), kmod ({@code tools/lsmod.c}), busybox lsmod, rdma-core {@code ibv_devinfo},
 * procps sysctl, util-linux dmesg and the shell; the smcss one is the lab capture smc-diag-missing.
 */
class ToolFailuresTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "SMCR_DEVICE|Error: SMC module not loaded|SMC_MODULE_NOT_LOADED|smcr",
        "SMCD_LINKGROUP|Error: SMC module not loaded|SMC_MODULE_NOT_LOADED|smcd",
        "SMC_PNET|smc_pnet: SMC module not loaded|SMC_MODULE_NOT_LOADED|smc_pnet",
        "SMCR_DEVICE|SMC module not loaded|SMC_MODULE_NOT_LOADED|smcr",
        "SMCR_STATS|Error: Operation not supported by kernel|KERNEL_UNSUPPORTED|smcr",
        "SMCR_UEID|Error: operation not supported by kernel|KERNEL_UNSUPPORTED|smcr",
        "SMCR_LINKGROUP|Error: Netlink receive error Operation not permitted (1)|NETLINK|smcr",
        "SMCR_DEVICE|Error: Cannot open netlink socket: Permission denied|NETLINK|smcr",
        "SMCR_LINKGROUP|Error: Dump interrupted|NETLINK|smcr",
        "SMCSS|RTNETLINK answers: Resource temporarily unavailable|SOCKET_LIST_UNAVAILABLE|smcss",
        "IP_ADDR|RTNETLINK answers: Operation not permitted|NETLINK|ip",
        "RDMA_LINK|Failed to open NETLINK_RDMA socket|RDMA_UNAVAILABLE|rdma",
        "RDMA_DEV|Failed to open NETLINK_RDMA socket|RDMA_UNAVAILABLE|rdma",
        "RDMA_SYSTEM|Failed to open NETLINK_RDMA socket|RDMA_UNAVAILABLE|rdma",
        "LSMOD|Error: could not get list of modules: No such file or directory|MODULE_LIST_UNAVAILABLE|lsmod",
        "LSMOD|libkmod: kmod_module_new_from_loaded: could not open /proc/modules: No such file or directory|MODULE_LIST_UNAVAILABLE|lsmod",
        "LSMOD|lsmod: can't open '/proc/modules': No such file or directory|MODULE_LIST_UNAVAILABLE|lsmod",
        "IBV_DEVINFO|No IB devices found|NO_RDMA_DEVICES|ibv_devinfo",
        "IBV_DEVINFO|Failed to get IB devices list: Function not implemented|NO_RDMA_DEVICES|ibv_devinfo",
        "SYSCTL|sysctl: cannot stat /proc/sys/net/smc/tcp2smc: No such file or directory|UNKNOWN_KEY|sysctl",
        "DMESG|dmesg: read kernel buffer failed: Operation not permitted|PERMISSION_DENIED|dmesg",
        "SMCSS|bash: smcss: command not found|NOT_INSTALLED|smcss",
        "SMCR_DEVICE|sh: 1: smcr: not found|NOT_INSTALLED|smcr",
        "UNAME|uname: command not found|NOT_INSTALLED|uname",
        "SMCR_DEVICE|Error: Object \"foo\" is unknown, try \"smcr help\".|USAGE|smcr",
        "SMCR_UEID|Error: Invalid User EID specified: abc|OTHER|smcr",
    })
    void failedTool_isAToolErrorOfItsKind_andTheInputFailed(SourceKind kind, String text, ToolErrorKind expected,
                                                             String tool) {
        Evidence ev = Evidence.builder().parse(kind, kind.fileName(), text + "\n").build();

        assertThat(ev.warnings()).as("a tool error is not garbage").isEmpty();
        assertThat(ev.facts(ToolError.class)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(expected);
            assertThat(e.tool()).isEqualTo(tool);
            assertThat(e.provenance().line()).isEqualTo(1);
            assertThat(e.provenance().text()).isEqualTo(text);
        });
        assertThat(ev.facts(InputFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(kind);
            assertThat(f.source()).isEqualTo(kind.fileName());
            assertThat(f.reason()).isEqualTo(expected);
        });
    }

    @Test
    void smcssFailure_labSmcDiagMissing_socketListUnavailableNotZero() {
        Evidence ev = HostFixtures.parse(SourceKind.SMCSS, "lab/smc-diag-missing-client-smcss.txt");

        assertThat(ev.sockets().total()).isZero();
        assertThat(ev.sockets().unavailable()).isTrue();
        assertThat(ev.facts(ToolError.class)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ToolErrorKind.SOCKET_LIST_UNAVAILABLE);
            assertThat(e.message()).isEqualTo("Resource temporarily unavailable");
        });
    }

    @Test
    void emptySmcssListing_isZeroSockets_notUnavailable() {
        Evidence ev = Evidence.builder().smcssOutput(
                "State          UID   Inode   Local Address           Peer Address            Intf Mode \n").build();

        assertThat(ev.sockets().total()).isZero();
        assertThat(ev.sockets().unavailable()).isFalse();
        assertThat(ev.facts(InputFailed.class)).isEmpty();
    }

    @Test
    void oneFailedListingBesideAGoodOne_socketsAreKnown() {
        Evidence ev = Evidence.builder()
                .parse(SourceKind.SMCSS, "smcss-R.txt", "RTNETLINK answers: Resource temporarily unavailable\n")
                .parse(SourceKind.SMCSS, "smcss.txt", HostFixtures.text("bundle/no-ueid-server/smcss.txt"))
                .build();

        assertThat(ev.sockets().unavailable()).isFalse();
        assertThat(ev.facts(InputFailed.class)).extracting(InputFailed::source).containsExactly("smcss-R.txt");
    }

    @Test
    void errorBesideData_isAToolErrorButNoFailedInput() {
        Evidence ev = Evidence.builder().parse(SourceKind.RDMA_LINK, "rdma-link.txt",
                "link rxe0/1 state ACTIVE physical_state LINK_UP netdev eth0\nError: unknown device mlx5_9\n").build();

        assertThat(ev.facts(ToolError.class)).singleElement().satisfies(e -> assertThat(e.kind())
                .isEqualTo(ToolErrorKind.OTHER));
        assertThat(ev.facts(InputFailed.class)).isEmpty();
    }
}
