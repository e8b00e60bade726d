package io.smcdoctor.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.SocketOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * docs/sockopts.md and docs/sockopts.ja.md are the pages diagnostics link to ({@code #option_name}); they are made
 * from the catalog and must be current. To rewrite them after a catalog change:
 * {@code mvn -B verify -pl lsp -am -Dtest=SockoptPageTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsmcdoctor.writeDocs=true}.
 */
class SockoptPageTest {
    private static Path page(Language l) {
        Path docs = Path.of(System.getProperty("smcdoctor.docs", "../docs"));
        return docs.resolve(l == Language.JA ? "sockopts.ja.md" : "sockopts.md");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void page_isCurrent_andHasAHeadingForEveryOption(Language l) throws Exception {
        SockoptKnowledge k = SockoptKnowledge.of(LspHarness.CATALOG);
        String expected = Explanations.page(k.entries(), l);
        Path file = page(l);
        if (Boolean.getBoolean("smcdoctor.writeDocs")) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        String actual = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(actual).as(file + " is out of date; rewrite it with -Dsmcdoctor.writeDocs=true (see this test)")
                .isEqualTo(expected);
        List<SocketOption> options = LspHarness.CATALOG.socketOptions();
        assertThat(k.entries()).hasSameSizeAs(options);
        for (SocketOption o : options) {
            // GitHub's anchor of "### TCP_FASTOPEN" is #tcp_fastopen, the fragment Settings.explanationLink uses
            assertThat(actual).contains("\n### " + o.name() + "\n");
            assertThat(Settings.defaults(l).explanationLink(o.name()))
                    .endsWith(file.getFileName() + "#" + o.name().toLowerCase(Locale.ROOT));
        }
    }
}
