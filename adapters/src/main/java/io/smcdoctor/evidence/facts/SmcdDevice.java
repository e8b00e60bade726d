package io.smcdoctor.evidence.facts;

import java.util.Objects;

/**
 * One row of {@code smcd device}: an ISM device (SMC-D).
 */
public record SmcdDevice(Provenance provenance, String fid, String type, String pciId, String pchid, boolean inUse, int linkGroups, String pnetId, boolean pnetUserDefined) implements Fact {
    public SmcdDevice {
        Objects.requireNonNull(provenance, "provenance");
    }
}
