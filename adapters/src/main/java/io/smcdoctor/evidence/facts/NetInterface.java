package io.smcdoctor.evidence.facts;

import java.util.List;
import java.util.Objects;

/**
 * An interface from {@code ip addr}. Addresses are CIDR strings ({@code 10.0.0.1/24}, {@code fd00::1/64}); {@code mac} is lower-case or {@code ""}.
 */
public record NetInterface(Provenance provenance, int index, String name, String linkType, String mac, int mtu, List<String> flags, String state, List<String> addresses) implements Fact {
    public NetInterface {
        Objects.requireNonNull(provenance, "provenance");
        flags = List.copyOf(flags);
        addresses = List.copyOf(addresses);
    }
}
