/** SMC Doctor engine module. */
@NullMarked
package io.smcdoctor.engine;

import org.jspecify.annotations.NullMarked;
