package io.smcdoctor.evidence;

import java.util.Locale;
import java.util.Optional;

/** The RDMA subsystem's network-namespace mode ({@code rdma system}: {@code netns shared|exclusive}). */
public enum RdmaNetnsMode {
    /** Every network namespace sees every RDMA device. */
    SHARED,
    /** An RDMA device belongs to one network namespace (a container may not see it). */
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
