package io.smcdoctor;

import java.util.List;
import java.util.Objects;

/**
 * A cause one host's rules offered for its peer's code ({@code 0x05000000/X}: "one of X's causes, on the peer") that
 * the peer's own evidence rules out: either it contradicts the cause (the catalog states what must hold on the host
 * that declines, a UEID, an RDMA device, a kernel range, and the peer's bundle shows that it does not), or the peer's
 * own rules, which see the evidence that decides the cause, explain X by another cause.
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
