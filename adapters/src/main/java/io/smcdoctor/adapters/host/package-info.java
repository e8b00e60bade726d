/**
 * Evidence from the live host: {@link io.smcdoctor.adapters.host.LiveCollector} gathers a bundle (tools run
 * with fixed argument lists and timeouts, {@code /proc/sys} values, {@code manifest.json}) and
 * {@link io.smcdoctor.adapters.host.SocketProbe} asks the kernel directly whether {@code socket(AF_SMC)} works
 * and how socket options behave on it. Read what they produce with
 * {@link io.smcdoctor.evidence.EvidenceBundle}.
 */
@NullMarked
package io.smcdoctor.adapters.host;

import org.jspecify.annotations.NullMarked;
