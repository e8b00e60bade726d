package io.smcdoctor.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One row of the socket-option support table.
 *
 * @param level         {@code SOL_SOCKET} or {@code SOL_TCP}
 * @param name          canonical name, e.g. {@code TCP_FASTOPEN}
 * @param value         Linux numeric value (asm-generic, x86_64/arm64)
 * @param support       Y, M or N as in the seed table
 * @param fallbackCodes for N: the fallback code(s) the seed gives (0x03060000, 0x03010001)
 * @param aliases       other names of the same option, e.g. {@code TCP_INQ} for {@code TCP_CM_INQ},
 *                      {@code SO_RCVTIMEO} for {@code SO_RCVTIMEO_OLD}
 * @param note          what happens on an SMC socket and what to do
 * @param kernelNotes   per-kernel differences (e.g. measured on upstream 6.12)
 * @param references    sources
 * @param kernelVerdicts mainline kernel ranges on which the verdict differs from {@code support}, as data, in the
 *                      order they are tried (the first range that holds for a kernel decides)
 */
public record SocketOption(SockoptLevel level, String name, int value, Support support, List<Integer> fallbackCodes,
                           List<String> aliases, LocalizedText note, List<KernelNote> kernelNotes,
                           List<String> references, List<KernelVerdict> kernelVerdicts) {
    public SocketOption {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(support, "support");
        Objects.requireNonNull(note, "note");
        fallbackCodes = List.copyOf(fallbackCodes);
        aliases = List.copyOf(aliases);
        kernelNotes = List.copyOf(kernelNotes);
        references = List.copyOf(references);
        kernelVerdicts = List.copyOf(kernelVerdicts);
    }

    /** A row without kernel ranges: the seed FAQ's verdict holds for every kernel. */
    public SocketOption(SockoptLevel level, String name, int value, Support support, List<Integer> fallbackCodes,
                        List<String> aliases, LocalizedText note, List<KernelNote> kernelNotes,
                        List<String> references) {
        this(level, name, value, support, fallbackCodes, aliases, note, kernelNotes, references, List.of());
    }

    /**
     * What the option does on AF_SMC sockets of a kernel: the first kernel range that holds for it, else the seed
     * FAQ's verdict; for a kernel that does not decide (unknown, a vendor kernel, a stable series whose patch level
     * is unknown) every outcome it leaves possible.
     */
    public OptionVerdict verdictFor(TargetKernel kernel) {
        Objects.requireNonNull(kernel, "kernel");
        return OptionVerdict.of(this, kernel);
    }
}
