package io.smcdoctor.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Symptom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The one symptom-phrase matcher of diagnose and ask. */
class SymptomPhrasesTest {

    @Test
    void contains_matchesWholeWordsAndIdentifierPrefixes() {
        String text = "after smc_run our TCP 0x03030000 sockets so keep failing; tcpdump shows SO_KEEPALIVE probes";

        assertThat(SymptomPhrases.contains(text, "tcp_")).isFalse();
        assertThat(SymptomPhrases.contains(text, "so_")).isTrue();
        assertThat(SymptomPhrases.contains(text, "tcpdump")).isTrue();
        assertThat(SymptomPhrases.contains(text, "tcp")).isTrue();
        assertThat(SymptomPhrases.contains(text, "dump")).isFalse();
        assertThat(SymptomPhrases.contains(text, "smc run")).isTrue();
        assertThat(SymptomPhrases.contains("ポートが使用できない", "使用できない")).isTrue();
        assertThat(SymptomPhrases.count(List.of("tcpdump", "dump", "so_", "nothing"), text)).isEqualTo(2);
    }

    @Test
    void normalise_foldsCaseSpacesAndHyphens() {
        assertThat(SymptomPhrases.normalise("No  Speed-Up")).isEqualTo("no speed up");
        assertThat(SymptomPhrases.normalise("no speed_up ")).isEqualTo("no speed up");
        assertThat(SymptomPhrases.normalise("速くならない")).isEqualTo("速くならない");
    }

    @Test
    void match_everyBundledSymptom_isFoundByEachOfItsPhrases() {
        SymptomPhrases phrases = SymptomPhrases.of(Catalog.bundled());
        for (Symptom s : Catalog.bundled().symptoms()) {
            for (String phrase : s.phrases()) {
                // a phrase ending in _ or - is an identifier prefix: it needs the rest of the identifier
                String used = phrase.endsWith("_") || phrase.endsWith("-") ? phrase + "keepalive" : phrase;
                assertThat(phrases.match("we see: " + used.toUpperCase(Locale.ROOT) + " here"))
                        .as("%s by '%s'", s.id(), phrase).extracting(SymptomPhrases.Match::symptom).contains(s);
            }
        }
    }

    @Test
    void match_phrasesInWordsAndAtBoundaries_sameAsSearchingEveryPhrase() {
        Catalog catalog = Catalog.bundled();
        SymptomPhrases phrases = SymptomPhrases.of(catalog);
        List<String> texts = new ArrayList<>();
        for (Symptom s : catalog.symptoms()) {
            for (String phrase : s.phrases()) {
                // the phrase alone, inside longer words, after and before punctuation, with its separators varied
                texts.add(phrase);
                texts.add("x" + phrase + "s and 2" + phrase);
                texts.add("(" + phrase + ").");
                texts.add("see:" + phrase.replace(' ', '-') + "/again");
                texts.add(phrase.toUpperCase(Locale.ROOT).replace(' ', '_') + "keepalive");
            }
        }
        texts.add("after smc_run our TCP 0x03030000 sockets so keep failing; tcpdump shows SO_KEEPALIVE probes");
        texts.add("");

        for (String text : texts) {
            List<SymptomPhrases.Match> expected = new ArrayList<>();
            for (Symptom s : catalog.symptoms()) {
                int hits = 0;
                String first = null;
                for (String phrase : s.phrases()) {
                    if (SymptomPhrases.count(List.of(phrase), text) == 1) {
                        hits++;
                        first = first == null ? phrase : first;
                    }
                }
                if (hits > 0) {
                    expected.add(new SymptomPhrases.Match(s, first, hits));
                }
            }
            assertThat(phrases.match(text)).as(text).isEqualTo(expected);
        }
    }
}
