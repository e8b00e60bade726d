/** SMC Doctor samples module. */
@NullMarked
package io.smcdoctor.samples;

import org.jspecify.annotations.NullMarked;
