/** SMC Doctor rules module. */
@NullMarked
package io.smcdoctor.rules;

import org.jspecify.annotations.NullMarked;
