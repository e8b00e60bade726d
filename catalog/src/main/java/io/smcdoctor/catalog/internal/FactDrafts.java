package io.smcdoctor.catalog.internal;

import io.smcdoctor.catalog.KnowledgeFact;
import io.smcdoctor.catalog.internal.YamlNode.Mark;
import java.util.List;

/**
 * What one knowledge file contributes in facts ({@code tools}, {@code sysctls}, {@code features}, {@code knownBugs},
 * {@code applications}) before files are merged: each fact with its position and every reference it makes, checked
 * when the files are linked.
 */
final class FactDrafts {
    private FactDrafts() {
    }

    /** What a reference points at. */
    enum Target {
        /** Another fact, by its full id ({@code tool:smcss}). */
        FACT,
        /** A reason code, as lower-case hex. */
        CODE,
        /** A socket option, by name. */
        OPTION
    }

    /**
     * One reference to check.
     *
     * @param target what it points at
     * @param value  the id, hex code or option name
     * @param at     where it is written
     * @param field  the field it is written in, for messages
     */
    record Ref(Target target, String value, Mark at, String field) {
    }

    /**
     * A fact as written in one file.
     *
     * @param fact  the record
     * @param at    where the entry starts
     * @param refs  every reference it makes
     * @param names names users type for it besides its id (a command, a sysctl's full name, an application's
     *              name), each unique across the catalog
     */
    record FactEntry(KnowledgeFact fact, Mark at, List<Ref> refs, List<String> names) {
        FactEntry {
            refs = List.copyOf(refs);
            names = List.copyOf(names);
        }
    }
}
