/** Diagnoser implementation: rule execution, ranking, caching. Not API. */
@NullMarked
package io.smcdoctor.engine.internal;

import org.jspecify.annotations.NullMarked;
