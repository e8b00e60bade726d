package io.smcdoctor.evidence.facts;

import java.util.Objects;

/**
 * One sysctl, e.g. {@code net.smc.tcp2smc = 1}. Keys use dots.
 */
public record SysctlSetting(Provenance provenance, String key, String value) implements Fact {
    public SysctlSetting {
        Objects.requireNonNull(provenance, "provenance");
    }
}
