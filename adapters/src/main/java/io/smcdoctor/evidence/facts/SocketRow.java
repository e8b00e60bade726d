package io.smcdoctor.evidence.facts;

import java.util.Objects;

/**
 * One socket line of an smcss (or smc_dbg / smc_chk) listing.
 *
 * @param provenance where it was read
 * @param state      state as printed ({@code ACTIVE}, {@code LISTEN}, {@code INIT}, {@code PEERFINCLOSEWAIT},
 *                   man-page spellings normalised to the program's), {@code 0x1f?} for unknown values
 * @param uid        user id, -1 when absent
 * @param inode      socket inode, -1 when absent
 * @param local      local address, {@link Endpoint#NONE} when absent
 * @param peer       peer address, {@link Endpoint#NONE} when absent
 * @param intf       interface index of SO_BINDTODEVICE (hex column), -1 when absent
 * @param mode       SMCR, SMCD, TCP (fallback) or NONE
 * @param localCode  local fallback reason ({@code 0} when none)
 * @param peerCode   the peer's reason when the peer declined ({@code 0} when none)
 * @param family     address family of the connection
 * @param role       -R: {@code CLNT}/{@code SERV}; {@code ""} otherwise
 * @param ibDevice   -R: RDMA device name; {@code ""} otherwise
 * @param gid        -R/-D: local GID; {@code ""} otherwise
 * @param peerGid    -R/-D: peer GID; {@code ""} otherwise
 */
public record SocketRow(Provenance provenance, String state, int uid, long inode, Endpoint local, Endpoint peer,
                        int intf, SocketMode mode, int localCode, int peerCode, IpFamily family, String role,
                        String ibDevice, String gid, String peerGid) implements Fact {
    public SocketRow {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(ibDevice, "ibDevice");
        Objects.requireNonNull(gid, "gid");
        Objects.requireNonNull(peerGid, "peerGid");
    }

    /**
     * A row with only the base columns (no -R/-D details). The family is the local address's; a listener on
     * {@code 0.0.0.0} has {@link IpFamily#UNKNOWN} (smcss prints an AF_INET6 listener on {@code ::} so too); a connected
     * socket shown as {@code 0.0.0.0} takes its peer's family.
     */
    public static SocketRow basic(Provenance provenance, String state, int uid, long inode, Endpoint local,
                                  Endpoint peer, int intf, SocketMode mode, int localCode, int peerCode) {
        IpFamily family = !local.isNone() ? local.family() : peer.family();
        if ("LISTEN".equals(state) && local.isAny() && peer.isNone()) {
            family = IpFamily.UNKNOWN;
        }
        if (family == IpFamily.IPV4 && peer.family() != IpFamily.IPV4 && !peer.isNone()) {
            // "0.0.0.0:port" for an AF_INET6 socket bound to :: (smcss prints it as IPv4): trust the peer
            family = peer.family();
        }
        return new SocketRow(provenance, state, uid, inode, local, peer, intf, mode, localCode, peerCode, family,
                "", "", "", "");
    }

    /** True for LISTEN rows. */
    public boolean listening() {
        return "LISTEN".equals(state);
    }

    /** True when the socket fell back to TCP. */
    public boolean fallback() {
        return mode == SocketMode.TCP;
    }

    /**
     * True for an SMC row whose local port is printed as 0: smc_diag takes the port from the CLC (TCP) socket
     * ({@code net/smc/smc_diag.c smc_diag_msg_common_fill()}), which is gone (lab capture rdma-link-removed).
     */
    public boolean clcSocketGone() {
        return !listening() && local.port() == 0 && (mode == SocketMode.SMCR || mode == SocketMode.SMCD);
    }
}
