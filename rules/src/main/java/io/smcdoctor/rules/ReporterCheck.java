package io.smcdoctor.rules;

import io.smcdoctor.catalog.Cause;
import io.smcdoctor.catalog.Preconditions.HostFlag;
import io.smcdoctor.catalog.Preconditions.KernelRange;
import io.smcdoctor.catalog.Preconditions;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.Fact;
import io.smcdoctor.evidence.facts.KernelRelease;
import io.smcdoctor.evidence.facts.LinkGroup;
import io.smcdoctor.evidence.facts.LoadedModule;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.facts.RdmaDev;
import io.smcdoctor.evidence.facts.RdmaDeviceInfo;
import io.smcdoctor.evidence.facts.RdmaLink;
import io.smcdoctor.evidence.facts.RdmaSystem;
import io.smcdoctor.evidence.facts.SmcdDevice;
import io.smcdoctor.evidence.facts.SmcrDevice;
import io.smcdoctor.evidence.facts.SocketGroup;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.SysctlSetting;
import io.smcdoctor.evidence.facts.Ueid;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a catalog cause against the evidence of the host that <em>reports</em> its code: in a diagnosis of both ends
 * of a connection, the causes one host's rules offer for the peer's code ({@code 0x05000000/X}: "one of X's causes,
 * on the peer") can be decided with the peer's own evidence. The catalog's {@link Preconditions} describe the
 * reporting host (kernel, SMC devices, host properties such as a defined UEID), so the check is the one a single-host
 * diagnosis applies to its own causes ({@link PreconditionCheck}), run on the other host's {@link HostContext}. A
 * precondition the evidence does not decide never rules a cause out. Stateless.
 */
public final class ReporterCheck {
    private static final Finding HOST_ONLY = Finding.of("(host)").rule("reporter check").build();

    private ReporterCheck() {
    }

    /**
     * Why the reporting host's evidence contradicts the cause, with the lines that show it.
     *
     * @param because the contradiction in the words of {@link PreconditionCheck} (English, one phrase)
     * @param lines   the reporting host's lines that decide it (a file without a line when the file is empty)
     */
    public record Contradiction(String because, List<Provenance> lines) {
        public Contradiction {
            Objects.requireNonNull(because, "because");
            lines = List.copyOf(lines);
        }
    }

    /**
     * The contradiction between the cause's host preconditions and the evidence of the host that reports its code,
     * if there is one. Only kernel, device and host-property preconditions are checked: socket families and roles
     * belong to the rows a finding explains, not to a host.
     */
    public static Optional<Contradiction> check(Cause cause, Evidence reporter) {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(reporter, "reporter");
        Preconditions p = cause.preconditions();
        if (p.isNone()) {
            return Optional.empty();
        }
        HostContext host = HostContext.of(reporter);
        Preconditions kernel = new Preconditions(Set.of(), Set.of(), Set.of(), Set.of(), p.kernel(), Map.of());
        Optional<String> why = PreconditionCheck.contradiction(kernel, HOST_ONLY, false, host);
        if (why.isPresent()) {
            return Optional.of(new Contradiction(why.get(), lines(reporter, KernelRelease.class)));
        }
        Preconditions devices = new Preconditions(Set.of(), Set.of(), Set.of(), p.devices(), KernelRange.ANY, Map.of());
        why = PreconditionCheck.contradiction(devices, HOST_ONLY, false, host);
        if (why.isPresent()) {
            return Optional.of(new Contradiction(why.get(), lines(reporter, SmcrDevice.class, RdmaDev.class,
                    RdmaDeviceInfo.class, SmcdDevice.class)));
        }
        for (Map.Entry<HostFlag, Boolean> e : p.host().entrySet()) {
            Preconditions one = new Preconditions(Set.of(), Set.of(), Set.of(), Set.of(), KernelRange.ANY,
                    Map.of(e.getKey(), e.getValue()));
            why = PreconditionCheck.contradiction(one, HOST_ONLY, false, host);
            if (why.isPresent()) {
                return Optional.of(new Contradiction(why.get(), flagLines(reporter, e.getKey())));
            }
        }
        return Optional.empty();
    }

    /**
     * The other end's lines showing that the host properties the cause requires hold there too: every host-property
     * precondition of the cause (a UEID defined or not, an RDMA device present or not) has the required value in the
     * other host's evidence. A cause that needs something missing (no UEID) then applies to the other host as well; a
     * cause about both ends (different UEIDs) is shown with both ends' lines. Empty when the cause states no host
     * property, or one does not hold on the other host, or its evidence does not tell.
     */
    public static Optional<List<Provenance>> alsoHolds(Cause cause, Evidence other) {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(other, "other");
        Map<HostFlag, Boolean> host = cause.preconditions().host();
        if (host.isEmpty()) {
            return Optional.empty();
        }
        HostContext context = HostContext.of(other);
        List<Provenance> lines = new java.util.ArrayList<>();
        for (Map.Entry<HostFlag, Boolean> e : host.entrySet()) {
            if (context.flag(e.getKey()) != (e.getValue() ? HostContext.Tri.TRUE : HostContext.Tri.FALSE)) {
                return Optional.empty();
            }
            lines.addAll(flagLines(other, e.getKey()));
        }
        return Optional.of(List.copyOf(lines));
    }

    /** The lines that decide a host property, as {@link HostContext#of} reads them. */
    private static List<Provenance> flagLines(Evidence e, HostFlag flag) {
        return switch (flag) {
            case UEID_DEFINED -> orFile(e, lines(e, Ueid.class), SourceKind.SMCR_UEID);
            case RDMA_DEVICE_PRESENT -> orFile(e, lines(e, SmcrDevice.class, RdmaDev.class, RdmaDeviceInfo.class,
                    RdmaLink.class), SourceKind.SMCR_DEVICE);
            case SMCD_DEVICE_PRESENT -> orFile(e, lines(e, SmcdDevice.class), SourceKind.SMCD_DEVICE);
            case SMC_LOADED -> lines(e, LoadedModule.class, LinkGroup.class, SocketGroup.class);
            case RDMA_NETNS_EXCLUSIVE -> lines(e, RdmaSystem.class);
            case IPV6_ENABLED, LIMIT_SMC_HS -> sysctl(e, flag == HostFlag.IPV6_ENABLED
                    ? "net.ipv6.conf.all.disable_ipv6" : "net.smc.limit_smc_hs");
            case SMC_SOCKETS_PRESENT -> orFile(e, lines(e, SocketGroup.class), SourceKind.SMCSS);
            default -> List.of();
        };
    }

    @SafeVarargs
    private static List<Provenance> lines(Evidence e, Class<? extends Fact>... types) {
        for (Class<? extends Fact> t : types) {
            List<? extends Fact> facts = e.facts(t);
            if (!facts.isEmpty()) {
                Fact f = facts.get(0);
                if (t == LoadedModule.class) {
                    Optional<LoadedModule> smc = e.facts(LoadedModule.class).stream()
                            .filter(m -> m.name().equals("smc")).findFirst();
                    if (smc.isEmpty()) {
                        continue;
                    }
                    f = smc.get();
                }
                return List.of(f.provenance());
            }
        }
        return List.of();
    }

    private static List<Provenance> orFile(Evidence e, List<Provenance> lines, SourceKind kind) {
        if (!lines.isEmpty()) {
            return lines;
        }
        return e.sources().entrySet().stream().filter(s -> s.getValue() == kind).findFirst()
                .map(s -> List.of(new Provenance(s.getKey(), 0, "(empty)"))).orElse(List.of());
    }

    private static List<Provenance> sysctl(Evidence e, String key) {
        return e.facts(SysctlSetting.class).stream().filter(s -> s.key().equals(key)).findFirst()
                .map(s -> List.of(s.provenance())).orElse(List.of());
    }
}
