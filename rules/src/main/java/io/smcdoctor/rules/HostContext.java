package io.smcdoctor.rules;

import io.smcdoctor.catalog.Preconditions.DeviceKind;
import io.smcdoctor.catalog.Preconditions.HostFlag;
import io.smcdoctor.catalog.Preconditions.KernelFamily;
import io.smcdoctor.catalog.Preconditions.KernelRange;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.BinaryLinkage;
import io.smcdoctor.evidence.facts.KernelEvent;
import io.smcdoctor.evidence.facts.KernelEventKind;
import io.smcdoctor.evidence.facts.KernelRelease;
import io.smcdoctor.evidence.facts.LinkGroup;
import io.smcdoctor.evidence.facts.LoadedModule;
import io.smcdoctor.evidence.facts.RdmaDev;
import io.smcdoctor.evidence.facts.RdmaDeviceInfo;
import io.smcdoctor.evidence.facts.RdmaLink;
import io.smcdoctor.evidence.facts.RdmaNetnsMode;
import io.smcdoctor.evidence.facts.RdmaSystem;
import io.smcdoctor.evidence.facts.SmcdDevice;
import io.smcdoctor.evidence.facts.SmcrDevice;
import io.smcdoctor.evidence.facts.SocketProbeOutcome;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.SysctlSetting;
import io.smcdoctor.evidence.facts.ToolError;
import io.smcdoctor.evidence.facts.ToolErrorKind;
import io.smcdoctor.evidence.facts.Ueid;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fact: what one host's evidence decides about the host as a whole, in the vocabulary of the catalog's cause
 * preconditions ({@link io.smcdoctor.catalog.Preconditions}): each {@link HostFlag} true, false or unknown, the
 * kernel family and mainline release, and the kinds of SMC device present. Computed once per diagnosis from the
 * evidence facts; a value is only {@link Tri#TRUE} or {@link Tri#FALSE} when a file says so, never by default.
 *
 * <p>Rules may match it ({@code HostContext( ueidDefined() == Tri.FALSE )}); the precondition check uses it to
 * leave out causes the evidence contradicts. Immutable.
 */
public final class HostContext {
    /** A three-valued truth: the evidence says yes, says no, or does not tell. */
    public enum Tri {
        TRUE, FALSE, UNKNOWN;

        static Tri of(boolean value) {
            return value ? TRUE : FALSE;
        }
    }

    private static final Pattern RELEASE = Pattern.compile("^(\\d+)\\.(\\d+)");

    private final Map<HostFlag, Tri> flags;
    private final Optional<KernelFamily> kernelFamily;
    private final Optional<String> kernelVersion;
    private final Set<DeviceKind> devices;
    private final boolean devicesListed;

    private HostContext(Map<HostFlag, Tri> flags, Optional<KernelFamily> kernelFamily, Optional<String> kernelVersion,
                        Set<DeviceKind> devices, boolean devicesListed) {
        this.flags = Collections.unmodifiableMap(flags);
        this.kernelFamily = kernelFamily;
        this.kernelVersion = kernelVersion;
        this.devices = Collections.unmodifiableSet(devices);
        this.devicesListed = devicesListed;
    }

    /** The context of one host's evidence. */
    public static HostContext of(Evidence e) {
        Map<HostFlag, Tri> flags = new EnumMap<>(HostFlag.class);
        for (HostFlag f : HostFlag.values()) {
            flags.put(f, Tri.UNKNOWN);
        }
        Optional<KernelRelease> kernel = e.facts(KernelRelease.class).stream().findFirst();
        Optional<KernelFamily> family = kernel.flatMap(k -> kernelFamily(k.release(), k.distribution()));
        Optional<String> version = kernel.flatMap(k -> mainlineVersion(k.release()));

        boolean smcSockets = e.sockets().smc() > 0;
        // smcss lists AF_SMC sockets only, which exist only while the smc module is loaded
        boolean anySmcSocket = e.sockets().total() > 0;
        boolean smcToolError = e.facts(ToolError.class).stream()
                .anyMatch(t -> t.kind() == ToolErrorKind.SMC_MODULE_NOT_LOADED);
        boolean smcListingsFailed = smcToolError || e.facts(ToolError.class).stream()
                .anyMatch(t -> t.provenance().source().startsWith("smc"));

        // SMC_LOADED. Basis: net/smc/af_smc.c smc_init() registers PF_SMC, the net.smc sysctls (smc_sysctl.c) and
        // the SMC_GEN_NETLINK family; net/socket.c __sock_create() returns EAFNOSUPPORT when no family is registered.
        // the kernel log's last word on the PF_SMC family: registered by smc_init(), unregistered by smc_exit()
        Optional<KernelEvent> lastRegistration = e.facts(KernelEvent.class).stream()
                .filter(k -> k.kind() == KernelEventKind.SMC_REGISTERED || k.kind() == KernelEventKind.SMC_UNREGISTERED)
                .reduce((a, b) -> b);
        boolean loaded = anySmcSocket
                || lastRegistration.map(k -> k.kind() == KernelEventKind.SMC_REGISTERED).orElse(false)
                || e.facts(LoadedModule.class).stream().anyMatch(m -> m.name().equals("smc"))
                || e.facts(SysctlSetting.class).stream().anyMatch(s -> s.key().startsWith("net.smc."))
                || !e.facts(LinkGroup.class).isEmpty()
                || e.facts(SocketProbeOutcome.class).stream().anyMatch(SocketProbeOutcome::opened);
        boolean notLoaded = e.facts(SocketProbeOutcome.class).stream()
                .anyMatch(p -> !p.opened() && "EAFNOSUPPORT".equals(p.errnoName()))
                // smc-tools print "SMC module not loaded" for a missing SMC_GEN_NETLINK family, which kernels before
                // 5.11 do not register even with smc loaded (smc-tools libnetlink.c gen_nl_open())
                || (smcToolError && version.map(v -> compare(v, "5.11") >= 0).orElse(false)
                        && family.orElse(KernelFamily.ALIBABA) == KernelFamily.MAINLINE);
        if (loaded) {
            flags.put(HostFlag.SMC_LOADED, Tri.TRUE);
        } else if (notLoaded) {
            flags.put(HostFlag.SMC_LOADED, Tri.FALSE);
        }

        // UEID_DEFINED: smcr ueid show prints one UEID per line and nothing when none is defined (smc-tools ueid.c)
        if (!e.facts(Ueid.class).isEmpty()) {
            flags.put(HostFlag.UEID_DEFINED, Tri.TRUE);
        } else if (e.has(SourceKind.SMCR_UEID) && !failed(e, SourceKind.SMCR_UEID)) {
            flags.put(HostFlag.UEID_DEFINED, Tri.FALSE);
        }

        // RDMA_DEVICE_PRESENT: smcr device lists the RDMA devices SMC registered (smc_ib.c smc_ib_add_dev());
        // rdma dev / ibv_devinfo list every RDMA device of the namespace
        boolean rdma = !e.facts(SmcrDevice.class).isEmpty() || !e.facts(RdmaDev.class).isEmpty()
                || !e.facts(RdmaDeviceInfo.class).isEmpty() || !e.facts(RdmaLink.class).isEmpty();
        boolean rdmaListedEmpty = (e.has(SourceKind.SMCR_DEVICE) && !failed(e, SourceKind.SMCR_DEVICE))
                || (e.has(SourceKind.IBV_DEVINFO) && !failed(e, SourceKind.IBV_DEVINFO))
                || (e.has(SourceKind.RDMA_DEV) && !failed(e, SourceKind.RDMA_DEV));
        if (rdma) {
            flags.put(HostFlag.RDMA_DEVICE_PRESENT, Tri.TRUE);
        } else if (rdmaListedEmpty) {
            flags.put(HostFlag.RDMA_DEVICE_PRESENT, Tri.FALSE);
        }
        if (!e.facts(SmcdDevice.class).isEmpty()) {
            flags.put(HostFlag.SMCD_DEVICE_PRESENT, Tri.TRUE);
        } else if (e.has(SourceKind.SMCD_DEVICE) && !failed(e, SourceKind.SMCD_DEVICE)) {
            flags.put(HostFlag.SMCD_DEVICE_PRESENT, Tri.FALSE);
        }

        // rdma system: "netns shared" / "netns exclusive" (iproute2 rdma/sys.c)
        e.facts(RdmaSystem.class).stream().findFirst().ifPresent(
                r -> flags.put(HostFlag.RDMA_NETNS_EXCLUSIVE, Tri.of(r.netnsMode() == RdmaNetnsMode.EXCLUSIVE)));

        // IPV6_ENABLED: net.ipv6.conf.all.disable_ipv6 (Documentation/networking/ip-sysctl.rst)
        e.sysctl("net.ipv6.conf.all.disable_ipv6").ifPresent(v -> {
            if (v.equals("1") || v.equals("0")) {
                flags.put(HostFlag.IPV6_ENABLED, Tri.of(v.equals("0")));
            }
        });

        if (smcSockets) {
            flags.put(HostFlag.SMC_SOCKETS_PRESENT, Tri.TRUE);
        } else if (e.has(SourceKind.SMCSS) && !failed(e, SourceKind.SMCSS)) {
            flags.put(HostFlag.SMC_SOCKETS_PRESENT, Tri.FALSE);
        }

        e.facts(BinaryLinkage.class).stream().filter(BinaryLinkage::elf).findFirst()
                .ifPresent(b -> flags.put(HostFlag.STATIC_BINARY, Tri.of(b.staticallyLinked())));

        // net.smc.limit_smc_hs (net/smc/smc_sysctl.c; af_smc.c smc_hs_congested())
        e.sysctl("net.smc.limit_smc_hs").ifPresent(v -> {
            if (v.equals("1") || v.equals("0")) {
                flags.put(HostFlag.LIMIT_SMC_HS, Tri.of(v.equals("1")));
            }
        });

        Set<DeviceKind> devices = EnumSet.noneOf(DeviceKind.class);
        for (SmcrDevice d : e.facts(SmcrDevice.class)) {
            deviceKind(d.ibDev(), d.type()).ifPresent(devices::add);
        }
        for (RdmaDev d : e.facts(RdmaDev.class)) {
            deviceKind(d.name(), "").ifPresent(devices::add);
        }
        for (RdmaDeviceInfo d : e.facts(RdmaDeviceInfo.class)) {
            deviceKind(d.name(), "").ifPresent(devices::add);
        }
        for (SmcdDevice d : e.facts(SmcdDevice.class)) {
            devices.add(d.type().toLowerCase(Locale.ROOT).contains("loopback") ? DeviceKind.LOOPBACK_ISM : DeviceKind.ISM);
        }
        // every listed device was classified: only then does the inventory rule a device kind out
        int listed = e.facts(SmcrDevice.class).size() + e.facts(RdmaDev.class).size()
                + e.facts(RdmaDeviceInfo.class).size() + e.facts(SmcdDevice.class).size();
        boolean allClassified = listed > 0 && e.facts(SmcrDevice.class).stream()
                .allMatch(d -> deviceKind(d.ibDev(), d.type()).isPresent())
                && e.facts(RdmaDev.class).stream().allMatch(d -> deviceKind(d.name(), "").isPresent())
                && e.facts(RdmaDeviceInfo.class).stream().allMatch(d -> deviceKind(d.name(), "").isPresent());
        if (smcListingsFailed && devices.isEmpty()) {
            allClassified = false;
        }
        return new HostContext(flags, family, version, devices, allClassified);
    }

    /** True when the listing of this kind reported a tool failure instead of its output. */
    private static boolean failed(Evidence e, SourceKind kind) {
        String file = kind.fileName();
        return e.facts(ToolError.class).stream().anyMatch(t -> t.provenance().source().equals(file));
    }

    /**
     * The kind of an RDMA device from its name and the smcr device Type column. Basis: erdma registers
     * {@code erdma_%d} (drivers/infiniband/hw/erdma/erdma_main.c), PCI device 0x107f; rxe devices carry no PCI id
     * (smc-tools dev.c prints 0) and are named by the user ({@code rxe0} by convention); mlx4/mlx5/s390 RoCE
     * Express are RoCE NICs; ISM devices are listed by {@code smcd device}.
     */
    static Optional<DeviceKind> deviceKind(String name, String type) {
        String n = name.toLowerCase(Locale.ROOT);
        String t = type.toLowerCase(Locale.ROOT);
        if (n.startsWith("erdma") || t.equals("0x107f")) {
            return Optional.of(DeviceKind.ERDMA);
        }
        if (n.startsWith("rxe")) {
            return Optional.of(DeviceKind.RXE);
        }
        if (n.startsWith("mlx4") || n.startsWith("mlx5") || t.startsWith("roce")) {
            return Optional.of(DeviceKind.ROCE);
        }
        return Optional.empty();
    }

    /**
     * The kernel family: Alibaba Cloud Linux / Anolis kernels (release suffix {@code .al7}, {@code .al8},
     * {@code .alnx}, {@code .an7}, {@code .an8}) carry Alibaba's SMC additions; Debian, Ubuntu, Fedora and
     * plain kernel.org builds follow mainline's SMC code closely enough to compare versions. Enterprise kernels that
     * backport SMC heavily (RHEL {@code .el}, SUSE) are neither: their version says little, so they stay unknown.
     */
    static Optional<KernelFamily> kernelFamily(String release, String distribution) {
        if (distribution.startsWith("alinux") || distribution.startsWith("anolis")) {
            return Optional.of(KernelFamily.ALIBABA);
        }
        if (distribution.startsWith("rhel") || distribution.startsWith("sles") || distribution.startsWith("suse")
                || release.contains(".el") || release.contains("-default")) {
            return Optional.empty();
        }
        return mainlineVersion(release).map(v -> KernelFamily.MAINLINE);
    }

    /** {@code major.minor} of a release string such as {@code 6.12.117+deb12-amd64}. */
    static Optional<String> mainlineVersion(String release) {
        Matcher m = RELEASE.matcher(release.trim());
        return m.find() ? Optional.of(Integer.parseInt(m.group(1)) + "." + Integer.parseInt(m.group(2)))
                : Optional.empty();
    }

    /** Compares two {@code major.minor} releases numerically. */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int c = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }

    /** What the evidence says about a host property. */
    public Tri flag(HostFlag flag) {
        return flags.getOrDefault(flag, Tri.UNKNOWN);
    }

    /** {@link HostFlag#UEID_DEFINED}, for rules. */
    public Tri ueidDefined() {
        return flag(HostFlag.UEID_DEFINED);
    }

    /** {@link HostFlag#SMC_LOADED}, for rules. */
    public Tri smcLoaded() {
        return flag(HostFlag.SMC_LOADED);
    }

    /** {@link HostFlag#RDMA_DEVICE_PRESENT}, for rules. */
    public Tri rdmaDevicePresent() {
        return flag(HostFlag.RDMA_DEVICE_PRESENT);
    }

    /** The kernel family, when the release string tells it. */
    public Optional<KernelFamily> kernelFamily() {
        return kernelFamily;
    }

    /** The kernel's {@code major.minor} release, when known. */
    public Optional<String> kernelVersion() {
        return kernelVersion;
    }

    /** True when the kernel is known to be mainline-family at {@code version} or newer. */
    public boolean mainlineAtLeast(String version) {
        return kernelFamily.orElse(null) == KernelFamily.MAINLINE
                && kernelVersion.map(v -> compare(v, version) >= 0).orElse(false);
    }

    /** True when the kernel is known to be mainline-family older than {@code version}. */
    public boolean mainlineBefore(String version) {
        return kernelFamily.orElse(null) == KernelFamily.MAINLINE
                && kernelVersion.map(v -> compare(v, version) < 0).orElse(false);
    }

    /**
     * Why this host's kernel is outside a kernel range (a cause's precondition, a remedy's kernels), if the evidence
     * shows it: another family, or a mainline release before {@code since} or at or after {@code before}. Empty when
     * the kernel is in the range or unknown: an unknown kernel never excludes.
     */
    public Optional<String> outside(KernelRange k) {
        if (kernelFamily.isEmpty()) {
            return Optional.empty();
        }
        KernelFamily family = kernelFamily.get();
        if (!k.families().isEmpty() && !k.families().contains(family)) {
            List<String> names = new ArrayList<>();
            k.families().forEach(f -> names.add(f.yaml()));
            names.sort(null);
            return Optional.of("the kernel is " + family.yaml() + ", the range is for " + String.join("/", names)
                    + " kernels");
        }
        if (family == KernelFamily.MAINLINE) {
            String v = kernelVersion.orElse("");
            if (k.since().isPresent() && mainlineBefore(k.since().get())) {
                return Optional.of("kernel " + v + " is older than " + k.since().get());
            }
            if (k.before().isPresent() && mainlineAtLeast(k.before().get())) {
                return Optional.of("kernel " + v + " is " + k.before().get() + " or newer");
            }
        }
        return Optional.empty();
    }

    /** The kinds of SMC device the evidence lists. */
    public Set<DeviceKind> devices() {
        return devices;
    }

    /** True when devices are listed and every one of them has a known kind (so a missing kind is absent). */
    public boolean devicesComplete() {
        return devicesListed;
    }

    @Override
    public String toString() {
        return "HostContext" + flags + " kernel=" + kernelFamily.map(Enum::name).orElse("?") + " "
                + kernelVersion.orElse("?") + " devices=" + devices + (devicesListed ? "" : " (incomplete)");
    }
}
