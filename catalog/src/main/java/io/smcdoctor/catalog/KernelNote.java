package io.smcdoctor.catalog;

import java.util.Objects;

/**
 * A statement that holds for some kernels only.
 *
 * @param kernels which kernels, as free text a person reads, e.g. {@code "Alibaba Cloud Linux 3 >= 5.10.134-17.3"},
 *                {@code "mainline >= 6.5"}, {@code "upstream 6.12 (measured)"}
 * @param text    what differs
 */
public record KernelNote(String kernels, LocalizedText text) {
    public KernelNote {
        Objects.requireNonNull(kernels, "kernels");
        Objects.requireNonNull(text, "text");
    }
}
