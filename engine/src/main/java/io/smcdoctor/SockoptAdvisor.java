package io.smcdoctor;

/** Says whether a socket option works on SMC sockets and what to do. (Placeholder.) */
public final class SockoptAdvisor {
    private SockoptAdvisor() {
    }

    /** The advisor over the bundled catalog. */
    public static SockoptAdvisor bundled() {
        return new SockoptAdvisor();
    }
}
