package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.facts.BinaryLinkage;
import io.smcdoctor.evidence.facts.SourceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An executable given next to the evidence is inspected for static linking (the smc_run symptom). */
class BundleBinaryTest {
    @TempDir
    Path dir;

    @Test
    void read_staticElfBesideSmcss_addsBinaryLinkage() throws Exception {
        Path gateway = dir.resolve("gateway");
        Files.write(gateway, ElfImages.image(true, false, ElfImages.ET_EXEC, "", false, List.of()));
        Path smcss = dir.resolve("smcss.txt");
        Files.writeString(smcss, "State          UID   Inode   Local Address           Peer Address            Intf Mode \n");

        Evidence ev = EvidenceBundle.read(List.of(smcss, gateway));

        assertThat(ev.has(SourceKind.BINARY)).isTrue();
        assertThat(ev.facts(BinaryLinkage.class)).singleElement().satisfies(b -> {
            assertThat(b.elf()).isTrue();
            assertThat(b.staticallyLinked()).isTrue();
            assertThat(b.path()).endsWith("gateway");
        });
    }

    @Test
    void read_dynamicElf_isNotStatic() throws Exception {
        Path app = dir.resolve("app");
        Files.write(app, ElfImages.image(true, false, ElfImages.ET_DYN, "/lib64/ld-linux-x86-64.so.2", true,
                List.of("libc.so.6")));

        Evidence ev = EvidenceBundle.read(app);

        assertThat(ev.facts(BinaryLinkage.class)).singleElement().satisfies(b -> {
            assertThat(b.staticallyLinked()).isFalse();
            assertThat(b.needed()).containsExactly("libc.so.6");
        });
    }
}
