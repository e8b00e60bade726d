package io.smcdoctor.evidence.facts;

import java.util.Locale;
import java.util.Optional;

/**
 * The RDMA subsystem's network-namespace mode ({@code rdma system}, iproute2 {@code rdma/sys.c}; kernel
 * {@code ib_devices_shared_netns}): in {@code shared} mode every RDMA device is visible in every namespace, in
 * {@code exclusive} mode a device belongs to one namespace ({@code rdma dev set DEV netns NS}), and SMC skips devices
 * not accessible from the connection's namespace ({@code net/smc/smc_pnet.c rdma_dev_access_netns()}).
 */
public enum RdmaNetnsMode {
    /** {@code netns shared}: every network namespace sees every RDMA device. */
    SHARED,
    /** {@code netns exclusive}: an RDMA device belongs to one network namespace (a container may not see it). */
    EXCLUSIVE;

    /** The mode {@code rdma system} prints as this word, if it is one. */
    public static Optional<RdmaNetnsMode> of(String word) {
        for (RdmaNetnsMode m : values()) {
            if (m.word().equals(word)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The word {@code rdma system} prints: {@code shared} or {@code exclusive}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
