package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.SysctlSetting;
import io.smcdoctor.evidence.facts.ToolError;
import io.smcdoctor.evidence.facts.ToolErrorKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SysctlParserTest {

    @Test
    void parse_labSmcrOk_yieldsMainlineDefaults() {
        Evidence ev = HostFixtures.parse(SourceKind.SYSCTL, "sysctl/lab-6.12-smcr-ok.txt");

        assertThat(ev.facts(SysctlSetting.class)).hasSize(11);
        assertThat(ev.sysctl("net.smc.wmem")).contains("65536");
        assertThat(ev.sysctl("net.smc.smcr_max_conns_per_lgr")).contains("255");
        assertThat(ev.sysctl("net.smc.limit_smc_hs")).contains("0");
        assertThat(ev.sysctl("net.ipv6.conf.eth0.disable_ipv6")).contains("0");
        assertThat(ev.sysctl("net.smc.tcp2smc")).isEmpty();
        SysctlSetting first = ev.facts(SysctlSetting.class).get(0);
        assertThat(first.provenance().line()).isEqualTo(1);
        assertThat(first.provenance().text()).isEqualTo("net.smc.autocorking_size = 65536");
        assertThat(ev.warnings()).isEmpty();
    }

    @Test
    void parse_labModuleMissing_hasNoSmcKeys() {
        Evidence ev = HostFixtures.parse(SourceKind.SYSCTL, "sysctl/lab-6.12-smc-module-missing.txt");

        assertThat(ev.facts(SysctlSetting.class)).extracting(SysctlSetting::key)
                .containsExactly("net.ipv6.conf.all.disable_ipv6", "net.ipv6.conf.default.disable_ipv6",
                        "net.ipv6.conf.eth0.disable_ipv6");
    }

    @Test
    void parse_alinux3Defaults_keepsTabsEmptyValuesAndWarnsOnToolErrors() {
        Evidence ev = HostFixtures.parse(SourceKind.SYSCTL, "sysctl/alinux3-anolis-defaults.txt");

        assertThat(ev.sysctl("net.smc.tcp2smc")).contains("1");
        assertThat(ev.sysctl("net.smc.experiment_vendor_options")).contains("4294967295");
        assertThat(ev.sysctl("net.smc.smcr_buf_type")).contains("2");
        assertThat(ev.sysctl("net.ipv4.tcp_rmem")).contains("4096\t131072\t6291456");
        assertThat(ev.sysctl("net.smc.hs_ctrl")).contains("");
        assertThat(ev.sysctl("net.ipv6.conf.all.disable_ipv6")).contains("1");
        // a refused key is the tool's error, a fact; the progress line after it is not a setting
        assertThat(ev.warnings()).extracting(ParseWarning::line).containsExactly(12);
        assertThat(ev.facts(ToolError.class)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ToolErrorKind.PERMISSION_DENIED);
            assertThat(e.tool()).isEqualTo("sysctl");
            assertThat(e.message()).contains("permission denied on key 'net.ipv6.conf.all.stable_secret'");
            assertThat(e.provenance().line()).isEqualTo(11);
        });
    }

    @Test
    void parse_procSysPathsAndHeadOutput_normaliseToDottedKeys() {
        Evidence ev = HostFixtures.parse(SourceKind.SYSCTL, "sysctl/proc-paths.txt");

        assertThat(ev.facts(SysctlSetting.class)).extracting(s -> s.key() + "=" + s.value()).containsExactly(
                "net.smc.tcp2smc=1", "net.smc.wmem=65536", "net.smc.rmem=131072", "net.smc.limit_smc_hs=0",
                "net.ipv4.conf.eth0/100.rp_filter=2", "net.smc.smcr_buf_type=1", "net.smc.hs_ctrl=",
                "net.smc.autocorking_size=65536");
        assertThat(ev.facts(SysctlSetting.class).get(5).provenance().line()).isEqualTo(8);
        assertThat(ev.warnings()).isEmpty();
    }

    @Test
    void parse_errorsAndGarbage_warnWithLineAndKeepTheRest() {
        Evidence ev = HostFixtures.parse(SourceKind.SYSCTL, "sysctl/errors.txt");

        assertThat(ev.facts(SysctlSetting.class)).extracting(SysctlSetting::key)
                .containsExactly("net.smc.tcp2smc", "net.smc.wmem");
        List<ParseWarning> w = ev.warnings();
        assertThat(w).extracting(ParseWarning::line).containsExactly(3, 4);
        assertThat(w).allMatch(x -> x.source().equals("errors.txt"));
        assertThat(ev.facts(ToolError.class)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ToolErrorKind.UNKNOWN_KEY);
            assertThat(e.message()).isEqualTo("net.smc.no_such_key");
            assertThat(e.provenance().line()).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/proc/sys/net/smc/tcp2smc|net.smc.tcp2smc",
        "net/smc/tcp2smc|net.smc.tcp2smc",
        "proc/sys/net/ipv6/conf/all/disable_ipv6|net.ipv6.conf.all.disable_ipv6",
        "/proc/sys/net/ipv4/conf/eth0.100/rp_filter|net.ipv4.conf.eth0/100.rp_filter",
        "net.smc.wmem|net.smc.wmem",
        // sysctl -a prints a VLAN interface eth0.100 as eth0/100 inside the dotted key: already canonical
        "net.ipv6.conf.eth0/100.disable_ipv6|net.ipv6.conf.eth0/100.disable_ipv6"
    })
    void normaliseKey_pathForms_yieldDottedKey(String key, String expected) {
        assertThat(SysctlParser.normaliseKey(key)).isEqualTo(expected);
    }

    @Test
    void parse_crlfAndBom_areHandled() {
        Evidence ev = HostFixtures.parseText(SourceKind.SYSCTL, "sysctl.txt",
                "\uFEFFnet.smc.tcp2smc = 1\r\nnet.smc.wmem = 262144\r\n");

        assertThat(ev.sysctl("net.smc.tcp2smc")).contains("1");
        assertThat(ev.sysctl("net.smc.wmem")).contains("262144");
        assertThat(ev.warnings()).isEmpty();
    }
}
