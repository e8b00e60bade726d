package io.smcdoctor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.catalog.Preconditions.DeviceKind;
import io.smcdoctor.catalog.Preconditions.HostFlag;
import io.smcdoctor.catalog.Preconditions.KernelFamily;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.rules.HostContext.Tri;
import org.junit.jupiter.api.Test;

/**
 * What the evidence decides about a host. The texts are lines of the genuine 6.12 lab captures (scenarios no-ueid,
 * smc-module-missing, no-rdma-driver) and of uname strings as the distributions print them.
 */
class HostContextTest {
    private static final String UNAME_DEBIAN = "Linux (none) 6.12.117+deb12-amd64 #1 SMP PREEMPT_DYNAMIC Debian"
            + " 6.12.117-1~deb12u1 (2026-11-14) x86_64 GNU/Linux\n";
    private static final String SMCR_DEVICE_HEADER = "Net-Dev         IB-Dev   IB-P  IB-State  Type          Crit"
            + "   FID   PCI-ID        PCHID  #Links  PNET-ID  \n";
    private static final String SMCR_DEVICE_RXE = SMCR_DEVICE_HEADER + "eth0            rxe0        1    ACTIVE  0  "
            + "             No   7fd0                0000        0                   \n";
    private static final String SMCSS_HEADER = "State          UID   Inode   Local Address           Peer Address"
            + "            Intf Mode \n";

    private static Evidence.Builder bundle() {
        return Evidence.builder();
    }

    @Test
    void of_clientWithoutUeid_ueidFalse_deviceRxe_kernelMainline612() {
        Evidence e = bundle()
                .parse(SourceKind.UNAME, "uname.txt", UNAME_DEBIAN)
                .parse(SourceKind.SMCR_DEVICE, "smcr-device.txt", SMCR_DEVICE_RXE)
                .parse(SourceKind.SMCR_UEID, "smcr-ueid.txt", "")
                .parse(SourceKind.RDMA_SYSTEM, "rdma-system.txt", "netns shared copy-on-fork on\n")
                .parse(SourceKind.SMCSS, "smcss.txt", SMCSS_HEADER
                        + "ACTIVE         00000 0000531 10.10.0.2:56906         10.10.0.1:5101          0000 TCP 0x03030000\n")
                .parse(SourceKind.SYSCTL, "sysctl.txt", "net.ipv6.conf.all.disable_ipv6 = 0\nnet.smc.limit_smc_hs = 0\n")
                .build();
        HostContext h = HostContext.of(e);
        assertThat(h.ueidDefined()).isEqualTo(Tri.FALSE);
        assertThat(h.smcLoaded()).isEqualTo(Tri.TRUE);
        assertThat(h.rdmaDevicePresent()).isEqualTo(Tri.TRUE);
        assertThat(h.flag(HostFlag.RDMA_NETNS_EXCLUSIVE)).isEqualTo(Tri.FALSE);
        assertThat(h.flag(HostFlag.IPV6_ENABLED)).isEqualTo(Tri.TRUE);
        assertThat(h.flag(HostFlag.LIMIT_SMC_HS)).isEqualTo(Tri.FALSE);
        assertThat(h.flag(HostFlag.SMC_SOCKETS_PRESENT)).isEqualTo(Tri.FALSE);
        assertThat(h.kernelFamily()).contains(KernelFamily.MAINLINE);
        assertThat(h.kernelVersion()).contains("6.12");
        assertThat(h.mainlineAtLeast("5.17")).isTrue();
        assertThat(h.mainlineBefore("6.13")).isTrue();
        assertThat(h.devices()).containsExactly(DeviceKind.RXE);
        assertThat(h.devicesComplete()).isTrue();
    }

    @Test
    void of_serverWithUeid_ueidTrue() {
        Evidence e = bundle().parse(SourceKind.SMCR_UEID, "smcr-ueid.txt", "SMC-LAB-UEID-1                  \n").build();
        assertThat(HostContext.of(e).ueidDefined()).isEqualTo(Tri.TRUE);
    }

    @Test
    void of_toolFailed_saysNothingAboutUeidOrDevices() {
        // lab smc-module-missing/client: smc-tools cannot reach the kernel; its failure is not an empty listing
        Evidence e = bundle()
                .parse(SourceKind.UNAME, "uname.txt", UNAME_DEBIAN)
                .parse(SourceKind.SMCR_DEVICE, "smcr-device.txt", "Error: SMC module not loaded\n")
                .parse(SourceKind.SMCR_UEID, "smcr-ueid.txt", "Error: SMC module not loaded\n")
                .build();
        HostContext h = HostContext.of(e);
        assertThat(h.ueidDefined()).isEqualTo(Tri.UNKNOWN);
        assertThat(h.rdmaDevicePresent()).isEqualTo(Tri.UNKNOWN);
        // on 6.12 the SMC_GEN_NETLINK family exists whenever smc is loaded: the module is not loaded
        assertThat(h.smcLoaded()).isEqualTo(Tri.FALSE);
    }

    @Test
    void of_toolSaysNotLoaded_onAKernelBefore511_isNoProof() {
        // smc-tools look up the SMC_GEN_NETLINK family, which kernels before 5.11 do not register at all
        Evidence e = bundle()
                .parse(SourceKind.UNAME, "uname.txt", "5.4.0-150-generic\n")
                .parse(SourceKind.SMCR_DEVICE, "smcr-device.txt", "Error: SMC module not loaded\n")
                .build();
        assertThat(HostContext.of(e).smcLoaded()).isEqualTo(Tri.UNKNOWN);
    }

    @Test
    void of_emptyDeviceListing_noRdmaDevice() {
        // lab no-rdma-driver/client: rdma_rxe unloaded, smcr device prints its header only
        Evidence e = bundle().parse(SourceKind.SMCR_DEVICE, "smcr-device.txt", SMCR_DEVICE_HEADER).build();
        HostContext h = HostContext.of(e);
        assertThat(h.rdmaDevicePresent()).isEqualTo(Tri.FALSE);
        assertThat(h.devicesComplete()).isFalse();
    }

    @Test
    void of_nothingGiven_everythingUnknown() {
        HostContext h = HostContext.of(Evidence.empty());
        for (HostFlag f : HostFlag.values()) {
            assertThat(h.flag(f)).as(f.name()).isEqualTo(Tri.UNKNOWN);
        }
        assertThat(h.kernelFamily()).isEmpty();
        assertThat(h.devices()).isEmpty();
    }

    @Test
    void kernelFamily_alibabaDebianUbuntuRhel() {
        assertThat(HostContext.kernelFamily("5.10.134-16.al8.x86_64", "alinux3")).contains(KernelFamily.ALIBABA);
        assertThat(HostContext.kernelFamily("5.10.134-13.an8.x86_64", "anolis8")).contains(KernelFamily.ALIBABA);
        assertThat(HostContext.kernelFamily("6.12.117+deb12-amd64", "debian12")).contains(KernelFamily.MAINLINE);
        assertThat(HostContext.kernelFamily("6.8.0-45-generic", "ubuntu")).contains(KernelFamily.MAINLINE);
        assertThat(HostContext.kernelFamily("6.8.0-rc1", "")).contains(KernelFamily.MAINLINE);
        // enterprise kernels backport SMC features: their version number decides nothing
        assertThat(HostContext.kernelFamily("4.18.0-513.el8.x86_64", "rhel8")).isEmpty();
        assertThat(HostContext.kernelFamily("5.14.21-150500.55.39-default", "")).isEmpty();
        assertThat(HostContext.mainlineVersion("6.12.117+deb12-amd64")).contains("6.12");
        assertThat(HostContext.mainlineVersion("garbage")).isEmpty();
    }

    @Test
    void deviceKind_byNameAndPciId() {
        assertThat(HostContext.deviceKind("erdma_0", "0x107f")).contains(DeviceKind.ERDMA);
        assertThat(HostContext.deviceKind("rdmap0s5", "0x107f")).contains(DeviceKind.ERDMA);
        assertThat(HostContext.deviceKind("rxe0", "0")).contains(DeviceKind.RXE);
        assertThat(HostContext.deviceKind("mlx5_0", "0x1016")).contains(DeviceKind.ROCE);
        assertThat(HostContext.deviceKind("qedr0", "0x8070")).isEmpty();
    }
}
