package io.smcdoctor.rules;

import io.smcdoctor.catalog.KernelVerdict;
import io.smcdoctor.catalog.TargetKernel;
import io.smcdoctor.evidence.facts.SockoptProbeResult;
import java.util.Objects;

/**
 * Fact: a socket-option probe result without the plain-TCP control whose error is the one the catalog's kernel range
 * gives AF_SMC sockets on this host's kernel (SO_REUSEPORT → EOPNOTSUPP on 6.13, 6.12.9, 6.6.70, 6.1.124, 5.15.176
 * and later). The kernel code then says the result differs from TCP, which the missing control cannot. Computed in
 * Java from the probe results, the host's {@code uname} and the catalog.
 *
 * @param result  the probe result
 * @param kernel  the host's kernel
 * @param verdict the catalog's kernel range that decides the option on that kernel
 */
public record SockoptErrorExplained(SockoptProbeResult result, TargetKernel kernel, KernelVerdict verdict) {
    public SockoptErrorExplained {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(verdict, "verdict");
    }
}
