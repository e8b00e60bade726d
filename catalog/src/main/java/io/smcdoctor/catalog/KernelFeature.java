package io.smcdoctor.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An SMC feature of the Linux kernel with the mainline release that added it and what changes for users.
 *
 * @param id             {@code feature:<slug>}, e.g. {@code feature:loopback-ism}
 * @param aliases        identifiers users type for the feature ({@code AF_SMC}, {@code IPPROTO_SMC}); may be empty
 * @param title          one line
 * @param addedIn        the first mainline release ({@code 6.10}); empty when not established
 * @param commits        the commits that added it
 * @param verified       true when the commits and the release were checked in the kernel history
 * @param note           how the release was established
 * @param userImpact     what the feature changes for users
 * @param config         the kernel config option it needs, empty when none
 * @param relatedSysctls ids of related sysctls
 * @param relatedCodes   reason codes it relates to
 * @param relatedTools   ids of related tools
 * @param relatedBugs    ids of related known bugs
 * @param references     sources
 */
public record KernelFeature(String id, List<String> aliases, LocalizedText title, String addedIn, List<Commit> commits, boolean verified,
                            LocalizedText note, LocalizedText userImpact, String config, List<String> relatedSysctls,
                            List<Integer> relatedCodes, List<String> relatedTools, List<String> relatedBugs,
                            List<String> references) implements KnowledgeFact {
    public KernelFeature {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(addedIn, "addedIn");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(userImpact, "userImpact");
        Objects.requireNonNull(config, "config");
        aliases = List.copyOf(aliases);
        commits = List.copyOf(commits);
        relatedSysctls = List.copyOf(relatedSysctls);
        relatedCodes = List.copyOf(relatedCodes);
        relatedTools = List.copyOf(relatedTools);
        relatedBugs = List.copyOf(relatedBugs);
        references = List.copyOf(references);
    }

    /**
     * A kernel commit.
     *
     * @param id    abbreviated or full commit id (12 to 40 hex digits)
     * @param title its subject line
     */
    public record Commit(String id, String title) {
        public Commit {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
        }
    }

    @Override
    public LocalizedText summary() {
        return userImpact;
    }

    @Override
    public List<String> relatedIds() {
        List<String> out = new ArrayList<>(relatedSysctls);
        out.addAll(relatedTools);
        out.addAll(relatedBugs);
        return List.copyOf(out);
    }

    @Override
    public Kind kind() {
        return Kind.FEATURE;
    }
}
