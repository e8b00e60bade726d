package io.smcdoctor;

import java.util.List;
import java.util.Objects;

/**
 * A cause one host's rules offered for its peer's code that the peer's own evidence rules out: the catalog states
 * what must hold on the host that declines (a UEID, an RDMA device, a kernel range), and the peer's bundle shows that
 * it does not.
 *
 * @param id          the catalog cause id
 * @param title       its title, in the report's language
 * @param offeredOn   the host whose rules offered it (it saw {@code 0x05000000/X})
 * @param ruledOutBy  the host whose evidence rules it out (the peer that declined with X)
 * @param reasonCodes the codes it was offered for
 * @param because     what contradicts it (English, one phrase, e.g. {@code ueid-defined is true on this host})
 * @param evidence    the ruling-out host's lines that show it
 */
public record RuledOutCause(String id, String title, String offeredOn, String ruledOutBy, List<Integer> reasonCodes,
                            String because, List<HostCitation> evidence) {
    public RuledOutCause {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(offeredOn, "offeredOn");
        Objects.requireNonNull(ruledOutBy, "ruledOutBy");
        Objects.requireNonNull(because, "because");
        reasonCodes = List.copyOf(reasonCodes);
        evidence = List.copyOf(evidence);
    }
}
