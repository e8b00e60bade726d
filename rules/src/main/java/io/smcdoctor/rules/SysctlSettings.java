package io.smcdoctor.rules;

import io.smcdoctor.evidence.facts.SysctlSetting;
import java.util.List;

/**
 * Fact: every sysctl setting of the evidence, in one fact (empty without a sysctl listing). A rule that reasons
 * about the listing as a whole (its size, the keys on either side of a missing one) matches this one fact; a rule
 * about one key matches that {@link SysctlSetting}. Settings no rule names are not inserted one by one (a rule base
 * inserts only the facts some rule's pattern can match), so a pattern that would take every setting, such as
 * {@code collect( SysctlSetting() )}, belongs here instead.
 *
 * @param settings the settings, in the order of the listings
 */
public record SysctlSettings(List<SysctlSetting> settings) {
    public SysctlSettings {
        settings = List.copyOf(settings);
    }

    /** How many settings the listings hold. */
    public int size() {
        return settings.size();
    }
}
