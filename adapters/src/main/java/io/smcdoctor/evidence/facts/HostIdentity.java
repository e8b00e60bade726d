package io.smcdoctor.evidence.facts;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The host a bundle was collected on, as the bundle itself names it: the {@code host} of {@code manifest.json}
 * (written by {@code collect}) or the node name of {@code uname -a}, with the capture time when the manifest gives
 * one. Used to name the hosts of a multi-host diagnosis; the rules do not read it.
 *
 * @param provenance where it was read
 * @param hostname   the host name as printed ({@code (none)} is what busybox {@code uname -a} prints for a host
 *                   without a name, lab capture lab-6.12)
 * @param capturedAt when the bundle was collected, if the manifest says
 */
public record HostIdentity(Provenance provenance, String hostname, Optional<Instant> capturedAt) implements Fact {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    public HostIdentity {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(capturedAt, "capturedAt");
    }

    /**
     * The host name when it names one host: not empty, not a placeholder ({@code (none)}, {@code localhost},
     * {@code localhost.localdomain}) and made of host-name characters only (bundles are untrusted text).
     */
    public Optional<String> usableName() {
        String n = hostname.strip();
        String lower = n.toLowerCase(Locale.ROOT);
        if (lower.equals("localhost") || lower.equals("localhost.localdomain") || !NAME.matcher(n).matches()) {
            return Optional.empty();
        }
        return Optional.of(n);
    }
}
