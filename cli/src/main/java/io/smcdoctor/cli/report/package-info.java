/**
 * Reports for people outside a terminal: {@link io.smcdoctor.cli.report.ReportDocument} renders a diagnosis as one
 * self-contained HTML page or as Markdown for tickets. The page skeleton ({@code HtmlPage}), the escaping
 * ({@code Html}) and the SVG bar chart ({@code SvgBarChart}) know nothing about diagnoses and are meant to be reused by
 * other pages (a fleet summary).
 */
@NullMarked
package io.smcdoctor.cli.report;

import org.jspecify.annotations.NullMarked;
