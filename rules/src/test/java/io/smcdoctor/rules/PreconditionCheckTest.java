package io.smcdoctor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Preconditions.DeviceKind;
import io.smcdoctor.catalog.Preconditions.Family;
import io.smcdoctor.catalog.Preconditions.HostFlag;
import io.smcdoctor.catalog.Preconditions.KernelFamily;
import io.smcdoctor.catalog.Preconditions.KernelRange;
import io.smcdoctor.catalog.Preconditions.Role;
import io.smcdoctor.catalog.Preconditions;
import io.smcdoctor.catalog.Side;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.IpFamily;
import io.smcdoctor.evidence.facts.SourceKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each precondition dimension, contradicted and not, for causes reported here and by the peer. */
class PreconditionCheckTest {
    private static final HostContext DEBIAN_612_RXE_NO_UEID = HostContext.of(Evidence.builder()
            .parse(SourceKind.UNAME, "uname.txt", "6.12.117+deb12-amd64\n")
            .parse(SourceKind.SMCR_DEVICE, "smcr-device.txt", "Net-Dev         IB-Dev   IB-P  IB-State  Type"
                    + "          Crit   FID   PCI-ID        PCHID  #Links  PNET-ID  \n"
                    + "eth0            rxe0        1    ACTIVE  0               No   7fd0                0000"
                    + "        0                   \n")
            .parse(SourceKind.SMCR_UEID, "smcr-ueid.txt", "")
            .build());
    private static final HostContext NOTHING = HostContext.of(Evidence.empty());

    private static Preconditions families(Family... f) {
        return new Preconditions(Set.of(f), Set.of(), Set.of(), Set.of(), KernelRange.ANY, Map.of());
    }

    private static Preconditions roles(Role... r) {
        return new Preconditions(Set.of(), Set.of(r), Set.of(), Set.of(), KernelRange.ANY, Map.of());
    }

    private static Preconditions kernel(KernelRange k) {
        return new Preconditions(Set.of(), Set.of(), Set.of(), Set.of(), k, Map.of());
    }

    private static Preconditions devices(DeviceKind... d) {
        return new Preconditions(Set.of(), Set.of(), Set.of(), Set.of(d), KernelRange.ANY, Map.of());
    }

    private static Preconditions host(HostFlag flag, boolean value) {
        return new Preconditions(Set.of(), Set.of(), Set.of(), Set.of(), KernelRange.ANY, Map.of(flag, value));
    }

    private static Finding finding(IpFamily family, Role role) {
        return new Finding("some-cause", List.of(Codes.NOSMCDEV), Side.LOCAL, 0.5, 1, List.of(), "r", true,
                family == IpFamily.UNKNOWN ? Set.of() : Set.of(family), role == null ? Set.of() : Set.of(role));
    }

    private static Optional<String> check(Preconditions p, Finding f, boolean peer, HostContext h) {
        return PreconditionCheck.contradiction(p, f, peer, h);
    }

    @Test
    void family_ipv6CauseForIpv4Sockets_isContradicted() {
        assertThat(check(families(Family.IPV6), finding(IpFamily.IPV4, null), false, NOTHING))
                .hasValueSatisfying(s -> assertThat(s).contains("ipv4").contains("ipv6"));
        assertThat(check(families(Family.IPV6, Family.IPV4_MAPPED), finding(IpFamily.IPV4_MAPPED, null), false, NOTHING))
                .isEmpty();
        assertThat(check(families(Family.IPV6), finding(IpFamily.UNKNOWN, null), false, NOTHING)).isEmpty();
    }

    @Test
    void family_peerMayHaveUsedAMappedSocketForWhatIsIpv4Here() {
        // lab smc6-mapped-client: the client's AF_INET6 socket to ::ffff:10.10.0.1 shows as IPv4 on the server
        assertThat(check(families(Family.IPV6, Family.IPV4_MAPPED), finding(IpFamily.IPV4, null), true, NOTHING))
                .isEmpty();
        assertThat(check(families(Family.IPV6), finding(IpFamily.IPV4, null), true, NOTHING)).isPresent();
    }

    @Test
    void role_swapsForTheReasonOfThePeer() {
        assertThat(check(roles(Role.CLIENT), finding(IpFamily.IPV4, Role.SERVER), false, NOTHING)).isPresent();
        assertThat(check(roles(Role.CLIENT), finding(IpFamily.IPV4, Role.CLIENT), false, NOTHING)).isEmpty();
        // this host is the server; the peer (client) reported the code
        assertThat(check(roles(Role.CLIENT), finding(IpFamily.IPV4, Role.SERVER), true, NOTHING)).isEmpty();
        assertThat(check(roles(Role.CLIENT), finding(IpFamily.IPV4, null), false, NOTHING)).isEmpty();
    }

    @Test
    void kernel_familyAndMainlineRange() {
        Finding f = finding(IpFamily.IPV4, null);
        HostContext h = DEBIAN_612_RXE_NO_UEID;
        assertThat(check(kernel(new KernelRange(Set.of(KernelFamily.ALIBABA), Optional.empty(), Optional.empty())),
                f, false, h)).hasValueSatisfying(s -> assertThat(s).contains("mainline").contains("alibaba"));
        assertThat(check(kernel(new KernelRange(Set.of(), Optional.of("6.13"), Optional.empty())), f, false, h))
                .hasValueSatisfying(s -> assertThat(s).contains("6.12 is older than 6.13"));
        assertThat(check(kernel(new KernelRange(Set.of(), Optional.empty(), Optional.of("6.12"))), f, false, h))
                .isPresent();
        assertThat(check(kernel(new KernelRange(Set.of(), Optional.of("5.17"), Optional.of("6.13"))), f, false, h))
                .isEmpty();
        // the peer's kernel is not this host's
        assertThat(check(kernel(new KernelRange(Set.of(KernelFamily.ALIBABA), Optional.empty(), Optional.empty())),
                f, true, h)).isEmpty();
        // no uname: nothing decided
        assertThat(check(kernel(new KernelRange(Set.of(KernelFamily.ALIBABA), Optional.empty(), Optional.empty())),
                f, false, NOTHING)).isEmpty();
    }

    @Test
    void devices_onlyAFullyKnownInventoryRulesAKindOut() {
        Finding f = finding(IpFamily.IPV4, null);
        assertThat(check(devices(DeviceKind.ERDMA), f, false, DEBIAN_612_RXE_NO_UEID)).isPresent();
        assertThat(check(devices(DeviceKind.ERDMA, DeviceKind.RXE), f, false, DEBIAN_612_RXE_NO_UEID)).isEmpty();
        assertThat(check(devices(DeviceKind.ERDMA), f, false, NOTHING)).isEmpty();
    }

    @Test
    void hostFlags_knownOppositeValueContradicts() {
        Finding f = finding(IpFamily.IPV4, null);
        assertThat(check(host(HostFlag.UEID_DEFINED, true), f, false, DEBIAN_612_RXE_NO_UEID))
                .hasValueSatisfying(s -> assertThat(s).isEqualTo("ueid-defined is false on this host"));
        assertThat(check(host(HostFlag.UEID_DEFINED, false), f, false, DEBIAN_612_RXE_NO_UEID)).isEmpty();
        assertThat(check(host(HostFlag.LIMIT_SMC_HS, true), f, false, DEBIAN_612_RXE_NO_UEID)).isEmpty();
        assertThat(check(host(HostFlag.UEID_DEFINED, true), f, true, DEBIAN_612_RXE_NO_UEID)).isEmpty();
    }

    @Test
    void apply_keepsACauseThatAnotherFindingStillSupports() {
        Catalog catalog = Catalog.bundled();
        Finding v4 = finding(IpFamily.IPV4, null);
        Finding v6 = finding(IpFamily.IPV6, null);
        // "some-cause" is not in the catalog: no preconditions, nothing left out
        PreconditionCheck.Result r = PreconditionCheck.apply(List.of(v4, v6), catalog, NOTHING);
        assertThat(r.kept()).containsExactly(v4, v6);
        assertThat(r.ruledOut()).isEmpty();
    }

    @Test
    void reportedByPeer_onlyForTheCausesOfThePeersCode() {
        Catalog catalog = Catalog.bundled();
        Finding peerCause = Finding.of("nosmcdev-no-ueid").code(Codes.PEERDECL).code(Codes.NOSMCDEV).build();
        Finding declined = Finding.of("peerdecl-peer-declined").code(Codes.PEERDECL).code(Codes.NOSMCDEV).build();
        Finding local = Finding.of("nosmcdev-no-ueid").code(Codes.NOSMCDEV).build();
        assertThat(PreconditionCheck.reportedByPeer(peerCause, catalog)).isTrue();
        assertThat(PreconditionCheck.reportedByPeer(declined, catalog)).isFalse();
        assertThat(PreconditionCheck.reportedByPeer(local, catalog)).isFalse();
    }
}
