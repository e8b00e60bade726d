package io.smcdoctor.rules;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Cause;
import io.smcdoctor.catalog.Preconditions.Family;
import io.smcdoctor.catalog.Preconditions.HostFlag;
import io.smcdoctor.catalog.Preconditions.KernelRange;
import io.smcdoctor.catalog.Preconditions.Role;
import io.smcdoctor.catalog.Preconditions;
import io.smcdoctor.evidence.facts.IpFamily;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Leaves out the findings whose cause the evidence contradicts: the catalog states each cause's preconditions as
 * data ({@link Preconditions}), {@link HostContext} says what the evidence decides about the host, and the finding
 * says which sockets (family, role) it explains. A precondition is contradicted only by a value the evidence shows;
 * an unknown value never rules a cause out. Applies to every finding, specific or baseline, bundled or from a rule
 * pack. Stateless.
 *
 * <p>Which host a precondition speaks about: the host that reports the code as its own reason (see
 * {@link Preconditions}). A finding that explains the peer's reason ({@code 0x05000000/X}: the cause is one of X's)
 * was reported by the peer, so this host's kernel, devices and host properties say nothing about it; its sockets are
 * the same connections seen from the other end (the roles swap, and an IPv4 row here may be an IPv4-mapped socket
 * there).
 */
final class PreconditionCheck {
    private PreconditionCheck() {
    }

    /** Findings that stand, and the causes left out with the reason. */
    record Result(List<Finding> kept, Map<String, String> ruledOut) {
    }

    static Result apply(List<Finding> findings, Catalog catalog, HostContext host) {
        List<Finding> kept = new ArrayList<>(findings.size());
        Map<String, String> out = new LinkedHashMap<>();
        for (Finding f : findings) {
            Optional<Cause> cause = catalog.cause(f.causeId());
            Optional<String> why = cause.flatMap(c -> contradiction(c.preconditions(), f, reportedByPeer(f, catalog), host));
            if (why.isPresent()) {
                out.putIfAbsent(f.causeId(), why.get());
            } else {
                kept.add(f);
            }
        }
        // a cause kept by another finding (other sockets, another family) is not ruled out
        for (Finding f : kept) {
            out.remove(f.causeId());
        }
        return new Result(kept, out);
    }

    /** Why the evidence contradicts the preconditions for this finding, if it does. */
    static Optional<String> contradiction(Preconditions p, Finding f, boolean peer, HostContext host) {
        if (p.isNone()) {
            return Optional.empty();
        }
        if (!p.families().isEmpty() && !f.families().isEmpty()) {
            Set<Family> possible = EnumSet.noneOf(Family.class);
            for (IpFamily fam : f.families()) {
                possible.addAll(families(fam, peer));
            }
            if (possible.stream().noneMatch(p.families()::contains)) {
                return Optional.of("the sockets are " + yaml(f.families()) + ", the cause needs " + yaml(p.families()));
            }
        }
        if (!p.roles().isEmpty() && !f.roles().isEmpty()) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (Role r : f.roles()) {
                roles.add(peer ? (r == Role.CLIENT ? Role.SERVER : Role.CLIENT) : r);
            }
            if (roles.stream().noneMatch(p.roles()::contains)) {
                return Optional.of("the cause is reported by the " + yaml(p.roles()) + " end, these sockets are the "
                        + yaml(roles) + " end");
            }
        }
        if (peer) {
            return Optional.empty();
        }
        Optional<String> kernel = kernel(p.kernel(), host);
        if (kernel.isPresent()) {
            return kernel;
        }
        if (!p.devices().isEmpty() && host.devicesComplete()
                && host.devices().stream().noneMatch(p.devices()::contains)) {
            return Optional.of("the host's devices are " + yaml(host.devices()) + ", the cause needs "
                    + yaml(p.devices()));
        }
        for (Map.Entry<HostFlag, Boolean> e : p.host().entrySet()) {
            HostContext.Tri t = host.flag(e.getKey());
            if (t != HostContext.Tri.UNKNOWN && (t == HostContext.Tri.TRUE) != e.getValue()) {
                return Optional.of(yaml(e.getKey()) + " is " + (t == HostContext.Tri.TRUE) + " on this host");
            }
        }
        return Optional.empty();
    }

    /**
     * True when the finding explains the peer's own reason: its codes hold {@code 0x05000000} and the peer's code
     * after it, and its cause is not one of {@code 0x05000000}'s own ("the peer declined").
     */
    static boolean reportedByPeer(Finding f, Catalog catalog) {
        int at = f.codes().indexOf(Codes.PEERDECL);
        if (at < 0 || at == f.codes().size() - 1) {
            return false;
        }
        return catalog.reasonCode(Codes.PEERDECL)
                .map(rc -> rc.causes().stream().noneMatch(c -> c.id().equals(f.causeId())))
                .orElse(true);
    }

    private static Optional<String> kernel(KernelRange k, HostContext host) {
        return host.outside(k);
    }

    /**
     * The families the cause's own host may have used for sockets that show this family here: the same, except that
     * an IPv4 connection may be an IPv4-mapped AF_INET6 socket on the peer (and the other way round).
     */
    private static Set<Family> families(IpFamily seen, boolean peer) {
        return switch (seen) {
            case IPV4 -> peer ? EnumSet.of(Family.IPV4, Family.IPV4_MAPPED) : EnumSet.of(Family.IPV4);
            case IPV4_MAPPED -> peer ? EnumSet.of(Family.IPV4, Family.IPV4_MAPPED) : EnumSet.of(Family.IPV4_MAPPED);
            case IPV6 -> EnumSet.of(Family.IPV6);
            case UNKNOWN -> EnumSet.allOf(Family.class);
        };
    }

    private static String yaml(Set<? extends Enum<?>> values) {
        List<String> out = new ArrayList<>();
        for (Enum<?> v : values) {
            out.add(yaml(v));
        }
        out.sort(null);
        return String.join("/", out);
    }

    private static String yaml(Enum<?> v) {
        return v.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
