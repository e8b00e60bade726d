/**
 * Finds socket options in source code that break or degrade SMC: {@link io.smcdoctor.lint.SourceScanner} scans
 * C/C++, Java, Go, Python and Rust text or directory trees and returns {@link io.smcdoctor.lint.LintFinding}s with
 * file, line and column in a {@link io.smcdoctor.lint.LintReport}, which also writes them as SARIF 2.1.0.
 */
@NullMarked
package io.smcdoctor.lint;

import org.jspecify.annotations.NullMarked;
