/**
 * Evidence input for embedders: {@link io.smcdoctor.evidence.Evidence#builder()} for text an embedder holds,
 * {@link io.smcdoctor.evidence.EvidenceBundle#read(java.nio.file.Path)} for files and archives, and
 * {@link io.smcdoctor.evidence.EvidenceBundle#read(java.util.Map)} for files an embedder holds in memory (by name). The facts an
 * {@link io.smcdoctor.evidence.Evidence} holds are in {@link io.smcdoctor.evidence.facts}.
 */
@NullMarked
package io.smcdoctor.evidence;

import org.jspecify.annotations.NullMarked;
