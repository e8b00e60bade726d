/**
 * The evidence model: immutable facts about one host (sockets, devices, link groups, counters, kernel log
 * events, settings), each carrying its {@link io.smcdoctor.evidence.Provenance}. Entry points:
 * {@link io.smcdoctor.evidence.Evidence#builder()} for text an embedder holds, and
 * {@link io.smcdoctor.evidence.EvidenceBundle#read(java.nio.file.Path)} for files and archives.
 */
@NullMarked
package io.smcdoctor.evidence;

import org.jspecify.annotations.NullMarked;
