package io.smcdoctor.rules;

import io.smcdoctor.evidence.facts.LoadedModule;
import java.util.List;

/**
 * Fact: every module the lsmod listings name, in one fact (empty without lsmod). A rule that needs the listing as a
 * whole ("lsmod lists modules, but not smc") matches this one fact; a rule about one module matches that
 * {@link LoadedModule} ({@code LoadedModule( name == "smc" )}). Modules that no rule names are not inserted one by
 * one (a rule base inserts only the facts some rule's pattern can match), so a pattern that would take every
 * module, such as {@code exists LoadedModule()}, belongs here instead.
 *
 * @param modules the modules, in the order of the listings
 */
public record LoadedModules(List<LoadedModule> modules) {
    public LoadedModules {
        modules = List.copyOf(modules);
    }

    /** True when the listings name at least one module. */
    public boolean any() {
        return !modules.isEmpty();
    }
}
