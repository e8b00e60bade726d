package io.smcdoctor.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one wording of the socket-option support levels (the bundles are checked by the cli's InterfaceTextsTest). */
class SupportTest {
    @ParameterizedTest
    @EnumSource(Support.class)
    void support_hasOneWordingPerLanguage(Support s) {
        assertThat(s.consequence(Language.EN)).isNotBlank().doesNotContain("support.");
        assertThat(s.consequence(Language.JA)).isNotBlank().isNotEqualTo(s.consequence(Language.EN));
    }
}
