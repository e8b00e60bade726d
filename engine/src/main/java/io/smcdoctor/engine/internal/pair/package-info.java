/**
 * Diagnosis of several hosts' evidence together: joining the two ends of each connection ({@link
 * io.smcdoctor.engine.internal.pair.ConnectionJoin}, {@link io.smcdoctor.engine.internal.pair.Addresses}), deciding
 * whether the bundles belong together, and reasoning across them ({@link
 * io.smcdoctor.engine.internal.pair.PairAssembler}). Not API.
 */
@NullMarked
package io.smcdoctor.engine.internal.pair;

import org.jspecify.annotations.NullMarked;
