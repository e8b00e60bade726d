package io.smcdoctor.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A common server, client, runtime, load generator or workload pattern under SMC: whether {@code smc_run} converts
 * it, the socket options it sets that behave differently on AF_SMC sockets, and what to expect.
 *
 * @param id             {@code app:<slug>}, e.g. {@code app:nginx}
 * @param name           the program's name, e.g. {@code nginx}
 * @param category       what kind of program it is
 * @param title          one line
 * @param smcRun         whether {@code smc_run} makes it use SMC
 * @param summary        what happens under SMC
 * @param socketOptions  socket options it sets that matter for SMC
 * @param advice         what to do
 * @param relatedBugs    ids of related known bugs
 * @param relatedSysctls ids of related sysctls
 * @param relatedCodes   reason codes it relates to
 * @param relatedTools   ids of related tools
 * @param verified       true when the application's behaviour was checked in its source
 * @param note           what was checked and what was not
 * @param references     sources
 */
public record Application(String id, String name, Category category, LocalizedText title, SmcRun smcRun,
                          LocalizedText summary, List<OptionUse> socketOptions, LocalizedText advice,
                          List<String> relatedBugs, List<String> relatedSysctls, List<Integer> relatedCodes,
                          List<String> relatedTools, boolean verified, LocalizedText note, List<String> references)
        implements KnowledgeFact {
    public Application {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(smcRun, "smcRun");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(note, "note");
        socketOptions = List.copyOf(socketOptions);
        relatedBugs = List.copyOf(relatedBugs);
        relatedSysctls = List.copyOf(relatedSysctls);
        relatedCodes = List.copyOf(relatedCodes);
        relatedTools = List.copyOf(relatedTools);
        references = List.copyOf(references);
    }

    /** What kind of program an application is. */
    public enum Category {
        /** A server. */
        SERVER,
        /** A client. */
        CLIENT,
        /** A language runtime or framework. */
        RUNTIME,
        /** A benchmark or load generator. */
        LOAD_GENERATOR,
        /** A workload pattern rather than one program. */
        PATTERN
    }

    /** Whether {@code smc_run} makes a program use SMC. */
    public enum SmcRun {
        /** It does. */
        WORKS,
        /** It has no effect (static binaries, runtimes that bypass libc). */
        NO_EFFECT,
        /** It depends on how the program was built or configured. */
        DEPENDS
    }

    /**
     * A socket option (or socket feature) the application sets.
     *
     * @param option socket option names as written, e.g. {@code SO_REUSEPORT} or {@code SO_KEEPALIVE / TCP_KEEPIDLE},
     *               or a feature such as {@code IPv6 listener}
     * @param setBy  the configuration or code that sets it
     * @param effect what happens on an SMC socket
     * @param codes  the fallback reason codes it causes
     */
    public record OptionUse(String option, String setBy, LocalizedText effect, List<Integer> codes) {
        public OptionUse {
            Objects.requireNonNull(option, "option");
            Objects.requireNonNull(setBy, "setBy");
            Objects.requireNonNull(effect, "effect");
            codes = List.copyOf(codes);
        }
    }

    @Override
    public List<String> relatedIds() {
        List<String> out = new ArrayList<>(relatedBugs);
        out.addAll(relatedSysctls);
        out.addAll(relatedTools);
        return List.copyOf(out);
    }

    @Override
    public Kind kind() {
        return Kind.APPLICATION;
    }
}
