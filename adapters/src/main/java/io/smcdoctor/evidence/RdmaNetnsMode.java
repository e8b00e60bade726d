package io.smcdoctor.evidence;

import java.util.Locale;

/**
 * The RDMA subsystem's network-namespace mode ({@code rdma system}, iproute2 {@code rdma/sys.c}; kernel
 * {@code ib_devices_shared_netns}): in {@code shared} mode every RDMA device is visible in every namespace, in
 * {@code exclusive} mode a device belongs to one namespace ({@code rdma dev set DEV netns NS}), and SMC skips devices
 * not accessible from the connection's namespace ({@code net/smc/smc_pnet.c rdma_dev_access_netns()}).
 */
public enum RdmaNetnsMode {
    /** {@code netns shared}. */
    SHARED,
    /** {@code netns exclusive}. */
    EXCLUSIVE,
    /** Not printed or not recognised. */
    UNKNOWN;

    /** The mode for the text {@code rdma system} prints. */
    public static RdmaNetnsMode of(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "shared":
                return SHARED;
            case "exclusive":
                return EXCLUSIVE;
            default:
                return UNKNOWN;
        }
    }
}
