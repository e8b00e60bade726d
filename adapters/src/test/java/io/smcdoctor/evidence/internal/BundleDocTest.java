package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.internal.EvidenceSpec.Reader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/bundle.md, the description of the bundle format, lists every file name of the evidence-spec registry. */
class BundleDocTest {
    @Test
    void bundleDoc_listsEveryFileOfTheRegistry_withItsCommand() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "bundle.md"), StandardCharsets.UTF_8);

        for (EvidenceSpec spec : EvidenceSpecs.all()) {
            if (spec.reader() instanceof Reader.Elf) {
                continue;
            }
            assertThat(doc).as("docs/bundle.md row of %s", spec.kind()).contains("| `" + spec.fileName() + "` |");
            for (EvidenceSpec.Command c : spec.commands()) {
                assertThat(doc).as("command of %s", spec.kind()).contains(c.argv().get(0));
            }
        }
    }
}
