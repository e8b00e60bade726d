package io.smcdoctor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.facts.NetInterface;
import io.smcdoctor.evidence.facts.Provenance;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleFunctionsTest {
    private static NetInterface nic(String name, String mac, String... addresses) {
        return new NetInterface(Provenance.of("ip-addr.txt"), 2, name, "ether", mac, 1500, List.of("UP"), "UP",
                List.of(addresses));
    }

    @Test
    void guidMatchesMac_eui64OfMac_matches() {
        assertThat(RuleFunctions.guidMatchesMac("0216:3eff:fe12:3456", "00:16:3e:12:34:56")).isTrue();
        assertThat(RuleFunctions.guidMatchesMac("0216:3EFF:FE12:3456", "00-16-3E-12-34-56")).isTrue();
    }

    @Test
    void guidMatchesMac_otherMacOrGarbage_doesNotMatch() {
        assertThat(RuleFunctions.guidMatchesMac("0216:3eff:fe12:3456", "00:16:3e:aa:bb:cc")).isFalse();
        // the universal/local bit must be flipped: the raw MAC with ff:fe inserted is not a match
        assertThat(RuleFunctions.guidMatchesMac("0016:3eff:fe12:3456", "00:16:3e:12:34:56")).isFalse();
        assertThat(RuleFunctions.guidMatchesMac("", "00:16:3e:12:34:56")).isFalse();
        assertThat(RuleFunctions.guidMatchesMac("zz16:3eff:fe12:3456", "00:16:3e:12:34:56")).isFalse();
    }

    @Test
    void hasAddress_ignoresPrefixLengthAndCase() {
        NetInterface eth0 = nic("eth0", "00:16:3e:12:34:56", "10.0.0.2/24", "FD00::2/64");
        assertThat(RuleFunctions.hasAddress(eth0, "10.0.0.2")).isTrue();
        assertThat(RuleFunctions.hasAddress(eth0, "fd00::2")).isTrue();
        assertThat(RuleFunctions.hasAddress(eth0, "10.0.0.20")).isFalse();
        assertThat(RuleFunctions.hasAddress(eth0, "")).isFalse();
    }

    @Test
    void carriesTraffic_excludesLoopbackAndAddresslessInterfaces() {
        assertThat(RuleFunctions.carriesTraffic(nic("eth0", "00:16:3e:12:34:56", "10.0.0.2/24"))).isTrue();
        assertThat(RuleFunctions.carriesTraffic(nic("eth1", "00:16:3e:12:34:57"))).isFalse();
        assertThat(RuleFunctions.carriesTraffic(nic("lo", "00:00:00:00:00:00", "127.0.0.1/8"))).isFalse();
    }

    @Test
    void namesSmcKernelFunction_kernelFunctionsAndStructs() {
        // from a net/smc commit message (public corpus case 30)
        assertThat(RuleFunctions.namesSmcKernelFunction("In smc_connect_work(), when the underlying TCP handshake"
                + " fails, the error code (rc) must be propagated to sk_err")).isTrue();
        assertThat(RuleFunctions.namesSmcKernelFunction("saves it in struct smc_init_info ini")).isTrue();
        assertThat(RuleFunctions.namesSmcKernelFunction("RIP: 0010:__smc_release+0x2c/0x1a0 [smc]")).isTrue();
        assertThat(RuleFunctions.namesSmcKernelFunction("smcr_link_put() underflows")).isTrue();
    }

    @Test
    void namesSmcKernelFunction_toolsModulesAndSysctlsAreNotKernelCode() {
        assertThat(RuleFunctions.namesSmcKernelFunction("smc_run iperf3 -s; smc_chk -C 10.0.0.1; smc_pnet -a NET1"))
                .isFalse();
        assertThat(RuleFunctions.namesSmcKernelFunction("modprobe smc_diag")).isFalse();
        assertThat(RuleFunctions.namesSmcKernelFunction("sysctl -w net.smc.smcr_buf_type=1")).isFalse();
        assertThat(RuleFunctions.namesSmcKernelFunction("SMC gives no speed-up over TCP")).isFalse();
        assertThat(RuleFunctions.namesSmcKernelFunction("")).isFalse();
    }
}
