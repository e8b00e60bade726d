package io.smcdoctor.catalog.internal;

import io.smcdoctor.catalog.KnowledgeValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The build step that compiles the bundled catalog (run by Maven after the catalog classes are compiled, see
 * {@code catalog/pom.xml}): reads and validates every bundled YAML file as {@link CatalogLoader} does, then writes
 * {@link CatalogCodec#RESOURCE} under the given class output directory. A validation problem fails the build with
 * every problem listed. Not API.
 */
public final class CatalogCompiler {
    private CatalogCompiler() {
    }

    /**
     * Compiles the bundled catalog.
     *
     * @param args the class output directory ({@code target/classes})
     * @throws IOException                  when the compiled form cannot be written
     * @throws KnowledgeValidationException when the bundled YAML is invalid
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CatalogCompiler <class output directory>");
        }
        byte[] bytes = CatalogCodec.encode(CatalogLoader.loadBundledYamlEagerly(), CatalogLoader.bundledCrc());
        Path out = Path.of(args[0]).resolve(CatalogCodec.RESOURCE);
        Files.createDirectories(out.getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
