package io.smcdoctor.evidence.facts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One device's line of {@code rdma resource} (iproute2 {@code rdma/res.c}): how many objects of each type the RDMA
 * device holds at the time of the listing. The type names come from the kernel ({@code pd}, {@code cq}, {@code qp},
 * {@code cm_id}, {@code mr}, {@code ctx}, {@code srq} in {@code drivers/infiniband/core/nldev.c}), so the set depends
 * on the kernel; they are kept in the order printed.
 *
 * @param provenance where it was read
 * @param index      the device index printed first
 * @param device     the RDMA device name, e.g. {@code mlx5_0}
 * @param counts     object type to count, in the order printed; counts are not negative
 */
public record RdmaResource(Provenance provenance, int index, String device, Map<String, Long> counts) implements Fact {
    public RdmaResource {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(counts, "counts");
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        counts.forEach((type, count) -> {
            Objects.requireNonNull(type, "counts must not contain a null type");
            if (count == null || count < 0) {
                throw new IllegalArgumentException("count of " + type + " must be a non-negative number: " + count);
            }
        });
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** The count of one object type ({@code "mr"}, {@code "qp"}, ...), empty when the line does not print it. */
    public OptionalLong count(String type) {
        Long c = counts.get(type);
        return c == null ? OptionalLong.empty() : OptionalLong.of(c);
    }
}
