/** SMC Doctor cli module. */
@NullMarked
package io.smcdoctor.cli;

import org.jspecify.annotations.NullMarked;
