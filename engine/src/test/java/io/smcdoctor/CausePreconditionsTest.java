package io.smcdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Cause;
import io.smcdoctor.catalog.Preconditions.DeviceKind;
import io.smcdoctor.catalog.Preconditions.Family;
import io.smcdoctor.catalog.Preconditions.HostFlag;
import io.smcdoctor.catalog.Preconditions.KernelFamily;
import io.smcdoctor.catalog.Preconditions.KernelRange;
import io.smcdoctor.catalog.Preconditions.Role;
import io.smcdoctor.catalog.Preconditions;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.Symptom;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.BinaryLinkage;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.facts.SourceKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks every cause of the shipped catalog that states preconditions: with evidence consistent with all of them the
 * cause is offered (so the trigger works), and with evidence that contradicts any single one it is not. The evidence
 * is built from text the tools print (smcss rows, smcr device rows, uname, sysctl lines); the contradiction of each
 * dimension is generated from the vocabulary, so a precondition added to the YAML is tested without a new test.
 */
class CausePreconditionsTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final Diagnoser DIAGNOSER = Diagnoser.builder().cacheSize(0).build();
    private static final String SMCSS_HEADER = "State          UID   Inode   Local Address           Peer Address"
            + "            Intf Mode \n";
    private static final String SMCR_DEVICE_HEADER = "Net-Dev         IB-Dev   IB-P  IB-State  Type          Crit"
            + "   FID   PCI-ID        PCHID  #Links  PNET-ID  \n";
    private static final String SMCD_DEVICE_HEADER = "FID  Type  PCI-ID        PCHID  InUse  #LGs  PNET-ID\n";

    /** One host's evidence, described by the values of each precondition dimension. */
    private record Scenario(Family family, Role role, String uname, Optional<DeviceKind> device,
                            Map<HostFlag, Boolean> host) {
        Scenario with(Family f) {
            return new Scenario(f, role, uname, device, host);
        }

        Scenario with(Role r) {
            return new Scenario(family, r, uname, device, host);
        }

        Scenario withUname(String u) {
            return new Scenario(family, role, u, device, host);
        }

        Scenario with(DeviceKind d) {
            return new Scenario(family, role, uname, Optional.of(d), host);
        }

        Scenario with(HostFlag flag, boolean value) {
            Map<HostFlag, Boolean> h = new EnumMap<>(HostFlag.class);
            h.putAll(host);
            h.put(flag, value);
            return new Scenario(family, role, uname, device, h);
        }
    }

    /** How the cause is reached: a local reason code on a socket, or a symptom phrase. */
    private record Trigger(int code, String phrase) {
    }

    private static List<Cause> causesWithPreconditions() {
        Map<String, Cause> all = new LinkedHashMap<>();
        for (ReasonCode rc : CATALOG.reasonCodes()) {
            rc.causes().forEach(c -> all.putIfAbsent(c.id(), c));
        }
        for (Symptom s : CATALOG.symptoms()) {
            s.causes().forEach(c -> all.putIfAbsent(c.id(), c));
        }
        return all.values().stream().filter(c -> !c.preconditions().isNone()).toList();
    }

    private static Optional<Trigger> trigger(Cause cause) {
        for (ReasonCode rc : CATALOG.reasonCodes()) {
            if (rc.code() != 0x05000000 && rc.causes().stream().anyMatch(c -> c.id().equals(cause.id()))) {
                return Optional.of(new Trigger(rc.code(), ""));
            }
        }
        for (Symptom s : CATALOG.symptoms()) {
            if (!s.phrases().isEmpty() && s.causes().stream().anyMatch(c -> c.id().equals(cause.id()))) {
                return Optional.of(new Trigger(0, s.phrases().get(0)));
            }
        }
        return Optional.empty();
    }

    /** Evidence in which every precondition of the cause holds. */
    private static Scenario consistent(Preconditions p) {
        Family family = p.families().isEmpty() || p.families().contains(Family.IPV4) ? Family.IPV4
                : p.families().iterator().next();
        Role role = p.roles().isEmpty() ? Role.CLIENT : p.roles().iterator().next();
        Optional<DeviceKind> device = p.devices().isEmpty() ? Optional.empty() : Optional.of(p.devices().iterator().next());
        Map<HostFlag, Boolean> host = new EnumMap<>(HostFlag.class);
        host.putAll(p.host());
        return new Scenario(family, role, unameWithin(p.kernel()), device, host);
    }

    /** A kernel release inside the range (mainline when allowed). */
    private static String unameWithin(KernelRange k) {
        if (!k.families().isEmpty() && !k.families().contains(KernelFamily.MAINLINE)) {
            return "5.10.134-16.al8.x86_64";
        }
        String v = k.since().orElse(k.before().isPresent() ? "4.19" : "6.12");
        if (k.before().isPresent() && compare(v, k.before().get()) >= 0) {
            v = "4.19";
        }
        return v + ".0-1-amd64";
    }

    /** Every single-dimension contradiction of the preconditions, named. */
    private static Map<String, Scenario> contradictions(Preconditions p, Scenario ok, Trigger t) {
        Map<String, Scenario> out = new LinkedHashMap<>();
        if (t.code() != 0) {
            for (Family f : Family.values()) {
                if (!p.families().isEmpty() && !p.families().contains(f)) {
                    out.put("family " + f, ok.with(f));
                }
            }
            for (Role r : Role.values()) {
                if (!p.roles().isEmpty() && !p.roles().contains(r)) {
                    out.put("role " + r, ok.with(r));
                }
            }
        }
        KernelRange k = p.kernel();
        if (!k.families().isEmpty() && !k.families().contains(KernelFamily.MAINLINE)) {
            out.put("mainline kernel", ok.withUname("6.12.117+deb12-amd64"));
        }
        if (!k.families().isEmpty() && !k.families().contains(KernelFamily.ALIBABA)) {
            out.put("alibaba kernel", ok.withUname("5.10.134-16.al8.x86_64"));
        }
        k.since().ifPresent(s -> out.put("kernel before " + s, ok.withUname(older(s) + ".0-1-amd64")));
        k.before().ifPresent(b -> out.put("kernel " + b, ok.withUname(b + ".3-1-amd64")));
        for (DeviceKind d : List.of(DeviceKind.ERDMA, DeviceKind.RXE, DeviceKind.ROCE)) {
            if (!p.devices().isEmpty() && !p.devices().contains(d) && !p.host().containsValue(false)) {
                out.put("device " + d, ok.with(d));
                break;
            }
        }
        p.host().forEach((flag, value) -> {
            if (flag != HostFlag.KERNEL_SPLAT_IN_SMC) {
                out.put(flag.yaml() + " " + !value, ok.with(flag, !value));
            }
        });
        return out;
    }

    private static String older(String v) {
        String[] x = v.split("\\.");
        int minor = Integer.parseInt(x[1]);
        return minor > 0 ? x[0] + "." + (minor - 1) : (Integer.parseInt(x[0]) - 1) + ".19";
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int c = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }

    /** The scenario as the files a host would give. */
    private static Evidence evidence(Scenario s, Trigger t) {
        return evidence(s, t, false);
    }

    /**
     * The evidence of a scenario; {@code netDevUnresolved}: the smcr device rows have an empty Net-Dev, the mark of
     * nosmcdev-ibdev-netdev-unresolved (a listed Net-Dev for every port rules that cause out, nosmcdev.drl).
     */
    private static Evidence evidence(Scenario s, Trigger t, boolean netDevUnresolved) {
        Evidence.Builder b = Evidence.builder();
        b.parse(SourceKind.UNAME, "uname.txt", "Linux host " + s.uname() + " #1 SMP x86_64 GNU/Linux\n");
        StringBuilder smcss = new StringBuilder(SMCSS_HEADER);
        String local = address(s.family(), 2);
        String peer = address(s.family(), 1);
        if (t.code() != 0) {
            // smcss prints a listener's local address only (an IPv6 listener on :: as 0.0.0.0); the accepted socket
            // of a server has the listener's port as its local port
            boolean server = s.role() == Role.SERVER;
            smcss.append(row(531, "ACTIVE", local + ":" + (server ? 5101 : 41234), peer + ":" + (server ? 41234 : 5101),
                    "TCP " + ReasonCode.hex(t.code())));
            smcss.append(String.format(Locale.ROOT, "%-14s %05d %07d %-23s%n", "LISTEN", 0, 530,
                    "0.0.0.0:" + (server ? 5101 : 5999)));
        }
        if (Boolean.TRUE.equals(s.host().get(HostFlag.SMC_SOCKETS_PRESENT))) {
            smcss.append(row(532, "ACTIVE", local + ":41300", peer + ":5102", "SMCR"));
        }
        b.parse(SourceKind.SMCSS, "smcss.txt", smcss.toString());
        StringBuilder smcr = new StringBuilder(SMCR_DEVICE_HEADER);
        Boolean rdma = s.host().get(HostFlag.RDMA_DEVICE_PRESENT);
        if (s.device().isPresent() && s.device().get() != DeviceKind.ISM && s.device().get() != DeviceKind.LOOPBACK_ISM) {
            smcr.append(deviceRow(s.device().get()));
        } else if (Boolean.TRUE.equals(rdma)) {
            smcr.append(deviceRow(DeviceKind.RXE));
        }
        if (rdma != null || s.device().isPresent()) {
            b.parse(SourceKind.SMCR_DEVICE, "smcr-device.txt",
                    netDevUnresolved ? smcr.toString().replace("\neth0    ", "\n        ") : smcr.toString());
        }
        Boolean smcd = s.host().get(HostFlag.SMCD_DEVICE_PRESENT);
        if (smcd != null || s.device().filter(d -> d == DeviceKind.ISM || d == DeviceKind.LOOPBACK_ISM).isPresent()) {
            b.parse(SourceKind.SMCD_DEVICE, "smcd-device.txt", SMCD_DEVICE_HEADER
                    + (Boolean.FALSE.equals(smcd) ? "" : "0000 ISM   0000:00:00.0  0000   Yes       1  \n"));
        }
        flag(s, HostFlag.UEID_DEFINED).ifPresent(v -> b.parse(SourceKind.SMCR_UEID, "smcr-ueid.txt",
                v ? "SMC-SITE-UEID-1                 \n" : ""));
        flag(s, HostFlag.RDMA_NETNS_EXCLUSIVE).ifPresent(v -> b.parse(SourceKind.RDMA_SYSTEM, "rdma-system.txt",
                "netns " + (v ? "exclusive" : "shared") + " copy-on-fork on\n"));
        StringBuilder sysctl = new StringBuilder();
        flag(s, HostFlag.IPV6_ENABLED).ifPresent(v -> sysctl.append("net.ipv6.conf.all.disable_ipv6 = ")
                .append(v ? "0" : "1").append('\n'));
        flag(s, HostFlag.LIMIT_SMC_HS).ifPresent(v -> sysctl.append("net.smc.limit_smc_hs = ").append(v ? "1" : "0")
                .append('\n'));
        if (sysctl.length() > 0) {
            b.parse(SourceKind.SYSCTL, "sysctl.txt", sysctl.toString());
        }
        flag(s, HostFlag.SMC_LOADED).ifPresent(v -> {
            if (v) {
                b.parse(SourceKind.LSMOD, "lsmod.txt", "Module                  Size  Used by\n"
                        + "smc_diag               12288  0\nsmc                   274432  1 smc_diag\n");
            } else {
                b.parse(SourceKind.SMCR_STATS, "smcr-stats.txt", "Error: SMC module not loaded\n");
            }
        });
        flag(s, HostFlag.STATIC_BINARY).ifPresent(v -> b.add(new BinaryLinkage(new Provenance("app", 0, ""), "app",
                true, v, v ? "" : "/lib64/ld-linux-x86-64.so.2", List.of())));
        if (!t.phrase().isEmpty()) {
            b.parse(SourceKind.SYMPTOM, "symptom.txt", t.phrase() + "\n");
        }
        return b.build();
    }

    private static Optional<Boolean> flag(Scenario s, HostFlag f) {
        return Optional.ofNullable(s.host().get(f));
    }

    private static String address(Family f, int host) {
        return switch (f) {
            case IPV4 -> "10.10.0." + host;
            case IPV6 -> "fd00::" + host;
            case IPV4_MAPPED -> "::ffff:10.10.0." + host;
        };
    }

    private static String row(int inode, String state, String local, String peer, String mode) {
        return String.format(Locale.ROOT, "%-14s %05d %07d %-23s %-23s %04d %s%n", state, 0, inode, local, peer, 0,
                mode);
    }

    private static String deviceRow(DeviceKind d) {
        return switch (d) {
            case ERDMA -> "eth0            erdma_0     1    ACTIVE  0x107f          No   0000  0000:00:06.0  0000        1\n";
            case ROCE -> "eth0            mlx5_0      1    ACTIVE  0x1016          No   0000  0000:3b:00.0  0000        1\n";
            default -> "eth0            rxe0        1    ACTIVE  0               No   7fd0                0000        1\n";
        };
    }

    private static boolean offered(Evidence e, String causeId) {
        return DIAGNOSER.diagnose(e).diagnosis(causeId).isPresent();
    }

    @TestFactory
    Stream<DynamicTest> everyCause_isOfferedWhenConsistent_andNeverWhenContradicted() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Cause cause : causesWithPreconditions()) {
            Optional<Trigger> t = trigger(cause);
            tests.add(DynamicTest.dynamicTest(cause.id(), () -> {
                assertThat(t).as("%s is reachable from a reason code or a symptom phrase", cause.id()).isPresent();
                Preconditions p = cause.preconditions();
                Scenario ok = consistent(p);
                boolean blankNetDev = cause.id().equals("nosmcdev-ibdev-netdev-unresolved");
                assertThat(offered(evidence(ok, t.get(), blankNetDev), cause.id()))
                        .as("%s offered when its preconditions hold (%s)", cause.id(), ok).isTrue();
                contradictions(p, ok, t.get()).forEach((what, s) ->
                        assertThat(offered(evidence(s, t.get(), blankNetDev), cause.id()))
                                .as("%s not offered when the evidence says %s", cause.id(), what).isFalse());
            }));
        }
        return tests.stream();
    }

    @Test
    void theCatalogStatesPreconditions() {
        // the walk above is only as strong as the data: most causes state when they can be true
        assertThat(causesWithPreconditions()).isNotEmpty();
    }
}
