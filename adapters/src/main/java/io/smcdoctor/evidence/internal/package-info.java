/**
 * Implementation of evidence reading: line splitting, the parsers (one class per input kind), socket
 * aggregation, bundle archives. Not API: may change in any release.
 */
@NullMarked
package io.smcdoctor.evidence.internal;

import org.jspecify.annotations.NullMarked;
