package io.smcdoctor.evidence;

import java.util.Objects;

/**
 * The outcome of trying one socket option on a real AF_SMC socket. {@code phase} is {@code before-connect} or {@code established}; {@code outcome} is {@code ok}, {@code error} (with errno) or {@code fallback} (with the fallback code seen afterwards).
 */
public record SockoptProbeResult(Provenance provenance, String level, String name, int value, String phase, String outcome, int errno, int fallbackCode, String detail) implements Fact {
    public SockoptProbeResult {
        Objects.requireNonNull(provenance, "provenance");
    }
}
