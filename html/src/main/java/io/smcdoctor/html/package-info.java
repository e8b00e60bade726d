/**
 * Self-contained HTML pages that know nothing about diagnoses: the page skeleton with its inline stylesheet and
 * script under a hash-based Content-Security-Policy ({@link io.smcdoctor.html.HtmlPage}), escaping of text that came
 * from a customer's host ({@link io.smcdoctor.html.Html}, {@link io.smcdoctor.html.Untrusted}) and bar charts drawn as
 * inline SVG ({@link io.smcdoctor.html.SvgBarChart}). The diagnosis report ({@code diagnose --format html}) and the
 * fleet summary ({@code smc-doctor fleet}) are built from these pieces, so both look alike and share one policy.
 */
@NullMarked
package io.smcdoctor.html;

import org.jspecify.annotations.NullMarked;
