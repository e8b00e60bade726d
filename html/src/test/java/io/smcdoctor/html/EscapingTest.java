package io.smcdoctor.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Untrusted text in HTML: escaped for element content and quoted attributes, invisible characters made visible. */
class EscapingTest {
    @Test
    void html_scriptTag_isText() {
        assertThat(Html.text("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void html_attributeBreakout_cannotCloseAQuotedAttribute() {
        assertThat(Html.text("\"><img src=x onerror=alert(1)>"))
                .isEqualTo("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
        assertThat(Html.text("'><svg onload=alert(1)>")).isEqualTo("&#39;&gt;&lt;svg onload=alert(1)&gt;");
    }

    @Test
    void html_ampersand_isEscapedOnce() {
        assertThat(Html.text("a &amp; b & c")).isEqualTo("a &amp;amp; b &amp; c");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<", ">", "\"", "'", "&"})
    void html_noSpecialCharacterSurvives(String c) {
        assertThat(Html.text("x" + c + "y")).doesNotContain(c.equals("&") ? "&y" : c);
    }

    @Test
    void visible_terminalEscapeSequences_showTheirControlPictures() {
        assertThat(Untrusted.visible("\u001b[31mred\u001b[0m\u0007")).isEqualTo("␛[31mred␛[0m␇");
        assertThat(Untrusted.visible("a\u0000b\u007fc\rd")).isEqualTo("a␀b␡c␍d");
    }

    @Test
    void visible_bidiOverridesAndInvisibleCharacters_areNamed() {
        assertThat(Untrusted.visible("user\u202Egnp.exe")).isEqualTo("user⟨U+202E⟩gnp.exe");
        assertThat(Untrusted.visible("a\u200Bb\uFEFFc\u2066d\u0085e")).isEqualTo("a⟨U+200B⟩b⟨U+FEFF⟩c⟨U+2066⟩d⟨U+0085⟩e");
    }

    @Test
    void visible_tabsLineFeedsJapaneseAndEmoji_areKept() {
        String s = "4096\t131072\nフォールバック 😀";
        assertThat(Untrusted.visible(s)).isEqualTo(s);
    }

    @Test
    void visible_unpairedSurrogates_becomeReplacementCharacters() {
        assertThat(Untrusted.visible("a\uD800b\uDC00c")).isEqualTo("a\uFFFDb\uFFFDc");
    }
}
