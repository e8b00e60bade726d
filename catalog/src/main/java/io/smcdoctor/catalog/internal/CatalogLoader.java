package io.smcdoctor.catalog.internal;

import io.smcdoctor.catalog.Catalog;
import java.nio.file.Path;
import java.util.List;

/** Loads and validates catalog YAML. (Placeholder: the loader lands with the catalog data.) */
public final class CatalogLoader {
    private CatalogLoader() {
    }

    /** The bundled catalog. */
    public static Catalog bundled() {
        throw new UnsupportedOperationException("catalog loader not implemented yet");
    }

    /** The bundled catalog plus overlays. */
    public static Catalog load(List<Path> overlays) {
        throw new UnsupportedOperationException("catalog loader not implemented yet");
    }
}
