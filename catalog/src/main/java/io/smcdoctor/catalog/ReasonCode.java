package io.smcdoctor.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An SMC CLC decline / fallback reason code ({@code SMC_CLC_DECL_*}) with its meaning, causes and remedies.
 *
 * @param code        the 32-bit code, e.g. {@code 0x03030000}
 * @param name        kernel constant name, e.g. {@code SMC_CLC_DECL_NOSMCDEV}; empty when the code has none
 *                    (e.g. the Alibaba-only {@code 0x0303000c})
 * @param statsName   the name {@code smcr -d stats} prints in its fallback table ({@code NOSMCDEV}); empty when
 *                    smc-tools prints {@code [unknown]} for it
 * @param title       one line
 * @param meaning     what the kernel means by it
 * @param side        which host usually decides it
 * @param origin      which kernels define it
 * @param unused      true when the seed says the kernel never uses it
 * @param causes      the possible root causes, most common first
 * @param remedies    remedies that apply whatever the cause (cause-specific ones live in {@link Cause})
 * @param kernelNotes per-kernel differences
 * @param references  seed section, kernel constant, smc-tools text
 */
public record ReasonCode(int code, String name, String statsName, LocalizedText title, LocalizedText meaning,
                         Side side, Origin origin, boolean unused, List<Cause> causes, List<Remedy> remedies,
                         List<KernelNote> kernelNotes, List<String> references) {
    public ReasonCode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(statsName, "statsName");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(origin, "origin");
        causes = List.copyOf(causes);
        remedies = List.copyOf(remedies);
        kernelNotes = List.copyOf(kernelNotes);
        references = List.copyOf(references);
    }

    /** This code as lower-case 10-character hex, e.g. {@code 0x0303000c}. */
    public String hex() {
        return hex(code);
    }

    /** The constant name, if the code has one. */
    public Optional<String> constant() {
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /** Formats any code as lower-case 10-character hex, e.g. {@code 0x0303000c}. */
    public static String hex(int code) {
        // as String.format("0x%08x", code), without java.util.Formatter (slow on first use, and this runs often)
        String digits = Integer.toHexString(code);
        return "0x" + "0".repeat(8 - digits.length()) + digits;
    }
}
