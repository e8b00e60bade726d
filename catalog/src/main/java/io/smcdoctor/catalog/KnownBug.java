package io.smcdoctor.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A fixed SMC bug a user may still run into on an older kernel (or smc-tools), keyed by the functions its splat
 * or report names, with the release that fixed it.
 *
 * @param id             {@code bug:<slug>}, e.g. {@code bug:smc-cdc-tx-handler-uaf}
 * @param title          one line
 * @param commit         the fixing commit (12 to 40 hex digits)
 * @param commitTitle    its subject line
 * @param fixedIn        the first release with the fix: a mainline release ({@code 6.13}) for the kernel, an
 *                       smc-tools release ({@code 1.8.4}) for smc-tools; empty when not established
 * @param stable         stable releases or branches known to carry the fix, as text
 * @param cve            the CVE id, empty when none is known
 * @param introducedBy   the commit that introduced the bug, empty when not known
 * @param effect         what a user sees
 * @param component      {@code kernel} or {@code smc-tools}
 * @param errno          the error number a call fails with, for {@link Effect#ERRNO}; empty otherwise
 * @param splatFunctions the functions a splat, oops or report names (what a pasted trace is matched on)
 * @param description    what goes wrong
 * @param trigger        when it happens
 * @param action         what to do
 * @param verified       true when the commit and the release were checked in the kernel history
 * @param note           how the release was established
 * @param references     sources
 */
public record KnownBug(String id, LocalizedText title, String commit, String commitTitle, String fixedIn,
                       List<String> stable, String cve, String introducedBy, Effect effect, String component,
                       String errno, List<String> splatFunctions, LocalizedText description, LocalizedText trigger,
                       LocalizedText action, boolean verified, LocalizedText note, List<String> references)
        implements KnowledgeFact {
    /** The component of kernel bugs. */
    public static final String KERNEL = "kernel";

    public KnownBug {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(commitTitle, "commitTitle");
        Objects.requireNonNull(fixedIn, "fixedIn");
        Objects.requireNonNull(cve, "cve");
        Objects.requireNonNull(introducedBy, "introducedBy");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(errno, "errno");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(note, "note");
        stable = List.copyOf(stable);
        splatFunctions = List.copyOf(splatFunctions);
        references = List.copyOf(references);
    }

    /** What a user sees when the bug hits. */
    public enum Effect {
        /** A kernel WARNING. */
        WARNING,
        /** A KASAN report (use-after-free, out-of-bounds). */
        KASAN,
        /** A refcount_t warning. */
        REFCOUNT,
        /** A NULL pointer dereference oops. */
        NULL_DEREF,
        /** A general protection fault. */
        GPF,
        /** A hang: a task or connection waits forever. */
        HANG,
        /** A lockdep report. */
        LOCKDEP,
        /** Leaked sockets or memory. */
        LEAK,
        /** Corrupted application data. */
        DATA_CORRUPTION,
        /** Unexpected fallbacks to TCP. */
        FALLBACK,
        /** A system call fails with an error number. */
        ERRNO,
        /** A crash (oops, panic, segfault). */
        OOPS,
        /** Slowness. */
        PERFORMANCE
    }

    @Override
    public LocalizedText summary() {
        return description;
    }

    @Override
    public List<Integer> relatedCodes() {
        return List.of();
    }

    @Override
    public List<String> relatedIds() {
        return List.of();
    }

    @Override
    public Kind kind() {
        return Kind.BUG;
    }
}
