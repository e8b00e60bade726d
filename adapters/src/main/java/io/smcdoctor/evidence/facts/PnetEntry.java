package io.smcdoctor.evidence.facts;

import java.util.Objects;

/**
 * One entry of {@code smc_pnet -s}: a PNET ID mapped to an Ethernet or RDMA/ISM device. {@code ethName}/{@code ibName} are {@code n/a} when the entry is of the other kind.
 */
public record PnetEntry(Provenance provenance, String pnetId, String ethName, String ibName, int ibPort) implements Fact {
    public PnetEntry {
        Objects.requireNonNull(provenance, "provenance");
    }
}
