/**
 * The language server of SMC Doctor: socket options that break or degrade SMC, shown in an editor while code is
 * written. {@link io.smcdoctor.lsp.SmcDoctorLanguageServer} is the entry point; {@code smc-doctor lsp} runs it on
 * stdin/stdout. Everything else in this package is package-private.
 */
@NullMarked
package io.smcdoctor.lsp;

import org.jspecify.annotations.NullMarked;
