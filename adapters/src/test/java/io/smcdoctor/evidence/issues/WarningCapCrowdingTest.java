package io.smcdoctor.evidence.issues;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.internal.EvidenceAssembler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6 (reliability): the cap of {@value EvidenceAssembler#MAX_WARNINGS} warnings was first come, first served,
 * so one garbage file read early (bundle files are read in name order) hid that later files, {@code smcss.txt}
 * among them, were unreadable. Now the first warning of every file is kept past the cap.
 */
class WarningCapCrowdingTest {
    @TempDir
    Path tmp;

    @Test
    void read_oneGarbageFileFillingTheCap_stillWarnsAboutEveryOtherBadFile() throws IOException {
        Files.writeString(tmp.resolve("lsmod.txt"), "this is not lsmod output at all\n".repeat(3000));
        Files.writeString(tmp.resolve("manifest.json"), "{\"schema\": ");
        Files.write(tmp.resolve("smcss.txt"), new byte[] {'A', 'C', 0, 'T', '\n'});

        Evidence ev = EvidenceBundle.read(tmp);

        assertThat(ev.warnings()).extracting(ParseWarning::source)
                .contains("lsmod.txt", "manifest.json", "smcss.txt", "(all)");
        assertThat(ev.warnings()).filteredOn(w -> w.source().equals("smcss.txt")).first()
                .satisfies(w -> assertThat(w.message()).contains("NUL"));
        assertThat(ev.warnings()).filteredOn(w -> w.source().equals("manifest.json")).first()
                .satisfies(w -> assertThat(w.message()).contains("not valid JSON"));
        assertThat(ev.warnings()).hasSizeLessThanOrEqualTo(EvidenceAssembler.MAX_WARNINGS + 3);
        assertThat(ev.warnings()).last().satisfies(w -> assertThat(w.message()).endsWith("more warnings were not kept"));
    }
}
