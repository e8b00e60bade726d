package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.SymptomText;
import org.junit.jupiter.api.Test;

class SymptomParserTest {

    @Test
    void parse_japaneseMultiLine_joinsLinesAndPointsAtFirstLine() {
        Evidence ev = Evidence.builder().symptom("\n\nSMC を有効にした後、65500 番ポートで bind が EADDRINUSE になる\r\n"
                + "\n\n\nsmcss では TCP 0x03030000 と表示される  \n\n").build();

        SymptomText s = ev.facts(SymptomText.class).get(0);
        assertThat(s.text()).isEqualTo("SMC を有効にした後、65500 番ポートで bind が EADDRINUSE になる\n\n"
                + "smcss では TCP 0x03030000 と表示される");
        assertThat(s.provenance().line()).isEqualTo(3);
        assertThat(s.provenance().source()).isEqualTo("symptom");
    }

    @Test
    void parse_english_oneFact() {
        Evidence ev = HostFixtures.parseText(SourceKind.SYMPTOM, "symptom.txt", "no speed-up after smc_run");

        assertThat(ev.facts(SymptomText.class)).extracting(SymptomText::text).containsExactly("no speed-up after smc_run");
    }

    @Test
    void parse_blank_yieldsNothing() {
        Evidence ev = HostFixtures.parseText(SourceKind.SYMPTOM, "symptom.txt", " \n\t\n");

        assertThat(ev.facts(SymptomText.class)).isEmpty();
        assertThat(ev.warnings()).isEmpty();
    }

    @Test
    void parse_huge_isCutWithWarning() {
        String line = "x".repeat(1000) + "\n";
        Evidence ev = HostFixtures.parseText(SourceKind.SYMPTOM, "symptom.txt", line.repeat(200));

        assertThat(ev.facts(SymptomText.class).get(0).text()).hasSize(SymptomParser.MAX_CHARS);
        assertThat(ev.warnings()).hasSize(1);
    }
}
