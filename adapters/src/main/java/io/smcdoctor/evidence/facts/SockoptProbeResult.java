package io.smcdoctor.evidence.facts;

import java.util.Objects;

/**
 * The outcome of trying one socket option on a real AF_SMC socket. {@code phase} is {@code before-connect} or
 * {@code established}; {@code outcome} says whether the option worked, failed (with errno) or made the connection fall back (with
 * the fallback code seen afterwards).
 *
 * <p>The probe sets every option to the int 1, which many options refuse on any TCP socket (get-only, struct- or
 * string-valued, range-checked, privileged). So when the AF_SMC call fails, the probe makes the same call on a plain
 * TCP socket of the same family in the same phase: {@code tcpErrno} is its errno ({@code 0} when TCP accepted it),
 * or {@link #NOT_MEASURED} when no control was made (older probe files, or the phase could not be reproduced).
 * Only a fallback, or an AF_SMC result that differs from TCP's, says something about SMC.
 */
public record SockoptProbeResult(Provenance provenance, String level, String name, int value, String phase,
                                 ProbeOutcome outcome, int errno, int fallbackCode, String detail, int tcpErrno)
        implements Fact {
    /** {@link #tcpErrno()} when no plain-TCP control was made. */
    public static final int NOT_MEASURED = -1;

    public SockoptProbeResult {
        Objects.requireNonNull(provenance, "provenance");
    }

    /** A result without a plain-TCP control. */
    public SockoptProbeResult(Provenance provenance, String level, String name, int value, String phase,
                              ProbeOutcome outcome, int errno, int fallbackCode, String detail) {
        this(provenance, level, name, value, phase, outcome, errno, fallbackCode, detail, NOT_MEASURED);
    }

    /** True when the plain-TCP control was made. */
    public boolean tcpMeasured() {
        return tcpErrno != NOT_MEASURED;
    }

    /**
     * True when the AF_SMC socket behaved differently from plain TCP: it fell back, or it failed where TCP succeeded
     * or failed with another errno. False when no control was made and nothing fell back.
     */
    public boolean differsFromTcp() {
        if (outcome == ProbeOutcome.FALLBACK) {
            return true;
        }
        return outcome == ProbeOutcome.ERROR && tcpMeasured() && tcpErrno != errno;
    }
}
