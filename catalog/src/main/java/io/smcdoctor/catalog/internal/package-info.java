/** Catalog loading and validation. Not API. */
@NullMarked
package io.smcdoctor.catalog.internal;

import org.jspecify.annotations.NullMarked;
