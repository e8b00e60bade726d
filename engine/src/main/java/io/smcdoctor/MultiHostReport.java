package io.smcdoctor;

import io.smcdoctor.DiagnosisReport.MissingEvidence;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.engine.internal.pair.PairJson;
import io.smcdoctor.engine.internal.pair.PairText;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.facts.SocketGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link Diagnoser#diagnose(List)}: each host's own report, unchanged, and the diagnosis of the hosts
 * together: ranked causes with the host to change and evidence cited {@code host:file:line}, causes one host offered
 * that the other's evidence rules out, and how the hosts' connections join. Immutable and thread-safe.
 *
 * @param hosts     the hosts in the order given, each with its single-host report
 * @param diagnoses ranked, most likely first: problems and warnings before information, then by confidence
 * @param ruledOut  causes offered for a peer's code that the peer's own evidence rules out
 * @param missingEvidence inputs that would let the diagnosis decide more, each with the host to run it on (a host's
 *                  request for its peer's files goes to the peer, and is left out when the peer's bundle has them)
 * @param pairings  one per pair of hosts, in the order given
 * @param language  the language of the text fields
 */
public record MultiHostReport(List<Host> hosts, List<HostDiagnosis> diagnoses, List<RuledOutCause> ruledOut,
                              List<Missing> missingEvidence, List<HostPairing> pairings, Language language) {
    /** The JSON schema: the single-host schema with fields added ({@code hosts}, {@code connections}, ...). */
    public static final String SCHEMA = DiagnosisReport.SCHEMA;

    public MultiHostReport {
        Objects.requireNonNull(language, "language");
        hosts = List.copyOf(hosts);
        diagnoses = List.copyOf(diagnoses);
        ruledOut = List.copyOf(ruledOut);
        missingEvidence = List.copyOf(missingEvidence);
        pairings = List.copyOf(pairings);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("a report of several hosts needs at least one host");
        }
    }

    /**
     * One host of the report.
     *
     * @param name       the name the report cites it by: the bundle's host name when it names one (and no other host
     *                   has it), else the label
     * @param label      the caller's label ({@link HostEvidence#label()})
     * @param capturedAt when the bundle was collected, if its manifest says
     * @param report     the host's own diagnosis, exactly as {@link Diagnoser#diagnose(io.smcdoctor.evidence.Evidence)}
     *                   gives it
     */
    public record Host(String name, String label, Optional<Instant> capturedAt, DiagnosisReport report) {
        public Host {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(capturedAt, "capturedAt");
            Objects.requireNonNull(report, "report");
        }
    }

    /**
     * Input one host should provide.
     *
     * @param host     the host to run the command on
     * @param evidence what, the command and why
     */
    public record Missing(String host, MissingEvidence evidence) {
        public Missing {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(evidence, "evidence");
        }
    }

    /** The most likely diagnosis, if any. */
    public Optional<HostDiagnosis> top() {
        return diagnoses.isEmpty() ? Optional.empty() : Optional.of(diagnoses.get(0));
    }

    /** The diagnosis of a cause id, if concluded. */
    public Optional<HostDiagnosis> diagnosis(String id) {
        return diagnoses.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** A host by its name in the report. */
    public Optional<Host> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    /**
     * The report as JSON: schema {@code smc-doctor/diagnosis/v1} with fields added ({@code hosts}, {@code connections},
     * {@code ruledOut}; {@code host} and {@code fixOn} on each diagnosis, {@code host} on each evidence line), as
     * {@code docs/two-hosts.md} describes.
     */
    public String toJson() {
        return PairJson.write(this);
    }

    /** The report as text for people: the hosts and how they join, the causes with the host to fix, then each host. */
    public String toText() {
        return PairText.render(this);
    }

    /**
     * An evidence line of one host in a report of several hosts, cited as {@code host:file:line}.
     *
     * @param host the host's name in the report
     * @param line the file, line and text
     */
    public record HostCitation(String host, Provenance line) {
        public HostCitation {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(line, "line");
        }

        /** {@code host:file:line} ({@code host:file} for a whole file). */
        @Override
        public String toString() {
            return host + ":" + line.source() + (line.line() > 0 ? ":" + line.line() : "");
        }
    }

    /**
     * One ranked root cause in a report of several hosts: the diagnosis as the concluding host's report has it, the
     * host to change, and the evidence of every host that supports it.
     *
     * @param rank           1 = most likely
     * @param diagnosis      the diagnosis of the host whose evidence concluded it (id, title, severity, side, codes,
     *                       remedies, explanation; its own evidence and confidence are that host's alone)
     * @param concludedOn    the hosts whose rules concluded this cause from their own evidence (two when both ends show
     *                       it, e.g. "SMC-R works")
     * @param fixOn          the hosts to change: one host; both when either end can be changed (side {@code either},
     *                       e.g. UEIDs that differ) or when each must be (both miss what the cause needs, e.g. a UEID);
     *                       none for a status or when the host to change is not among the bundles
     * @param fixEach        true when every host of {@code fixOn} must be changed, false when changing one suffices
     * @param confidence     0..1: the concluding host's confidence, raised when the other end's observation confirms it
     *                       (docs/two-hosts.md)
     * @param evidence       the lines of every host that support it, each cited {@code host:file:line}
     * @param corroboratedBy what the other end saw that this cause explains (a peer's decline, the same cause seen from
     *                       the other end)
     */
    public record HostDiagnosis(int rank, Diagnosis diagnosis, List<String> concludedOn, List<String> fixOn,
                                boolean fixEach, double confidence, List<HostCitation> evidence,
                                List<Corroboration> corroboratedBy) {
        public HostDiagnosis {
            Objects.requireNonNull(diagnosis, "diagnosis");
            if (rank < 1) {
                throw new IllegalArgumentException("rank must be >= 1, was " + rank);
            }
            if (confidence < 0 || confidence > 1) {
                throw new IllegalArgumentException("confidence must be in [0,1], was " + confidence);
            }
            concludedOn = List.copyOf(concludedOn);
            if (concludedOn.isEmpty()) {
                throw new IllegalArgumentException("a diagnosis is concluded on at least one host: " + diagnosis.id());
            }
            fixOn = List.copyOf(fixOn);
            evidence = List.copyOf(evidence);
            corroboratedBy = List.copyOf(corroboratedBy);
        }

        /** The catalog cause id. */
        public String id() {
            return diagnosis.id();
        }

        /**
         * A diagnosis of the other end that this one explains or confirms.
         *
         * @param host        the other end's name
         * @param id          the cause id the other end's rules concluded (e.g. {@code peerdecl-peer-declined})
         * @param reasonCodes the codes it names ({@code 0x05000000} then the peer's code)
         */
        public record Corroboration(String host, String id, List<Integer> reasonCodes) {
            public Corroboration {
                Objects.requireNonNull(host, "host");
                Objects.requireNonNull(id, "id");
                reasonCodes = List.copyOf(reasonCodes);
            }
        }
    }

    /**
     * How two hosts' evidence belongs together: the connections found on both ends (a socket {@code L:l -> P:p} on one
     * host and {@code P:p -> L:l} on the other, addresses compared tolerantly), the link groups that name each other,
     * and whether the two bundles tell one story.
     *
     * @param hostA          the first host's name
     * @param hostB          the second host's name
     * @param relation       what the evidence says about the two bundles
     * @param consistent     false when joined connections disagree (one end SMC-R, the other TCP; a different code on
     *                       each end): the bundles are probably not from the same moment
     * @param contradicting  joined connections whose two ends disagree
     * @param joined         connections found on both hosts
     * @param joinedByCut    of those, joined only through an address {@code smcss} cut ({@code ..}): probably the same
     * @param joinedByPortZero of those, joined with port 0 on one end (the connection's TCP socket is gone)
     * @param ambiguous      rows that fit several rows of the other host, left unjoined
     * @param ambiguousRows  some of them, cited on host A
     * @param unmatchedA     connected rows of host A without a partner on B
     * @param unmatchedB     connected rows of host B without a partner on A
     * @param groups         joined connections by the socket group each end shows
     * @param linkGroups     link groups joined by their link UIDs or GIDs ({@code smcr -dd linkgroup link-show}) or by
     *                       the peer host names of {@code smcr -d linkgroup}
     * @param linkGroupsFit  link groups that only fit each other (client and server role, same EID and version)
     * @param capturedApart  how far apart the two bundles were collected, when both manifests say
     * @param countersByTime true when nothing better joins the hosts and the {@code smcr -d stats} counters of both are
     *                       read together only because the bundles were collected close in time
     */
    public record HostPairing(String hostA, String hostB, Relation relation, boolean consistent, long contradicting,
                              long joined,
                              long joinedByCut, long joinedByPortZero, long ambiguous, List<HostCitation> ambiguousRows,
                              long unmatchedA, long unmatchedB, List<JoinedGroups> groups, int linkGroups,
                              int linkGroupsFit, Optional<Duration> capturedApart, boolean countersByTime) {
        public HostPairing {
            Objects.requireNonNull(hostA, "hostA");
            Objects.requireNonNull(hostB, "hostB");
            Objects.requireNonNull(relation, "relation");
            Objects.requireNonNull(capturedApart, "capturedApart");
            ambiguousRows = List.copyOf(ambiguousRows);
            groups = List.copyOf(groups);
        }

        /** What two hosts' bundles have to do with each other. */
        public enum Relation {
            /** Connections (or link groups) are found on both: the two ends of the same connections. */
            JOINED,
            /**
             * Nothing joins, but the hosts are each other's peers: one host's connections go to the other's address, or
             * their link groups fit each other, while the other host lists no connection (gone, or its listing failed).
             */
            PEERS,
            /** Both list connections and none is on the other host, or the connections go elsewhere: not one story. */
            UNRELATED,
            /** The evidence cannot tell (no connections, no addresses, no link groups). */
            UNKNOWN;

            /** The JSON word. */
            public String json() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }
        }

        /**
         * Connections whose two ends show these two socket groups.
         *
         * @param a           the group on host A (mode, codes, family)
         * @param b           the group on host B
         * @param count       how many connections
         * @param contradicts true when the two ends disagree (see {@link #consistent()})
         * @param sampleA     the first such row on A
         * @param sampleB     its row on B
         */
        public record JoinedGroups(SocketGroup a, SocketGroup b, long count, boolean contradicts, HostCitation sampleA,
                                   HostCitation sampleB) {
            public JoinedGroups {
                Objects.requireNonNull(a, "a");
                Objects.requireNonNull(b, "b");
                Objects.requireNonNull(sampleA, "sampleA");
                Objects.requireNonNull(sampleB, "sampleB");
            }
        }

        /**
         * True when cross-host reasoning applies: the bundles are the two ends of the connections and most joined
         * connections agree on both ends.
         */
        public boolean related() {
            return (relation == Relation.JOINED || relation == Relation.PEERS)
                    && contradicting * 2 < Math.max(1, joined);
        }
    }

    /**
     * A cause one host's rules offered for its peer's code ({@code 0x05000000/X}: "one of X's causes, on the peer")
     * that the peer's own evidence rules out: either it contradicts the cause (the catalog states what must hold on the
     * host that declines, a UEID, an RDMA device, a kernel range, and the peer's bundle shows that it does not), or the
     * peer's own rules, which see the evidence that decides the cause, explain X by another cause.
     *
     * @param id          the catalog cause id
     * @param title       its title, in the report's language
     * @param offeredOn   the host whose rules offered it (it saw {@code 0x05000000/X})
     * @param ruledOutBy  the host whose evidence rules it out (the peer that declined with X)
     * @param reasonCodes the codes it was offered for
     * @param kind        contradicted, or explained otherwise
     * @param because     what contradicts it (English, one phrase, e.g. {@code ueid-defined is true on this host})
     * @param evidence    the ruling-out host's lines that show it
     */
    public record RuledOutCause(String id, String title, String offeredOn, String ruledOutBy, List<Integer> reasonCodes,
                                Kind kind, String because, List<HostCitation> evidence) {
        /** Why the cause is out. */
        public enum Kind {
            /** The peer's evidence contradicts the cause's preconditions. */
            CONTRADICTED,
            /** The peer's own diagnosis explains the code by another cause. */
            EXPLAINED_OTHERWISE;

            /** The JSON word. */
            public String json() {
                return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            }
        }

        public RuledOutCause {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(offeredOn, "offeredOn");
            Objects.requireNonNull(ruledOutBy, "ruledOutBy");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(because, "because");
            reasonCodes = List.copyOf(reasonCodes);
            evidence = List.copyOf(evidence);
        }
    }
}
