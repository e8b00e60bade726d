package io.smcdoctor.evidence.facts;

import java.util.Objects;

/**
 * One SMC-R link from {@code smcr linkgroup link-show}.
 */
public record SmcrLink(Provenance provenance, String linkGroupId, String role, String type, String netDev, String state, int connections, String linkUid, String peerLinkUid, String ibDev, int ibPort, String localGid, String peerGid) implements Fact {
    public SmcrLink {
        Objects.requireNonNull(provenance, "provenance");
    }
}
