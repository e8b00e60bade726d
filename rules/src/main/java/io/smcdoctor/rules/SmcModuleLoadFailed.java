package io.smcdoctor.rules;

import io.smcdoctor.evidence.facts.KernelEvent;
import io.smcdoctor.evidence.facts.KernelEventKind;
import java.util.Objects;

/**
 * Fact: the kernel log says the smc module failed to load because of unresolved symbols ("Unknown symbol" or
 * "disagrees about version of symbol", kernel/module/main.c). Computed in Java from the {@link KernelEvent}s, so that
 * the rules that explain it and the rules that must defer to it share one condition.
 *
 * @param event the kernel log line
 */
public record SmcModuleLoadFailed(KernelEvent event) {
    public SmcModuleLoadFailed {
        Objects.requireNonNull(event, "event");
    }

    /** True when the event is a load failure of the smc module (or one of its {@code smc_*} companions). */
    static boolean isOne(KernelEvent e) {
        return (e.kind() == KernelEventKind.MODULE_UNKNOWN_SYMBOL || e.kind() == KernelEventKind.MODULE_SYMBOL_VERSION)
                && e.field("module").startsWith("smc");
    }
}
