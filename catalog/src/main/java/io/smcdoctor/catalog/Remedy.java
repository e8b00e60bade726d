package io.smcdoctor.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A fix: one sentence saying what to do and the exact commands that do it (may be empty when the fix
 * is not a command, e.g. "use AF_INET instead of AF_INET6 in the application), and the kernels it is for.
 *
 * <p>{@code kernel} is the range of kernels whose evidence makes the remedy applicable, as in a cause's
 * preconditions ({@link Preconditions.KernelRange}: families, {@code since}, {@code before}); a report leaves out a
 * remedy whose range the host's kernel contradicts (a sysctl the kernel does not have), and shows every remedy when
 * the kernel is unknown. {@link Preconditions.KernelRange#ANY} for a remedy that works on every kernel.
 */
public record Remedy(LocalizedText summary, List<String> commands, Preconditions.KernelRange kernel) {
    public Remedy {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(kernel, "kernel");
        commands = List.copyOf(commands);
    }

    /** A remedy for every kernel. */
    public Remedy(LocalizedText summary, List<String> commands) {
        this(summary, commands, Preconditions.KernelRange.ANY);
    }
}
