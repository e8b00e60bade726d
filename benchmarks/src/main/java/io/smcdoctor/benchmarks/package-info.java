/** SMC Doctor benchmarks module. */
@NullMarked
package io.smcdoctor.benchmarks;

import org.jspecify.annotations.NullMarked;
