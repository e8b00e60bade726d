package io.smcdoctor.catalog;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a cause can be true at all, as data: the address family of the sockets it explains, the end of the
 * connection that reports it, the SMC technology and device kind it needs, the kernels it exists in, and host
 * properties that must hold. A diagnosis never offers a cause whose preconditions the evidence contradicts; a
 * precondition the evidence does not decide (unknown) never rules a cause out.
 *
 * <p>Every dimension is optional: an empty set (or an empty map, or {@link KernelRange#ANY}) means "no
 * constraint". Values within one dimension are alternatives ("any of"); dimensions must all hold.
 *
 * <p><b>Whose properties.</b> Every dimension describes the <em>reporting host</em>: the end of the connection that
 * shows the code as its own local reason ({@code TCP 0x03030000} there; its peer shows
 * {@code 0x05000000/0x03030000}). {@code families}/{@code roles} are those of the reporting host's sockets;
 * {@code kernel}, {@code devices} and {@code host} are the reporting host's. A cause that lies on the other host (for
 * {@code 0x03010000}, reported by this host, "the peer has no SMC") must not state properties of that other host:
 * they would be checked against the reporter's evidence. For a cause concluded from a symptom, the reporting host is
 * the host whose evidence is diagnosed.
 *
 * @param families     address families of the sockets the cause explains ({@code smcss} rows)
 * @param roles        the end of the connection that reports the cause as its own (local) reason
 * @param technologies SMC-R or SMC-D
 * @param devices      kinds of SMC device the host must have for the cause to apply (any of)
 * @param kernel       the kernels the cause exists in
 * @param host         host properties and the value each must have
 */
public record Preconditions(Set<Family> families, Set<Role> roles, Set<Technology> technologies,
                            Set<DeviceKind> devices, KernelRange kernel, Map<HostFlag, Boolean> host) {
    /** No constraint at all. */
    public static final Preconditions NONE = new Preconditions(Set.of(), Set.of(), Set.of(), Set.of(),
            KernelRange.ANY, Map.of());

    public Preconditions {
        families = copy(families, Family.class);
        roles = copy(roles, Role.class);
        technologies = copy(technologies, Technology.class);
        devices = copy(devices, DeviceKind.class);
        Objects.requireNonNull(kernel, "kernel");
        host = host.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(host));
    }

    /** True when no dimension constrains anything. */
    public boolean isNone() {
        return families.isEmpty() && roles.isEmpty() && technologies.isEmpty() && devices.isEmpty()
                && kernel.isAny() && host.isEmpty();
    }

    private static <E extends Enum<E>> Set<E> copy(Set<E> in, Class<E> type) {
        return in.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(in));
    }

    private static String yamlName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Address family of a socket as {@code smcss} shows it. */
    public enum Family {
        /** {@code a.b.c.d}. */
        IPV4,
        /** An IPv6 address that is not IPv4-mapped. */
        IPV6,
        /** {@code ::ffff:a.b.c.d}: an AF_INET6 socket talking to an IPv4 peer. */
        IPV4_MAPPED;

        /** The YAML spelling, e.g. {@code ipv4-mapped}. */
        public String yaml() {
            return yamlName(this);
        }
    }

    /** Which end of the connection. */
    public enum Role {
        /** The end that called {@code connect()}. */
        CLIENT,
        /** The end that accepted the connection. */
        SERVER;

        /** The YAML spelling. */
        public String yaml() {
            return yamlName(this);
        }
    }

    /** SMC over RDMA or over ISM / loopback. */
    public enum Technology {
        /** SMC-R (RoCE, eRDMA, soft-RoCE). */
        SMC_R,
        /** SMC-D (ISM on s390, loopback-ism). */
        SMC_D;

        /** The YAML spelling, e.g. {@code smc-r}. */
        public String yaml() {
            return yamlName(this);
        }
    }

    /** Kinds of device SMC can use. */
    public enum DeviceKind {
        /** Alibaba Cloud elastic RDMA ({@code erdma_N}, PCI id 0x107f). */
        ERDMA,
        /** Soft-RoCE ({@code rdma_rxe}). */
        RXE,
        /** A RoCE hardware NIC (Mellanox/NVIDIA mlx5, s390 RoCE Express, ...). */
        ROCE,
        /** An InfiniBand HCA port. */
        IB,
        /** s390 Internal Shared Memory. */
        ISM,
        /** The software loopback ISM device (Linux 6.11+). */
        LOOPBACK_ISM;

        /** The YAML spelling. */
        public String yaml() {
            return yamlName(this);
        }
    }

    /** Families of kernels that differ in their SMC code. */
    public enum KernelFamily {
        /** Mainline and distribution kernels that follow mainline's SMC code (versions compare with mainline). */
        MAINLINE,
        /** Alibaba Cloud Linux / Anolis kernels, whose SMC code carries Alibaba's own additions. */
        ALIBABA;

        /** The YAML spelling. */
        public String yaml() {
            return yamlName(this);
        }
    }

    /**
     * Host properties a rule engine can decide from evidence (true, false or unknown). The vocabulary is closed: a
     * precondition names one of these and the value it needs.
     */
    public enum HostFlag {
        /** The SMC kernel module is loaded (or built in) and AF_SMC sockets can be created. */
        SMC_LOADED,
        /** At least one user EID (UEID) is defined ({@code smcr ueid show}). */
        UEID_DEFINED,
        /** SMC sees at least one RDMA device ({@code smcr device}, {@code rdma dev}, {@code ibv_devinfo}). */
        RDMA_DEVICE_PRESENT,
        /** SMC sees at least one ISM / loopback-ism device ({@code smcd device}). */
        SMCD_DEVICE_PRESENT,
        /** The RDMA subsystem runs in exclusive network-namespace mode ({@code rdma system}). */
        RDMA_NETNS_EXCLUSIVE,
        /** IPv6 is enabled on the host ({@code net.ipv6.conf.all.disable_ipv6 = 0}). */
        IPV6_ENABLED,
        /** At least one socket currently uses SMC-R or SMC-D ({@code smcss}). */
        SMC_SOCKETS_PRESENT,
        /** The program in question is statically linked (ELF without an interpreter). */
        STATIC_BINARY,
        /** SMC handshake limitation is on ({@code net.smc.limit_smc_hs = 1}). */
        LIMIT_SMC_HS,
        /** The kernel log shows a bug report (WARNING/BUG/KASAN/oops) in SMC code. */
        KERNEL_SPLAT_IN_SMC;

        /** The YAML spelling, e.g. {@code ueid-defined}. */
        public String yaml() {
            return yamlName(this);
        }
    }

    /**
     * The kernels a cause exists in: the families, and for {@link KernelFamily#MAINLINE} kernels a release range
     * (vendor kernels backport, so their version numbers are not compared).
     *
     * @param families kernel families in which the cause can occur; empty = every family
     * @param since    first mainline release with the behaviour ({@code 5.17}), if bounded
     * @param before   first mainline release without it any more, if bounded
     */
    public record KernelRange(Set<KernelFamily> families, Optional<String> since, Optional<String> before) {
        /** Every kernel. */
        public static final KernelRange ANY = new KernelRange(Set.of(), Optional.empty(), Optional.empty());

        public KernelRange {
            // not Preconditions.copy: that would initialise Preconditions from here, whose NONE needs ANY (a class
            // initialisation cycle that leaves NONE without a kernel range when KernelRange is touched first)
            families = families.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(families));
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(before, "before");
        }

        /** True for every kernel (equal to {@link #ANY}). */
        public boolean isAny() {
            return families.isEmpty() && since.isEmpty() && before.isEmpty();
        }
    }
}
