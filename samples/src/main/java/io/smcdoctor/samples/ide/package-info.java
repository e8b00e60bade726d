/**
 * Sample: how an IDE plugin turns {@link io.smcdoctor.lint.SourceScanner} findings on an open document into editor
 * markers, and {@link io.smcdoctor.SockoptAdvisor} answers into hover text. Entry point:
 * {@link io.smcdoctor.samples.ide.SockoptWarnings}.
 */
@NullMarked
package io.smcdoctor.samples.ide;

import org.jspecify.annotations.NullMarked;
