/**
 * Reports for people outside a terminal: {@link io.smcdoctor.cli.report.ReportDocument} renders a diagnosis as one
 * self-contained HTML page or as Markdown for tickets. The page skeleton, the escaping and the SVG bar chart come from
 * {@code io.smcdoctor.html} (module {@code html}), which the fleet summary page uses too.
 */
@NullMarked
package io.smcdoctor.cli.report;

import org.jspecify.annotations.NullMarked;
