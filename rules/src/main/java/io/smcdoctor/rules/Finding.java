package io.smcdoctor.rules;

import io.smcdoctor.catalog.Preconditions.Role;
import io.smcdoctor.catalog.Side;
import io.smcdoctor.evidence.facts.Fact;
import io.smcdoctor.evidence.facts.IpFamily;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.facts.SocketGroup;
import io.smcdoctor.evidence.facts.SocketRow;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one rule concluded: a catalog cause, the reason codes it explains, the evidence lines that support it and
 * how specific that evidence is. Several findings for the same cause are merged by the engine.
 *
 * @param causeId         catalog cause id, e.g. {@code nosmcdev-ipv6}
 * @param codes           reason codes the finding explains, in order ({@code 0x05000000} then the peer's code)
 * @param side            which host must be fixed
 * @param specificity     how specific the evidence is, in (0, 1]: 1 = the evidence can only mean this cause
 * @param affectedSockets sockets the finding explains (0 when it is not about sockets)
 * @param evidence        the lines that support the finding
 * @param rule            the name of the rule that concluded it (set by the engine from the rule that inserted it)
 * @param specific        false for the baseline "code observed, cause unknown" findings
 * @param families        address families of the sockets the finding explains (empty: not about sockets, or unknown)
 * @param roles           which end of the connection those sockets are on this host (empty: unknown)
 */
public record Finding(String causeId, List<Integer> codes, Side side, double specificity, long affectedSockets,
                      List<Provenance> evidence, String rule, boolean specific, Set<IpFamily> families,
                      Set<Role> roles) {
    /** Sample rows cited per socket group. */
    static final int ROWS_PER_GROUP = 3;

    public Finding {
        Objects.requireNonNull(causeId, "causeId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(rule, "rule");
        if (!(specificity > 0 && specificity <= 1)) {
            throw new IllegalArgumentException("specificity must be in (0,1], was " + specificity + " for " + causeId);
        }
        if (affectedSockets < 0) {
            throw new IllegalArgumentException("affectedSockets must be >= 0, was " + affectedSockets);
        }
        codes = List.copyOf(codes);
        evidence = List.copyOf(evidence);
        families = Set.copyOf(families);
        roles = Set.copyOf(roles);
    }

    /** This finding, concluded by the named rule. */
    public Finding withRule(String name) {
        return name.equals(rule) ? this : new Finding(causeId, codes, side, specificity, affectedSockets, evidence, name,
                specific, families, roles);
    }

    /** True when the finding explains this reason code. */
    public boolean explains(int code) {
        return codes.contains(code);
    }

    /** Starts a finding for a cause; used from rule consequences. */
    public static Builder of(String causeId) {
        return new Builder(causeId);
    }

    /** Builds a {@link Finding}; not thread-safe (one per rule firing). */
    public static final class Builder {
        private final String causeId;
        private final List<Integer> codes = new ArrayList<>(2);
        private final List<Provenance> evidence = new ArrayList<>(4);
        private Side side = Side.UNKNOWN;
        private double specificity = 0.5;
        private long sockets;
        private String rule = "";
        private boolean specific = true;
        private final Set<IpFamily> families = EnumSet.noneOf(IpFamily.class);
        private final Set<Role> roles = EnumSet.noneOf(Role.class);

        private Builder(String causeId) {
            this.causeId = Objects.requireNonNull(causeId, "causeId");
        }

        /** Adds a reason code the finding explains (0 is ignored). */
        public Builder code(int code) {
            if (code != 0 && !codes.contains(code)) {
                codes.add(code);
            }
            return this;
        }

        /** Adds every code in the list. */
        public Builder codes(List<Integer> more) {
            more.forEach(this::code);
            return this;
        }

        /** The side to fix. */
        public Builder side(Side value) {
            side = Objects.requireNonNull(value, "side");
            return this;
        }

        /** How specific the evidence is: one of the named levels of {@code docs/ranking.md}. */
        public Builder specificity(Specificity level) {
            specificity = level.value();
            return this;
        }

        /** How specific the evidence is, in (0, 1], for the computed levels of {@link Specificity}. */
        public Builder specificity(double value) {
            specificity = value;
            return this;
        }

        /** Adds affected sockets. */
        public Builder sockets(long count) {
            sockets += count;
            return this;
        }

        /** The concluding rule's name; the engine sets it from the rule that inserts the finding, so rules need not. */
        public Builder rule(String name) {
            rule = name;
            return this;
        }

        /** Marks the finding as a baseline (unspecific) one. */
        public Builder baseline() {
            specific = false;
            return this;
        }

        /**
         * What an observed fallback says: its codes (the local one, then the peer's), the sockets, their address
         * family and role, and the socket rows and counter lines that show it.
         */
        public Builder observed(FallbackObserved o) {
            code(o.code());
            code(o.peerCode());
            sockets(o.sockets());
            family(o.family());
            roles.addAll(o.roles());
            return citeAll(o.evidence());
        }

        /** Adds an address family of the sockets explained ({@link IpFamily#UNKNOWN} is ignored). */
        public Builder family(IpFamily family) {
            if (family != IpFamily.UNKNOWN) {
                families.add(family);
            }
            return this;
        }

        /** Cites a fact: its line, or for a socket group its first sample rows (and the group's family). */
        public Builder cite(Fact fact) {
            if (fact instanceof SocketGroup g) {
                family(g.family());
                if (g.servers() > 0) {
                    roles.add(Role.SERVER);
                }
                if (g.clients() > 0) {
                    roles.add(Role.CLIENT);
                }
                List<SocketRow> rows = g.samples();
                for (int i = 0; i < rows.size() && i < ROWS_PER_GROUP; i++) {
                    add(rows.get(i).provenance());
                }
            } else {
                add(fact.provenance());
            }
            return this;
        }

        /** Cites a line directly. */
        public Builder cite(Provenance provenance) {
            add(provenance);
            return this;
        }

        /** Cites every line in the list. */
        public Builder citeAll(List<Provenance> lines) {
            lines.forEach(this::add);
            return this;
        }

        private void add(Provenance p) {
            if (!evidence.contains(p)) {
                evidence.add(p);
            }
        }

        /** The finding. */
        public Finding build() {
            return new Finding(causeId, codes, side, specificity, sockets, evidence, rule, specific, families, roles);
        }
    }
}
