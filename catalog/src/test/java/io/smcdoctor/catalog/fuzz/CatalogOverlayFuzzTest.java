package io.smcdoctor.catalog.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.KnowledgeValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes the catalog loader with overlay files: whatever the bytes, {@link Catalog#load(Path...)} returns a catalog
 * or throws {@link KnowledgeValidationException} listing problems with the overlay's file name; nothing else may
 * escape (no parser exception, no stack overflow, no runaway memory).
 *
 * <p>In {@code mvn verify} this replays
 * {@code src/test/resources/io/smcdoctor/catalog/fuzz/CatalogOverlayFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes
 * for real (see SECURITY.md).
 */
class CatalogOverlayFuzzTest {
    private static final Path DIR = tempDir();

    private static Path tempDir() {
        try {
            Path d = Files.createTempDirectory("smc-doctor-catalog-fuzz");
            d.toFile().deleteOnExit();
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void overlay_loadsOrIsRefusedWithProblems_neverCrashes(byte[] yaml) throws IOException {
        Path overlay = DIR.resolve("overlay.yaml");
        Files.write(overlay, yaml);
        try {
            Catalog c = Catalog.load(overlay);
            assertThat(c.reasonCodes()).isNotEmpty();
            c.reasonCodes().forEach(rc -> assertThat(c.reasonCode(rc.code())).isPresent());
            c.socketOptions().forEach(o -> assertThat(c.socketOption(o.level(), o.name())).isPresent());
        } catch (KnowledgeValidationException e) {
            assertThat(e.problems()).isNotEmpty();
            assertThat(e.problems()).allSatisfy(p -> {
                assertThat(p.file()).isNotBlank();
                assertThat(p.message()).isNotBlank();
                assertThat(p.line()).isGreaterThanOrEqualTo(0);
            });
            assertThat(e.getMessage()).isNotBlank();
        } finally {
            Files.deleteIfExists(overlay);
        }
    }
}
