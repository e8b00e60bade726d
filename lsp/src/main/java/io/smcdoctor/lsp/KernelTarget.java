package io.smcdoctor.lsp;

import io.smcdoctor.catalog.KernelNote;
import io.smcdoctor.catalog.LocalizedText;
import java.util.Locale;
import java.util.Optional;

/**
 * Which kernel the code is written for. The catalog's Y/M/N letters are the seed FAQ's (Alibaba Cloud Linux 3
 * kernels); for upstream 6.12 the catalog carries notes measured in the SMC lab ({@code kernelNotes} whose kernels
 * name 6.12), which the server then adds to diagnostics and puts first in hovers. The letters themselves are not
 * changed: the notes are text, not a second support table.
 */
enum KernelTarget {
    /** The seed FAQ's kernels (Alibaba Cloud Linux 3): the Y/M/N table as it is. */
    SEED("seed", new LocalizedText("seed FAQ kernels (Alibaba Cloud Linux 3)",
            "シード FAQ のカーネル (Alibaba Cloud Linux 3)")),
    /** Upstream Linux 6.12, with the notes measured on 6.12.117 in the SMC lab. */
    UPSTREAM_6_12("upstream-6.12", new LocalizedText("upstream 6.12 (measured)", "upstream 6.12 (実測)"));

    private final String id;
    private final LocalizedText label;

    KernelTarget(String id, LocalizedText label) {
        this.id = id;
        this.label = label;
    }

    /** The setting's value: {@code seed} or {@code upstream-6.12}. */
    String id() {
        return id;
    }

    LocalizedText label() {
        return label;
    }

    /** True when a catalog kernel note is about this target. */
    boolean matches(KernelNote note) {
        return this == UPSTREAM_6_12 && note.kernels().contains("6.12");
    }

    /** Parses {@code seed}, {@code upstream-6.12} (also {@code 6.12}, {@code upstream}), case-insensitive. */
    static Optional<KernelTarget> parse(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        switch (v) {
            case "seed":
            case "alinux3":
            case "alibaba":
                return Optional.of(SEED);
            case "upstream-6.12":
            case "upstream":
            case "6.12":
                return Optional.of(UPSTREAM_6_12);
            default:
                return Optional.empty();
        }
    }
}
