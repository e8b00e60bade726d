package io.smcdoctor.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.KnowledgeFact;
import io.smcdoctor.catalog.internal.FactDrafts.FactEntry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiled form of the bundled catalog, which the build writes from the YAML (CatalogCompiler in
 * process-classes), holds exactly what the YAML loader builds from the same files, and is used only when it was
 * compiled from the YAML on the class path.
 */
class CatalogCodecTest {
    private static byte[] form;
    private static DefaultCatalog yaml;
    private static DefaultCatalog compiled;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = CatalogCodecTest.class.getClassLoader().getResourceAsStream(CatalogCodec.RESOURCE)) {
            assertThat(in).as("the build writes " + CatalogCodec.RESOURCE + " (catalog/pom.xml, process-classes)")
                    .isNotNull();
            form = in.readAllBytes();
        }
        yaml = CatalogLoader.loadBundledYamlEagerly();
        compiled = CatalogCodec.decode(form);
    }

    @Test
    void theCompiledFormHoldsWhatTheYamlLoaderBuilds() {
        assertThat(compiled.reasonCodes()).isNotEmpty().isEqualTo(yaml.reasonCodes());
        assertThat(compiled.symptoms()).isNotEmpty().isEqualTo(yaml.symptoms());
        assertThat(compiled.socketOptions()).isNotEmpty().isEqualTo(yaml.socketOptions());
        assertThat(compiled.tools()).isNotEmpty().isEqualTo(yaml.tools());
        assertThat(compiled.sysctls()).isNotEmpty().isEqualTo(yaml.sysctls());
        assertThat(compiled.kernelFeatures()).isNotEmpty().isEqualTo(yaml.kernelFeatures());
        assertThat(compiled.knownBugs()).isNotEmpty().isEqualTo(yaml.knownBugs());
        assertThat(compiled.applications()).isNotEmpty().isEqualTo(yaml.applications());
    }

    @Test
    void factsKeepTheNamesUsersType() {
        List<FactEntry> want = yaml.facts().entries();
        List<FactEntry> got = compiled.facts().entries();
        assertThat(got).hasSameSizeAs(want);
        for (int i = 0; i < want.size(); i++) {
            assertThat(got.get(i).fact()).isEqualTo(want.get(i).fact());
            assertThat(got.get(i).names()).isEqualTo(want.get(i).names());
        }
        for (FactEntry e : want) {
            for (String name : e.names()) {
                assertThat(compiled.fact(name).map(KnowledgeFact::id)).as(name).contains(e.fact().id());
            }
        }
        assertThat(compiled.suggestions("limit_smc_h", 3)).isEqualTo(yaml.suggestions("limit_smc_h", 3));
    }

    @Test
    void lookupsAnswerAlike() {
        for (String text : List.of("TCP 0x05000000/0x03030000", "NOSMCDEV", "SMC_CLC_DECL_PEERNOSMC", "0x0303000c",
                "PEER_NO_SMC")) {
            assertThat(compiled.reasonCodes(text)).as(text).isEqualTo(yaml.reasonCodes(text));
        }
        assertThat(compiled.socketOption("SOL_TCP:TCP_NODELAY")).isEqualTo(yaml.socketOption("SOL_TCP:TCP_NODELAY"));
        yaml.symptoms().forEach(s -> s.causes().forEach(c ->
                assertThat(compiled.cause(c.id())).as(c.id()).contains(c)));
    }

    @Test
    void theFormInTheBuildWasCompiledFromTheYamlBesideIt() throws IOException {
        assertThat(CatalogCodec.yamlCrc(form)).isEqualTo(CatalogLoader.bundledCrc());
        // so the bundled catalog is the compiled one, and equal to the YAML's
        assertThat(Catalog.bundled().reasonCodes()).isEqualTo(yaml.reasonCodes());
    }

    /** From a jar the stamp uses the CRC-32 the jar stores per entry: the same value as the CRC-32 of the bytes. */
    @Test
    void aJarsStoredCrcIsTheCrcOfTheBytes(@TempDir Path dir) throws IOException {
        byte[] yaml;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(CatalogLoader.RESOURCE_DIR
                + "reason-codes.yaml")) {
            yaml = in.readAllBytes();
        }
        Path jar = dir.resolve("catalog.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(CatalogLoader.RESOURCE_DIR + "reason-codes.yaml"));
            out.write(yaml);
            out.closeEntry();
        }
        CRC32 crc = new CRC32();
        crc.update(yaml);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            URL url = loader.getResource(CatalogLoader.RESOURCE_DIR + "reason-codes.yaml");
            assertThat(url.getProtocol()).isEqualTo("jar");
            assertThat(CatalogLoader.storedCrc(url)).isEqualTo(crc.getValue());
        }
        assertThat(CatalogLoader.storedCrc(getClass().getClassLoader().getResource(CatalogLoader.RESOURCE_DIR
                + "reason-codes.yaml"))).as("a directory stores none").isEqualTo(-1);
    }

    @Test
    void encodingIsDeterministic() throws IOException {
        assertThat(CatalogCodec.encode(compiled, CatalogLoader.bundledCrc())).isEqualTo(form);
    }

    @Test
    void aStaleOrDamagedFormIsNotUsed() throws IOException {
        long crc = CatalogLoader.bundledCrc();
        assertThat(CatalogLoader.compiled(form, crc)).isPresent();
        // compiled from other YAML (a file edited after the build): the loader reads the YAML instead
        assertThat(CatalogLoader.compiled(form, crc ^ 1)).isEmpty();
        assertThat(CatalogLoader.compiled(null, crc)).isEmpty();
        byte[] truncated = Arrays.copyOf(form, form.length / 2);
        assertThat(CatalogLoader.compiled(truncated, crc)).isEmpty();
        assertThatThrownBy(() -> CatalogCodec.decode(truncated)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncated");
        byte[] otherFormat = form.clone();
        otherFormat[7]++; // the format version
        assertThat(CatalogLoader.compiled(otherFormat, crc)).isEmpty();
        assertThat(Optional.of(CatalogCodec.yamlCrc(new byte[3]))).contains(-1L);
    }
}
