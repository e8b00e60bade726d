/**
 * SMC Doctor for embedders: {@link io.smcdoctor.Diagnoser} turns {@link io.smcdoctor.evidence.Evidence} into a ranked
 * {@link io.smcdoctor.DiagnosisReport}; {@link io.smcdoctor.KnowledgeBase} answers questions with
 * {@link io.smcdoctor.Answers}. Exceptions derive from {@link io.smcdoctor.catalog.SmcDoctorException}. See
 * {@code docs/api.md}.
 */
@NullMarked
package io.smcdoctor;

import org.jspecify.annotations.NullMarked;
