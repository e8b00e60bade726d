package io.smcdoctor.evidence.facts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who and when, from the {@code manifest.json} that {@code collect} writes into a bundle: the host name, the time of
 * collection and the kernel release it recorded. Fields the manifest lacks are empty ({@code ""} or
 * {@link Optional#empty()}); a bundle without a manifest has no such fact.
 *
 * @param provenance the manifest file, line 1
 * @param host       the host name as the collector read it ({@code /proc/sys/kernel/hostname}), or {@code ""}
 * @param time       when the bundle was collected, when the manifest holds a valid ISO-8601 instant
 * @param kernel     the kernel release, or {@code ""}
 */
public record BundleManifest(Provenance provenance, String host, Optional<Instant> time, String kernel)
        implements Fact {
    public BundleManifest {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kernel, "kernel");
    }
}
