/** Example: embedding the diagnoser in a Java program, with evidence held as strings. */
@NullMarked
package io.smcdoctor.samples.embed;

import org.jspecify.annotations.NullMarked;
