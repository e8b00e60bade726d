/** The {@code smc-doctor} command line (picocli). Entry point: {@link io.smcdoctor.cli.Main}. */
@NullMarked
package io.smcdoctor.cli;

import org.jspecify.annotations.NullMarked;
