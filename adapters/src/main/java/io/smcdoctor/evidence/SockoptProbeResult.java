package io.smcdoctor.evidence;

import java.util.Objects;

/**
 * The outcome of trying one socket option on a real AF_SMC socket. {@code phase} is {@code before-connect} or {@code established}; {@code outcome} says whether the option worked, failed (with errno) or made the connection fall back (with the fallback code seen afterwards).
 */
public record SockoptProbeResult(Provenance provenance, String level, String name, int value, String phase, ProbeOutcome outcome, int errno, int fallbackCode, String detail) implements Fact {
    public SockoptProbeResult {
        Objects.requireNonNull(provenance, "provenance");
    }
}
