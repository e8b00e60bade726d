package io.smcdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every interface string of every module exists in English and Japanese: each {@code texts.properties} has a
 * {@code texts_ja.properties} twin with the same keys, none blank, the Japanese differing from the English.
 */
class InterfaceTextsTest {
    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = InterfaceTextsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/io/smcdoctor/catalog/internal/texts", "/io/smcdoctor/engine/internal/texts",
        "/io/smcdoctor/cli/texts"})
    void everyKey_hasEnglishAndJapanese(String bundle) throws IOException {
        Properties en = load(bundle + ".properties");
        Properties ja = load(bundle + "_ja.properties");

        assertThat(en.stringPropertyNames()).isNotEmpty().isEqualTo(ja.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            assertThat(en.getProperty(key)).as(key).isNotBlank();
            assertThat(ja.getProperty(key)).as(key).isNotBlank();
            if (!key.equals("report.summary")) {
                assertThat(ja.getProperty(key)).as("%s is translated", key).isNotEqualTo(en.getProperty(key));
            }
        }
    }
}
