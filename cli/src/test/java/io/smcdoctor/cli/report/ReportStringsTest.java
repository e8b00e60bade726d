package io.smcdoctor.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.Severity;
import io.smcdoctor.catalog.Side;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ReportStringsTest {
    @Test
    void bundles_englishAndJapanese_haveTheSameKeysAndNoEmptyValue() throws IOException {
        // the files themselves: a ResourceBundle would hide a missing Japanese key behind its English parent
        Properties en = load("ReportStrings.properties");
        Properties ja = load("ReportStrings_ja.properties");

        assertThat(new TreeSet<>(ja.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        for (String k : en.stringPropertyNames()) {
            assertThat(en.getProperty(k)).as(k).isNotBlank();
            assertThat(ja.getProperty(k)).as(k).isNotBlank();
        }
        assertThat(ReportStrings.bundle(Locale.JAPANESE).getLocale()).isEqualTo(Locale.JAPANESE);
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ReportStrings.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void get_japanese_isJapaneseAndFillsArguments() {
        ReportStrings ja = ReportStrings.of(Language.JA);

        assertThat(ja.get("title")).isEqualTo("SMC Doctor レポート");
        assertThat(ja.get("evidence.more", 12)).isEqualTo("… ほか 12 行 (--format json ですべて表示)");
        assertThat(ja.side(Side.PEER)).isEqualTo("ピアホスト");
        assertThat(ja.severity(Severity.INFO)).isEqualTo("情報");
    }

    @Test
    void get_english_quotesAndNumbersAsGiven() {
        ReportStrings en = ReportStrings.of(Language.EN);

        assertThat(en.get("fallbacks.chart")).contains("kernel's");
        assertThat(en.get("warnings.more", 12345)).startsWith("… 12345 more");
        for (Side s : Side.values()) {
            assertThat(en.side(s)).isNotBlank();
        }
        for (Severity s : Severity.values()) {
            assertThat(en.severity(s)).isNotBlank();
        }
    }
}
