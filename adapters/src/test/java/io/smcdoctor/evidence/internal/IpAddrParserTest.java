package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.NetInterface;
import io.smcdoctor.evidence.facts.SourceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpAddrParserTest {

    private static List<NetInterface> ifaces(String resource) {
        return HostFixtures.parse(SourceKind.IP_ADDR, resource).facts(NetInterface.class);
    }

    @Test
    void parse_labClient_yieldsLoopbackAndEth0WithAddresses() {
        Evidence ev = HostFixtures.parse(SourceKind.IP_ADDR, "ip/lab-6.12-client.txt");
        List<NetInterface> ifs = ev.facts(NetInterface.class);

        assertThat(ifs).hasSize(2);
        NetInterface lo = ifs.get(0);
        assertThat(lo.index()).isEqualTo(1);
        assertThat(lo.name()).isEqualTo("lo");
        assertThat(lo.linkType()).isEqualTo("loopback");
        assertThat(lo.mtu()).isEqualTo(65536);
        assertThat(lo.state()).isEqualTo("UNKNOWN");
        assertThat(lo.addresses()).containsExactly("127.0.0.1/8", "::1/128");
        NetInterface eth0 = ifs.get(1);
        assertThat(eth0.index()).isEqualTo(2);
        assertThat(eth0.flags()).containsExactly("BROADCAST", "MULTICAST", "UP", "LOWER_UP");
        assertThat(eth0.mac()).isEqualTo("52:54:00:5c:00:02");
        assertThat(eth0.linkType()).isEqualTo("ether");
        assertThat(eth0.state()).isEqualTo("UP");
        assertThat(eth0.addresses()).containsExactly("10.10.0.2/24", "fd00::2/64", "fe80::5054:ff:fe5c:2/64");
        assertThat(eth0.provenance().line()).isEqualTo(7);
        assertThat(ev.warnings()).isEmpty();
    }

    @Test
    void parse_erdmaEcs_handlesAltnamesVlanInfinibandPointToPointAndEmptyFlags() {
        Evidence ev = HostFixtures.parse(SourceKind.IP_ADDR, "ip/alinux3-erdma-ecs.txt");
        List<NetInterface> ifs = ev.facts(NetInterface.class);

        assertThat(ifs).extracting(NetInterface::name).containsExactly("lo", "eth0", "eth1", "eth0.100", "ib0",
                "tun0", "dummy0");
        assertThat(ifs.get(1).mac()).isEqualTo("00:16:3e:12:34:56");
        assertThat(ifs.get(1).addresses()).containsExactly("172.16.0.10/24", "fe80::216:3eff:fe12:3456/64");
        assertThat(ifs.get(2).mac()).isEqualTo("00:16:3e:ab:cd:ef");
        assertThat(ifs.get(3).state()).isEqualTo("DOWN");
        assertThat(ifs.get(3).flags()).containsExactly("BROADCAST", "MULTICAST");
        assertThat(ifs.get(4).linkType()).isEqualTo("infiniband");
        assertThat(ifs.get(4).mac()).isEqualTo("00:00:10:87:fe:80:00:00:00:00:00:00:b8:ce:f6:03:00:a1:b2:c4");
        assertThat(ifs.get(4).mtu()).isEqualTo(2044);
        assertThat(ifs.get(5).linkType()).isEqualTo("none");
        assertThat(ifs.get(5).mac()).isEmpty();
        assertThat(ifs.get(5).addresses()).containsExactly("10.8.0.2/32");
        assertThat(ifs.get(6).flags()).isEmpty();
        assertThat(ev.warnings()).isEmpty();
    }

    @Test
    void parse_oneLineForm_groupsAddressesPerInterface() {
        List<NetInterface> ifs = ifaces("ip/oneline.txt");

        assertThat(ifs).extracting(NetInterface::name).containsExactly("lo", "eth0", "eth1");
        assertThat(ifs.get(1).addresses()).containsExactly("10.10.0.2/24", "fd00::2/64");
        assertThat(ifs.get(2).mtu()).isEqualTo(9000);
        assertThat(ifs.get(2).mac()).isEqualTo("0c:42:a1:00:00:01");
        assertThat(ifs.get(2).linkType()).isEqualTo("ether");
    }

    @Test
    void parse_briefForm_readsStateAddressesAndMac() {
        List<NetInterface> ifs = ifaces("ip/brief.txt");

        assertThat(ifs).extracting(NetInterface::name).containsExactly("lo", "eth0", "eth1");
        assertThat(ifs.get(0).state()).isEqualTo("UNKNOWN");
        assertThat(ifs.get(1).addresses()).containsExactly("10.10.0.2/24", "fd00::2/64", "fe80::5054:ff:fe5c:2/64");
        assertThat(ifs.get(2).mac()).isEqualTo("52:54:00:aa:bb:cc");
        assertThat(ifs.get(2).flags()).containsExactly("BROADCAST", "MULTICAST");
    }

    @Test
    void parse_crlf_isHandled() {
        String text = HostFixtures.text("ip/lab-6.12-client.txt").replace("\n", "\r\n");

        List<NetInterface> ifs = HostFixtures.parseText(SourceKind.IP_ADDR, "ip-addr.txt", text)
                .facts(NetInterface.class);

        assertThat(ifs.get(1).state()).isEqualTo("UP");
        assertThat(ifs.get(1).addresses()).containsExactly("10.10.0.2/24", "fd00::2/64", "fe80::5054:ff:fe5c:2/64");
    }

    @Test
    void parse_garbage_warnsWithLineAndKeepsInterfaces() {
        Evidence ev = HostFixtures.parseText(SourceKind.IP_ADDR, "ip-addr.txt",
                "    inet 1.2.3.4/8 scope global\n"
                        + "Device \"eth9\" does not exist.\n"
                        + "2: eth0: <UP> mtu 1500 state UP\n"
                        + "    link/ether 52:54:00:5c:00:02 brd ff:ff:ff:ff:ff:ff\n"
                        + "99999999999: eth1: <UP> mtu 1500\n");

        assertThat(ev.facts(NetInterface.class)).extracting(NetInterface::name).containsExactly("eth0");
        assertThat(ev.warnings()).extracting(w -> w.line()).containsExactly(1, 2, 5);
    }
}
