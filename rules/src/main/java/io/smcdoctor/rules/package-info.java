/**
 * The diagnosis rules and what a rule-pack author writes against: the facts the rules see besides the evidence
 * ({@link io.smcdoctor.rules.FallbackObserved}, {@link io.smcdoctor.rules.SymptomMatch},
 * {@link io.smcdoctor.rules.InputPresent}, {@link io.smcdoctor.rules.SmcModuleLoadFailed},
 * {@link io.smcdoctor.rules.LoadedModules}, {@link io.smcdoctor.rules.SysctlSettings},
 * {@link io.smcdoctor.rules.RuledOut}), what a rule concludes ({@link io.smcdoctor.rules.Finding} with a
 * {@link io.smcdoctor.rules.Specificity}) and the helpers rules call ({@link io.smcdoctor.rules.RuleFunctions},
 * {@link io.smcdoctor.rules.Codes}). {@link io.smcdoctor.rules.RuleBase} loads the compiled rules and packs.
 */
@NullMarked
package io.smcdoctor.rules;

import org.jspecify.annotations.NullMarked;
