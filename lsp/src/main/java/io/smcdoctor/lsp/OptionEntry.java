package io.smcdoctor.lsp;

import io.smcdoctor.catalog.KernelNote;
import io.smcdoctor.catalog.LocalizedText;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.Support;
import java.util.List;
import java.util.Objects;

/**
 * What the catalog says about one socket option, as the language server shows it.
 *
 * @param option      the catalog row
 * @param reasons     the catalog entries of the option's fallback codes
 * @param consequence what setting it does on an SMC socket, with the fallback codes and their titles
 */
record OptionEntry(SocketOption option, List<ReasonCode> reasons, LocalizedText consequence) {
    OptionEntry {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(consequence, "consequence");
        reasons = List.copyOf(reasons);
    }

    String name() {
        return option.name();
    }

    Support support() {
        return option.support();
    }

    LocalizedText note() {
        return option.note();
    }

    List<KernelNote> kernelNotes() {
        return option.kernelNotes();
    }

    /** The fallback codes as lower-case hex ({@code 0x03060000}). */
    List<String> fallbackCodes() {
        return option.fallbackCodes().stream().map(ReasonCode::hex).toList();
    }
}
