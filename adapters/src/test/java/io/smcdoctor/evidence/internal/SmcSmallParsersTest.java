package io.smcdoctor.evidence.internal;

import static io.smcdoctor.evidence.internal.SmcFixtures.parse;
import static io.smcdoctor.evidence.internal.SmcFixtures.parseText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.PnetEntry;
import io.smcdoctor.evidence.facts.SmcInfo;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.ToolError;
import io.smcdoctor.evidence.facts.ToolErrorKind;
import io.smcdoctor.evidence.facts.Ueid;
import org.junit.jupiter.api.Test;

/** smcr info, ueid show and smc_pnet. */
class SmcSmallParsersTest {

    @Test
    void parse_info_yieldsKeyValues() {
        Evidence ev = parse(SourceKind.SMCR_INFO, "smcr/info.txt");

        assertThat(ev.warnings()).isEmpty();
        assertThat(ev.facts(SmcInfo.class)).extracting(SmcInfo::key, SmcInfo::value).containsExactly(
                tuple("SMC Version", "2.1"), tuple("SMC Hostname", "hosta"), tuple("SMC-D Features", "v1 v2"),
                tuple("SMC-R Features", "v1 v2"), tuple("SEID", "SEID-STRING"), tuple("ISM", "n/a"),
                tuple("RoCE", "n/a"));
        assertThat(ev.facts(SmcInfo.class).get(4).provenance().line()).isEqualTo(8);
    }

    @Test
    void parse_labInfo_stripsHostnamePadding() {
        Evidence ev = parse(SourceKind.SMCR_INFO, "smcr/lab-info.txt");

        assertThat(ev.facts(SmcInfo.class)).filteredOn(i -> i.key().equals("SMC Hostname"))
                .singleElement().satisfies(i -> assertThat(i.value()).isEqualTo("(none)"));
        assertThat(ev.warnings()).isEmpty();
    }

    @Test
    void parse_ueid_yieldsOneUeidPerLine() {
        Evidence ev = parse(SourceKind.SMCR_UEID, "smcr/ueid.txt");

        assertThat(ev.facts(Ueid.class)).extracting(Ueid::ueid)
                .containsExactly("SMC-LAB-UEID-1", "ORG.EXAMPLE.APP-2");
        assertThat(parse(SourceKind.SMCR_UEID, "smcr/lab-ueid.txt").facts(Ueid.class)).extracting(Ueid::ueid)
                .containsExactly("SMC-LAB-UEID-1");
    }

    @Test
    void parse_emptyUeid_isPresentWithoutUeids() {
        Evidence ev = parse(SourceKind.SMCR_UEID, "smcr/ueid-empty.txt");

        assertThat(ev.has(SourceKind.SMCR_UEID)).isTrue();
        assertThat(ev.facts(Ueid.class)).isEmpty();
        assertThat(ev.warnings()).isEmpty();
    }

    @Test
    void parse_ueidErrorsAndInvalid_becomeToolErrorsAndWarnings() {
        Evidence ev = parseText(SourceKind.SMCR_UEID,
                "Error: SMC module not loaded\nlower-case-is-invalid\nGOOD-1\n");

        assertThat(ev.facts(Ueid.class)).extracting(Ueid::ueid).containsExactly("GOOD-1");
        assertThat(ev.facts(ToolError.class)).singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(ToolErrorKind.SMC_MODULE_NOT_LOADED));
        assertThat(ev.warnings()).singleElement().satisfies(w -> assertThat(w.line()).isEqualTo(2));
    }

    @Test
    void parse_pnet_yieldsEthernetAndRdmaEntries() {
        Evidence ev = parse(SourceKind.SMC_PNET, "smcr/pnet.txt");

        assertThat(ev.warnings()).isEmpty();
        assertThat(ev.facts(PnetEntry.class))
                .extracting(PnetEntry::pnetId, PnetEntry::ethName, PnetEntry::ibName, PnetEntry::ibPort)
                .containsExactly(tuple("NET1", "ens1f0", "n/a", 255), tuple("NET1", "n/a", "mlx5_0", 1),
                        tuple("NET2", "n/a", "ism0", 0));
    }

    @Test
    void parse_pnetModuleMissingAndEmpty_yieldToolErrorOrNothing() {
        Evidence missing = parse(SourceKind.SMC_PNET, "smcr/lab-module-missing-pnet.txt");
        assertThat(missing.facts(ToolError.class)).singleElement().satisfies(e -> {
            assertThat(e.tool()).isEqualTo("smc_pnet");
            assertThat(e.kind()).isEqualTo(ToolErrorKind.SMC_MODULE_NOT_LOADED);
        });
        assertThat(missing.warnings()).isEmpty();

        Evidence empty = parse(SourceKind.SMC_PNET, "smcr/lab-pnet-empty.txt");
        assertThat(empty.facts(PnetEntry.class)).isEmpty();
        assertThat(empty.warnings()).isEmpty();
    }

    @Test
    void parse_pnetGarbage_warnsPerLine() {
        Evidence ev = parseText(SourceKind.SMC_PNET, "NET1 ens1f0 n/a 255\nNET1 ens1f0\nNET1 a b port\n");

        assertThat(ev.facts(PnetEntry.class)).hasSize(1);
        assertThat(ev.warnings()).extracting(w -> w.line()).containsExactly(2, 3);
    }
}
