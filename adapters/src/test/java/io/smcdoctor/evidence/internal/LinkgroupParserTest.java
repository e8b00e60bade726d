package io.smcdoctor.evidence.internal;

import static io.smcdoctor.evidence.internal.SmcFixtures.parse;
import static io.smcdoctor.evidence.internal.SmcFixtures.parseText;
import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.LinkGroup;
import io.smcdoctor.evidence.facts.SmcTechnology;
import io.smcdoctor.evidence.facts.SmcrLink;
import io.smcdoctor.evidence.facts.SourceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkgroupParserTest {

    @Test
    void parse_plainSmcrTable_yieldsLinkGroups() {
        Evidence ev = parse(SourceKind.SMCR_LINKGROUP, "smcr/linkgroup.txt");

        assertThat(ev.warnings()).isEmpty();
        List<LinkGroup> lgs = ev.facts(LinkGroup.class);
        assertThat(lgs).extracting(LinkGroup::id).containsExactly("00000100", "00000200", "00000300");
        LinkGroup sym = lgs.get(0);
        assertThat(sym.technology()).isEqualTo(SmcTechnology.SMCR);
        assertThat(sym.role()).isEqualTo("CLNT");
        assertThat(sym.type()).isEqualTo("SYM");
        assertThat(sym.vlan()).isEqualTo("0");
        assertThat(sym.connections()).isEqualTo(12);
        assertThat(sym.pnetId()).isEqualTo("NET1");
        assertThat(sym.version()).isEqualTo(-1);
        assertThat(lgs.get(1).type()).isEqualTo("SINGLE");
        assertThat(lgs.get(1).vlan()).isEqualTo("0x64");
        assertThat(lgs.get(1).pnetId()).isEmpty();
        assertThat(lgs.get(2).type()).isEqualTo("ASYMP");
        assertThat(lgs.get(2).vlan()).isEqualTo("0x5");
    }

    @Test
    void parse_linkShow_yieldsOneLinkPerRow() {
        Evidence ev = parse(SourceKind.SMCR_LINKGROUP, "smcr/linkgroup-link-show.txt");

        assertThat(ev.warnings()).isEmpty();
        assertThat(ev.facts(LinkGroup.class)).isEmpty();
        List<SmcrLink> links = ev.facts(SmcrLink.class);
        assertThat(links).extracting(SmcrLink::netDev).containsExactly("ens1f0", "ens1f1", "eth1");
        assertThat(links.get(0).linkGroupId()).isEqualTo("00000100");
        assertThat(links.get(0).state()).isEqualTo("LINK_ACTIVE");
        assertThat(links.get(0).connections()).isEqualTo(12);
        assertThat(links.get(0).ibDev()).isEmpty();
        assertThat(links.get(0).ibPort()).isEqualTo(-1);
        assertThat(links.get(2).type()).isEqualTo("SINGLE");
        assertThat(links.get(2).state()).isEqualTo("LINK_ACTIVATING");
    }

    @Test
    void parse_linkShowDoubleDetails_yieldsUidsDevicesAndGids() {
        Evidence ev = parse(SourceKind.SMCR_LINKGROUP, "smcr/linkgroup-link-show-dd.txt");

        assertThat(ev.warnings()).isEmpty();
        List<SmcrLink> links = ev.facts(SmcrLink.class);
        assertThat(links).hasSize(2);
        SmcrLink l = links.get(0);
        assertThat(l.linkUid()).isEqualTo("11223344");
        assertThat(l.peerLinkUid()).isEqualTo("55667788");
        assertThat(l.ibDev()).isEqualTo("mlx5_0");
        assertThat(l.ibPort()).isEqualTo(1);
        assertThat(l.localGid()).isEqualTo("fe80:0000:0000:0000:0a00:27ff:fe4e:1b01");
        assertThat(l.peerGid()).isEqualTo("fe80:0000:0000:0000:0a00:27ff:fe4e:1b02");
        SmcrLink noNetdev = links.get(1);
        assertThat(noNetdev.netDev()).isEmpty();
        assertThat(noNetdev.state()).isEqualTo("LINK_INACTIVE");
        assertThat(noNetdev.ibDev()).isEqualTo("erdma_0");
    }

    @Test
    void parse_detailBlocks_yieldsV2PeerInfoAndBuffers() {
        Evidence ev = parse(SourceKind.SMCR_LINKGROUP, "smcr/linkgroup-d.txt");

        assertThat(ev.warnings()).isEmpty();
        List<LinkGroup> lgs = ev.facts(LinkGroup.class);
        assertThat(lgs).hasSize(2);
        LinkGroup v2 = lgs.get(0);
        assertThat(v2.id()).isEqualTo("00000100");
        assertThat(v2.role()).isEqualTo("CLNT");
        assertThat(v2.type()).isEqualTo("SYM");
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.peerRelease()).isEqualTo("1");
        assertThat(v2.peerHost()).isEqualTo("hostb");
        assertThat(v2.peerOs()).isEqualTo("LINUX");
        assertThat(v2.direct()).isEqualTo("Yes");
        assertThat(v2.eid()).isEqualTo("SEID-OR-UEID-STRING");
        assertThat(v2.connections()).isEqualTo(12);
        assertThat(v2.sndbufBytes()).isEqualTo(786432);
        assertThat(v2.rmbBytes()).isEqualTo(786432);
        assertThat(v2.provenance().line()).isEqualTo(1);
        LinkGroup v1 = lgs.get(1);
        assertThat(v1.vlan()).isEqualTo("0x64");
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.peerHost()).isEmpty();
        assertThat(v1.pnetId()).isEmpty();
        assertThat(v1.sndbufBytes()).isZero();
        assertThat(v1.provenance().line()).isEqualTo(16);
    }

    @Test
    void parse_labDetailBlock_yieldsUeidAndBuffers() {
        Evidence ev = parse(SourceKind.SMCR_LINKGROUP, "smcr/lab-linkgroup-d.txt");

        assertThat(ev.warnings()).isEmpty();
        LinkGroup lg = ev.facts(LinkGroup.class).get(0);
        assertThat(lg.type()).isEqualTo("SINGLE");
        assertThat(lg.eid()).isEqualTo("SMC-LAB-UEID-1");
        assertThat(lg.peerHost()).isEqualTo("(none)");
        assertThat(lg.rmbBytes()).isEqualTo(65536);
        assertThat(lg.connections()).isEqualTo(1);
    }

    @Test
    void parse_smcdTableAndDetails_yieldsSmcdLinkGroups() {
        Evidence plain = parse(SourceKind.SMCD_LINKGROUP, "smcd/linkgroup.txt");
        assertThat(plain.warnings()).isEmpty();
        List<LinkGroup> lgs = plain.facts(LinkGroup.class);
        assertThat(lgs).extracting(LinkGroup::technology).containsOnly(SmcTechnology.SMCD);
        assertThat(lgs.get(0).connections()).isEqualTo(5);
        assertThat(lgs.get(0).pnetId()).isEqualTo("NET1");
        assertThat(lgs.get(0).role()).isEmpty();
        assertThat(lgs.get(1).vlan()).isEqualTo("0x1f");

        Evidence detail = parse(SourceKind.SMCD_LINKGROUP, "smcd/linkgroup-d.txt");
        LinkGroup d = detail.facts(LinkGroup.class).get(0);
        assertThat(d.peerOs()).isEqualTo("ZOS");
        assertThat(d.eid()).isEqualTo("SEID-ABC");
        assertThat(d.rmbBytes()).isEqualTo(131072);
        assertThat(d.sndbufBytes()).isEqualTo(65536);
    }

    @Test
    void parse_emptyAndGarbage_yieldsNothingOrWarnings() {
        assertThat(parseText(SourceKind.SMCR_LINKGROUP, "").facts(LinkGroup.class)).isEmpty();

        Evidence ev = parseText(SourceKind.SMCR_LINKGROUP, "00000100 CLNT SYM 0 12 NET1\nxx yy zz\n0000010 CLNT\n");
        assertThat(ev.facts(LinkGroup.class)).singleElement()
                .satisfies(lg -> assertThat(lg.connections()).isEqualTo(12));
        assertThat(ev.warnings()).extracting(w -> w.line()).containsExactly(2, 3);
    }
}
