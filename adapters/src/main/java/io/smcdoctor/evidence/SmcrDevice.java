package io.smcdoctor.evidence;

import java.util.Objects;

/**
 * One row of {@code smcr device}: an RDMA device port usable by SMC-R. Strings are {@code ""} when the column is absent; numbers -1.
 */
public record SmcrDevice(Provenance provenance, String netDev, String ibDev, int ibPort, String state, String type, boolean critical, String fid, String pciId, String pchid, int links, String pnetId, boolean pnetUserDefined) implements Fact {
    public SmcrDevice {
        Objects.requireNonNull(provenance, "provenance");
    }
}
