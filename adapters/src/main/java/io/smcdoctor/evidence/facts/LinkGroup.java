package io.smcdoctor.evidence.facts;

import java.util.Objects;

/**
 * An SMC-R or SMC-D link group from {@code smcr/smcd linkgroup} (plain table or {@code -d} key/value block). Absent strings are {@code ""}, absent numbers -1.
 */
public record LinkGroup(Provenance provenance, SmcTechnology technology, String id, String role, String type, String vlan, int connections, String pnetId, int version, String peerRelease, String peerHost, String peerOs, String direct, String eid, long sndbufBytes, long rmbBytes) implements Fact {
    public LinkGroup {
        Objects.requireNonNull(provenance, "provenance");
    }
}
