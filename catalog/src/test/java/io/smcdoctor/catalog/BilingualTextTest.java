package io.smcdoctor.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every user-visible text exists in English and in Japanese. */
class BilingualTextTest {
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
    private static final Catalog CATALOG = Catalog.bundled();

    private static void collect(Cause c, List<LocalizedText> out) {
        out.add(c.title());
        out.add(c.detail());
        c.checks().forEach(k -> {
            out.add(k.summary());
            out.add(k.lookFor());
        });
        c.remedies().forEach(r -> out.add(r.summary()));
    }

    private static List<LocalizedText> allTexts() {
        List<LocalizedText> out = new ArrayList<>();
        for (ReasonCode rc : CATALOG.reasonCodes()) {
            out.add(rc.title());
            out.add(rc.meaning());
            rc.causes().forEach(c -> collect(c, out));
            rc.remedies().forEach(r -> out.add(r.summary()));
            rc.kernelNotes().forEach(k -> out.add(k.text()));
        }
        for (Symptom s : CATALOG.symptoms()) {
            out.add(s.title());
            out.add(s.description());
            s.causes().forEach(c -> collect(c, out));
        }
        for (SocketOption o : CATALOG.socketOptions()) {
            out.add(o.note());
            o.kernelNotes().forEach(k -> out.add(k.text()));
            o.kernelVerdicts().forEach(v -> out.add(v.note()));
        }
        return out;
    }

    @Test
    void everyText_hasNonBlankEnglishAndJapanese() {
        List<LocalizedText> texts = allTexts();
        assertThat(texts).hasSizeGreaterThan(400);
        for (LocalizedText t : texts) {
            assertThat(t.en()).isNotBlank();
            assertThat(t.ja()).isNotBlank();
            assertThat(JAPANESE.matcher(t.ja()).find()).as("Japanese characters in: %s", t.ja()).isTrue();
            assertThat(JAPANESE.matcher(t.en()).find()).as("no Japanese in English: %s", t.en()).isFalse();
        }
    }

    @Test
    void symptoms_haveLowerCasePhrasesInBothLanguages() {
        for (Symptom s : CATALOG.symptoms()) {
            assertThat(s.phrases()).as(s.id()).isNotEmpty();
            assertThat(s.phrases()).allMatch(p -> p.equals(p.toLowerCase(java.util.Locale.ROOT)));
            assertThat(s.phrases()).as("English phrase in %s", s.id()).anyMatch(p -> p.matches("[ -~]+"));
            assertThat(s.phrases()).as("Japanese phrase in %s", s.id()).anyMatch(p -> JAPANESE.matcher(p).find());
        }
        assertThat(CATALOG.symptom("no-speedup").orElseThrow().phrases()).contains("no speed-up", "速くならない");
        // EADDRINUSE alone is not the eRDMA port reservation (Alibaba kernels, the seed's ports 65500-65515 only): the
        // reservation is reached by its port numbers, a bind error after a restart by the bind symptom
        assertThat(CATALOG.symptom("reserved-ports-erdma-oob").orElseThrow().phrases()).contains("65500")
                .doesNotContain("eaddrinuse");
        assertThat(CATALOG.symptom("bind-eaddrinuse").orElseThrow().phrases())
                .contains("address already in use", "time_wait");
    }
}
