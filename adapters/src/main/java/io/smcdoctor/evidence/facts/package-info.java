/**
 * Service-provider interface for rule-pack authors: the immutable facts about one host that the evidence parsers
 * produce and the rules match (sockets, devices, link groups, counters, kernel log events, settings, probe results),
 * each carrying the {@link io.smcdoctor.evidence.facts.Provenance} of the line it was read from. A rule pack's DRL
 * imports these types; an embedder reaches them through {@link io.smcdoctor.evidence.Evidence} and rarely needs them.
 */
@NullMarked
package io.smcdoctor.evidence.facts;

import org.jspecify.annotations.NullMarked;
