/** Report assembly behind the Diagnoser: ranking, wording, missing evidence, JSON and text, interface strings. Not API. */
@NullMarked
package io.smcdoctor.engine.internal;

import org.jspecify.annotations.NullMarked;
