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
 */
public record SocketOption(SockoptLevel level, String name, int value, Support support, List<Integer> fallbackCodes,
                           List<String> aliases, LocalizedText note, List<KernelNote> kernelNotes,
                           List<String> references) {
    public SocketOption {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(support, "support");
        Objects.requireNonNull(note, "note");
        fallbackCodes = List.copyOf(fallbackCodes);
        aliases = List.copyOf(aliases);
        kernelNotes = List.copyOf(kernelNotes);
        references = List.copyOf(references);
    }
}
