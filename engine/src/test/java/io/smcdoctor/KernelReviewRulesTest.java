package io.smcdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.facts.Provenance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule behaviours of the kernel review, each pinned on a bundle directory of real tool output (uname -a, sysctl -a,
 * lsmod, dmesg, ibv_devinfo, ip addr, smcss -a, the socket-option probe's JSON) read by {@link EvidenceBundle} and
 * diagnosed with the shipped rules and catalog.
 */
class KernelReviewRulesTest {
    private static Diagnoser diagnoser;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        diagnoser = Diagnoser.builder().cacheSize(0).build();
    }

    private DiagnosisReport diagnose(String name, Map<String, String> files) throws IOException {
        Path b = Files.createDirectories(dir.resolve(name));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(b.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
        return diagnoser.diagnose(EvidenceBundle.read(List.of(b)));
    }

    private static Diagnosis diagnosis(DiagnosisReport r, String id) {
        return r.diagnosis(id).orElseThrow(() -> new AssertionError(id + " not among " + r.diagnoses().stream()
                .map(Diagnosis::id).toList()));
    }

    // ---- 1. net.smc sysctls absent from a full listing: evidence only on kernels that have them

    /**
     * 60 keys as {@code sysctl -a} prints them on a Debian 11 host (tab-separated vectors, empty values), none under
     * net.smc; only {@code kernel.osrelease} follows the host's release.
     */
    private static String sysctlListing(String osrelease) {
        return String.join("\n",
                "kernel.hostname = h",
                "kernel.msgmax = 8192",
                "kernel.osrelease = " + osrelease,
                "kernel.ostype = Linux",
                "kernel.panic = 0",
                "kernel.panic_on_oops = 0",
                "kernel.panic_on_warn = 0",
                "kernel.pid_max = 4194304",
                "kernel.printk = 4\t4\t1\t7",
                "kernel.printk_delay = 0",
                "kernel.printk_ratelimit = 5",
                "kernel.printk_ratelimit_burst = 10",
                "kernel.randomize_va_space = 2",
                "kernel.shmall = 18446744073692774399",
                "kernel.shmmax = 18446744073692774399",
                "kernel.sysrq = 438",
                "kernel.threads-max = 63554",
                "net.core.default_qdisc = pfifo_fast",
                "net.core.netdev_max_backlog = 1000",
                "net.core.rmem_default = 212992",
                "net.core.rmem_max = 212992",
                "net.core.somaxconn = 4096",
                "net.core.wmem_default = 212992",
                "net.core.wmem_max = 212992",
                "net.ipv4.conf.all.forwarding = 0",
                "net.ipv4.conf.all.rp_filter = 0",
                "net.ipv4.conf.default.rp_filter = 1",
                "net.ipv4.conf.eth0.rp_filter = 1",
                "net.ipv4.ip_forward = 0",
                "net.ipv4.ip_local_port_range = 32768\t60999",
                "net.ipv4.ip_local_reserved_ports = ",
                "net.ipv4.tcp_congestion_control = cubic",
                "net.ipv4.tcp_ecn = 2",
                "net.ipv4.tcp_ecn_fallback = 1",
                "net.ipv4.tcp_fastopen = 1",
                "net.ipv4.tcp_fastopen_blackhole_timeout_sec = 0",
                "net.ipv4.tcp_fin_timeout = 60",
                "net.ipv4.tcp_keepalive_intvl = 75",
                "net.ipv4.tcp_keepalive_probes = 9",
                "net.ipv4.tcp_keepalive_time = 7200",
                "net.ipv4.tcp_max_syn_backlog = 512",
                "net.ipv4.tcp_mem = 93354\t124474\t186708",
                "net.ipv4.tcp_mtu_probing = 0",
                "net.ipv4.tcp_no_metrics_save = 0",
                "net.ipv4.tcp_rmem = 4096\t131072\t6291456",
                "net.ipv4.tcp_sack = 1",
                "net.ipv4.tcp_slow_start_after_idle = 1",
                "net.ipv4.tcp_syncookies = 1",
                "net.ipv4.tcp_timestamps = 1",
                "net.ipv4.tcp_tw_reuse = 2",
                "net.ipv4.tcp_window_scaling = 1",
                "net.ipv4.tcp_wmem = 4096\t16384\t4194304",
                "net.ipv6.conf.all.disable_ipv6 = 0",
                "net.ipv6.conf.default.disable_ipv6 = 0",
                "vm.dirty_background_ratio = 10",
                "vm.dirty_ratio = 20",
                "vm.max_map_count = 65530",
                "vm.min_free_kbytes = 67584",
                "vm.overcommit_memory = 0",
                "vm.swappiness = 60") + "\n";
    }

    static final String SYSCTL_RULE = "smc-module-not-loaded: a full sysctl listing has no net.smc keys";

    @Test
    void fullSysctlListingWithoutNetSmc_onKernel510_concludesNothingAboutTheModule() throws IOException {
        // Basis (module.drl): the net.smc sysctls exist since 5.18 (net/smc/smc_sysctl.c, 462791bbfa35) and on
        // Alibaba kernels; on an older kernel their absence proves nothing. No lsmod, no smcss, no probe here.
        DiagnosisReport r = diagnose("debian11", Map.of(
                "uname.txt", "Linux h 5.10.0-21-amd64 #1 SMP Debian 5.10.162-1 (2023-01-21) x86_64 GNU/Linux\n",
                "sysctl.txt", sysctlListing("5.10.0-21-amd64")));

        assertThat(r.diagnoses()).extracting(Diagnosis::id).doesNotContain("smc-module-not-loaded");
    }

    @Test
    void fullSysctlListingWithoutNetSmc_onKernel612_concludesModuleNotLoadedFromTheListing() throws IOException {
        // Basis (module.drl): /proc/sys/net/smc exists only while smc is loaded (net/smc/smc_sysctl.c, since 5.18):
        // on 6.12 a full listing without any net.smc.* key says the module is not loaded. Same listing as above.
        DiagnosisReport r = diagnose("debian12", Map.of(
                "uname.txt", "Linux h 6.12.117+deb12-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.12.117-1~deb12u1 "
                        + "(2026-11-14) x86_64 GNU/Linux\n",
                "sysctl.txt", sysctlListing("6.12.117+deb12-amd64")));

        Diagnosis d = diagnosis(r, "smc-module-not-loaded");
        assertThat(d.rules()).containsExactly(SYSCTL_RULE);
        // the lines it came from, not the whole file: the kernel that has net.smc sysctls, and the two keys of the
        // listing between which net.smc.* would stand (lines 54 and 55 of the listing above)
        assertThat(d.evidence()).extracting(p -> p.source() + ":" + p.line() + ": " + p.text()).containsExactly(
                "uname.txt:1: Linux h 6.12.117+deb12-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.12.117-1~deb12u1 "
                        + "(2026-11-14) x86_64 GNU/Linux",
                "sysctl.txt:54: net.ipv6.conf.default.disable_ipv6 = 0",
                "sysctl.txt:55: vm.dirty_background_ratio = 10");
    }

    @Test
    void sysctlListingBelowFiftyKeys_onKernel612_isNotTakenAsFull() throws IOException {
        // Basis (module.drl): only a full listing (>= 50 keys) stands for `sysctl -a`; a few collected keys (the lab's
        // three disable_ipv6 lines) say nothing about net.smc
        DiagnosisReport r = diagnose("partial", Map.of(
                "uname.txt", "Linux h 6.12.117+deb12-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.12.117-1~deb12u1 "
                        + "(2026-11-14) x86_64 GNU/Linux\n",
                "sysctl.txt", "net.ipv6.conf.all.disable_ipv6 = 0\nnet.ipv6.conf.default.disable_ipv6 = 0\n"
                        + "net.ipv6.conf.eth0.disable_ipv6 = 0\n"));

        assertThat(r.diagnoses()).extracting(Diagnosis::id).doesNotContain("smc-module-not-loaded");
    }

    // ---- 2. eRDMA OOB reserved ports: the remedy unloads smc_diag with smc

    @Test
    void reservedPortsEaddrinuse_remedyUnloadsSmcDiagWithSmc_neverBareRmmodSmc() throws IOException {
        // Basis (ports.drl, catalog reserved-ports-erdma-oob): seed "特定のポートが使用できなくなる" - with eRDMA
        // smc reserves ports 65500-65515 per netns ("smc: netns N reserved ports [65500 ~ 65515] for eRDMA OOB");
        // smc_diag holds smc (lsmod: "smc ... smc_diag"), so a bare `rmmod smc` fails with "Module smc is in use by:
        // smc_diag" (kmod tools/rmmod.c)
        DiagnosisReport r = diagnose("alinux3", Map.of(
                "uname.txt", "Linux iZbp1h7j2k5l8z0x3c6v9bZ 5.10.134-16.3.al8.x86_64 #1 SMP Fri Dec 22 17:49:24 CST "
                        + "2023 x86_64 x86_64 x86_64 GNU/Linux\n",
                "symptom.txt", "our service fails to start: bind() on port 65510 returns EADDRINUSE (Address already "
                        + "in use) since we enabled SMC\n",
                "dmesg.txt", "[    0.000000] Linux version 5.10.134-16.3.al8.x86_64 (mockbuild@x86-build-2) (gcc (GCC) "
                        + "10.2.1 20200825 (Alibaba 10.2.1-3.8 2.32), GNU ld version 2.35-5.1.al8) #1 SMP Fri Dec 22 "
                        + "17:49:24 CST 2023\n"
                        + "[    3.925267] smc: netns 4026531840 reserved ports [65500 ~ 65515] for eRDMA OOB\n"
                        + "[    3.925720] smc: adding ib device erdma_0 with port count 1\n",
                "lsmod.txt", "Module                  Size  Used by\n"
                        + "smc_diag               16384  0\n"
                        + "smc                   282624  6 smc_diag\n"
                        + "erdma                 139264  0\n"
                        + "ib_core               389120  4 smc,ib_uverbs,iw_cm,erdma\n"));

        Diagnosis d = diagnosis(r, "erdma-oob-reserved-ports");
        assertThat(d.rules()).contains("erdma-oob-reserved-ports: reserved ports in dmesg and EADDRINUSE");
        assertThat(d.evidence()).extracting(Provenance::text)
                .contains("[    3.925267] smc: netns 4026531840 reserved ports [65500 ~ 65515] for eRDMA OOB");
        assertThat(d.commands()).contains("modprobe -r smc_diag smc")
                .noneMatch(c -> c.trim().matches("rmmod\\s+smc"));
    }

    // ---- 3. socket-option probe: TCP_FASTOPEN_NO_COOKIE falls back

    /** A probe document with TCP_NODELAY on line 9 and TCP_FASTOPEN_NO_COOKIE on line 10. */
    private static String probe(String fastOpenNoCookie) {
        return "{\n"
                + "  \"schema\" : \"smc-doctor/sockopt-probe/v1\",\n"
                + "  \"host\" : \"(none)\",\n"
                + "  \"platform\" : \"linux\",\n"
                + "  \"kernel\" : \"6.12.117+deb12-amd64\",\n"
                + "  \"target\" : \"10.10.0.1:5101\",\n"
                + "  \"sockets\" : [ {\"protocol\" : \"SMCPROTO_SMC\", \"opened\" : true, \"errno\" : 0, "
                + "\"errnoName\" : \"\", "
                + "\"message\" : \"AF_SMC socket opened (SO_DOMAIN=43, SO_PROTOCOL=0: an SMC socket)\"} ],\n"
                + "  \"options\" : [\n"
                + "    {\"level\" : \"SOL_TCP\", \"name\" : \"TCP_NODELAY\", \"value\" : 1, "
                + "\"phase\" : \"before-connect\", \"outcome\" : \"ok\", \"errno\" : 0, \"errnoName\" : \"\", "
                + "\"fallbackCode\" : \"0x00000000\", "
                + "\"detail\" : \"read back 1; then connected to 10.10.0.1:5101; connection SMCR (ACTIVE)\"},\n"
                + "    " + fastOpenNoCookie + "\n"
                + "  ]\n"
                + "}\n";
    }

    @Test
    void probeTcpFastOpenNoCookieFallback_concludesOptUnsuppFastOpenCitingTheProbeLine() throws IOException {
        // Basis (options.drl): net/smc/af_smc.c smc_setsockopt() switches to TCP for TCP_FASTOPEN_NO_COOKIE set
        // before connect (SMC_CLC_DECL_OPTUNSUPP 0x03060000)
        DiagnosisReport r = diagnose("probe-fallback", Map.of("sockopt-probe.json", probe(
                "{\"level\" : \"SOL_TCP\", \"name\" : \"TCP_FASTOPEN_NO_COOKIE\", \"value\" : 34, "
                        + "\"phase\" : \"before-connect\", \"outcome\" : \"fallback\", \"errno\" : 0, "
                        + "\"errnoName\" : \"\", \"fallbackCode\" : \"0x03060000\", "
                        + "\"detail\" : \"read back 1; then connected to 10.10.0.1:5101; "
                        + "connection TCP fallback 0x03060000 (smcss: ACTIVE TCP)\"}")));

        Diagnosis d = diagnosis(r, "optunsupp-fastopen");
        assertThat(d.rules()).contains("optunsupp-fastopen: probe shows TCP Fast Open falls back");
        assertThat(d.reasonCodes()).contains(0x03060000);
        assertThat(d.evidence()).anySatisfy(p -> {
            assertThat(p.source()).isEqualTo("sockopt-probe.json");
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.text()).contains("TCP_FASTOPEN_NO_COOKIE").contains("fallback");
        });
        assertThat(d.evidence()).extracting(Provenance::text).noneMatch(t -> t.contains("TCP_NODELAY"));
    }

    @Test
    void probeTcpFastOpenFallback_givesOneCause_theFastOpenOne() throws IOException {
        // Basis (options.drl): net/smc/af_smc.c smc_setsockopt() handles TCP_FASTOPEN before connect by
        // smc_switch_to_fallback(smc, SMC_CLC_DECL_OPTUNSUPP): the fallback of this probe line is TCP Fast Open, and
        // the general "option not supported by SMC" says the same less precisely, so it is not concluded beside it
        DiagnosisReport r = diagnose("probe-fastopen", Map.of("sockopt-probe.json", probe(
                "{\"level\" : \"SOL_TCP\", \"name\" : \"TCP_FASTOPEN\", \"value\" : 23, "
                        + "\"phase\" : \"before-connect\", \"outcome\" : \"fallback\", \"errno\" : 0, "
                        + "\"errnoName\" : \"\", \"fallbackCode\" : \"0x03060000\", "
                        + "\"detail\" : \"read back 1; then connected to 10.10.0.1:5101; "
                        + "connection TCP fallback 0x03060000 (smcss: ACTIVE TCP)\"}")));

        assertThat(r.diagnoses()).extracting(Diagnosis::id).contains("optunsupp-fastopen")
                .doesNotContain("sockopt-not-supported-by-smc");
        assertThat(diagnosis(r, "optunsupp-fastopen").evidence())
                .anySatisfy(p -> assertThat(p.line()).isEqualTo(10));
    }

    @Test
    void probeTcpFastOpenNoCookieEinvalOnEstablishedSocket_isNoFastOpenFallback() throws IOException {
        // Basis (options.drl): on a connected SMC socket smc_setsockopt() returns EINVAL for the fast-open options
        // instead of falling back, while plain TCP accepts them (net/ipv4/tcp.c do_tcp_setsockopt()): the socket
        // behaves differently from TCP, but nothing fell back with OPTUNSUPP
        DiagnosisReport r = diagnose("probe-established", Map.of("sockopt-probe.json", probe(
                "{\"level\" : \"SOL_TCP\", \"name\" : \"TCP_FASTOPEN_NO_COOKIE\", \"value\" : 34, "
                        + "\"phase\" : \"established\", \"outcome\" : \"error\", \"errno\" : 22, "
                        + "\"errnoName\" : \"EINVAL\", \"fallbackCode\" : \"0x00000000\", "
                        + "\"detail\" : \"setsockopt failed: EINVAL; SO_DOMAIN=43, SO_PROTOCOL=0: an SMC socket; "
                        + "connection SMCR (ACTIVE)\", \"tcpErrno\" : 0, \"tcpErrnoName\" : \"\"}")));

        assertThat(r.diagnoses()).extracting(Diagnosis::id).doesNotContain("optunsupp-fastopen")
                .contains("sockopt-not-supported-by-smc");
    }

    // ---- 4. node GUID = EUI-64 of the MAC: only for eRDMA / soft-RoCE

    private static final String SMCSS = Fx.SMCSS_HEADER + "\n"
            + "ACTIVE         00000 0004711 192.168.0.10:40022      192.168.0.20:8080       0000 TCP 0x03030000\n";

    private static final String IP_ADDR = ""
            + "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n"
            + "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n"
            + "    inet 127.0.0.1/8 scope host lo\n"
            + "       valid_lft forever preferred_lft forever\n"
            + "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP group default qlen 1000\n"
            + "    link/ether 00:16:3e:aa:bb:cc brd ff:ff:ff:ff:ff:ff\n"
            + "    inet 192.168.0.10/24 brd 192.168.0.255 scope global dynamic noprefixroute eth0\n"
            + "       valid_lft 315359911sec preferred_lft 315359911sec\n";

    private static String ibvDevinfo(String name, String transport, String guid, String vendor, String part) {
        return "hca_id:\t" + name + "\n"
                + "\ttransport:\t\t\t" + transport + "\n"
                + "\tfw_ver:\t\t\t\t" + (name.startsWith("mlx5") ? "20.39.1002" : "0.2.0") + "\n"
                + "\tnode_guid:\t\t\t" + guid + "\n"
                + "\tsys_image_guid:\t\t\t" + guid + "\n"
                + "\tvendor_id:\t\t\t" + vendor + "\n"
                + "\tvendor_part_id:\t\t\t" + part + "\n"
                + "\thw_ver:\t\t\t\t0x0\n"
                + "\tphys_port_cnt:\t\t\t1\n"
                + "\t\tport:\t1\n"
                + "\t\t\tstate:\t\t\tPORT_ACTIVE (4)\n"
                + "\t\t\tmax_mtu:\t\t4096 (5)\n"
                + "\t\t\tactive_mtu:\t\t1024 (3)\n"
                + "\t\t\tsm_lid:\t\t\t0\n"
                + "\t\t\tport_lid:\t\t0\n"
                + "\t\t\tport_lmc:\t\t0x00\n"
                + "\t\t\tlink_layer:\t\tEthernet\n";
    }

    static final String GUID_RULE = "nosmcdev-nic-without-erdma: no eRDMA/rxe GUID matches the socket's interface";

    @Test
    void eRdmaGuidMatchesNoInterfaceMac_concludesNicWithoutErdma() throws IOException {
        // Basis (nosmcdev.drl): an eRDMA device's node GUID is the EUI-64 form of its NIC's MAC
        // (drivers/infiniband/hw/erdma/erdma_main.c erdma_device_register() addrconf_addr_eui48()); eth0's MAC
        // 00:16:3e:aa:bb:cc would give 0216:3eff:feaa:bbcc, erdma_0 belongs to another NIC
        DiagnosisReport r = diagnose("erdma", Map.of("smcss.txt", SMCSS, "ip-addr.txt", IP_ADDR,
                "ibv_devinfo.txt", ibvDevinfo("erdma_0", "iWARP (1)", "0216:3eff:fe12:3456", "0x1ded", "4223")));

        Diagnosis d = diagnosis(r, "nosmcdev-nic-without-erdma");
        assertThat(d.rules()).contains(GUID_RULE);
        assertThat(d.evidence()).extracting(Provenance::text).contains(
                "ACTIVE         00000 0004711 192.168.0.10:40022      192.168.0.20:8080       0000 TCP 0x03030000",
                "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP group default qlen 1000");
    }

    @Test
    void ibvDevinfoNoDevices_citesTheLineThatSaysSo_notTheWholeFile() throws IOException {
        // Basis (nosmcdev.drl): rdma-core's ibv_devinfo prints "No IB devices found" when libibverbs finds no device;
        // that line is the evidence, so it is cited with its number (the whole file only when it is empty)
        DiagnosisReport r = diagnose("no-ib", Map.of("smcss.txt", SMCSS, "ibv_devinfo.txt", "No IB devices found\n"));

        Diagnosis d = diagnosis(r, "nosmcdev-no-rdma-device");
        assertThat(d.rules()).contains("nosmcdev-no-rdma-device: ibv_devinfo lists no RDMA device");
        assertThat(d.evidence()).filteredOn(p -> p.source().equals("ibv_devinfo.txt"))
                .extracting(p -> p.line() + ": " + p.text()).containsExactly("1: No IB devices found");
    }

    @Test
    void mlx5GuidMatchesNoInterfaceMac_isNoEvidenceTheNicLacksADevice() throws IOException {
        // Basis (nosmcdev.drl, RuleFunctions.macDerivedGuid): mlx5 and InfiniBand HCAs carry firmware GUIDs
        // (b83f:d203:006a:104e is not an EUI-64 of any MAC), so a GUID that matches no MAC says nothing. Same bundle as
        // above with the mlx5_0 device instead of erdma_0.
        DiagnosisReport r = diagnose("mlx5", Map.of("smcss.txt", SMCSS, "ip-addr.txt", IP_ADDR,
                "ibv_devinfo.txt", ibvDevinfo("mlx5_0", "InfiniBand (0)", "b83f:d203:006a:104e", "0x02c9", "4123")));

        assertThat(r.diagnoses()).flatExtracting(Diagnosis::rules).doesNotContain(GUID_RULE);
        // the cause stays a candidate of the code alone (baseline.drl), without the interface as evidence
        Diagnosis d = diagnosis(r, "nosmcdev-nic-without-erdma");
        assertThat(d.rules()).containsExactly("baseline: fallback code observed, the code's catalog causes");
        assertThat(d.evidence()).extracting(Provenance::source).containsExactly("smcss.txt");
    }

    // ---- 5. a reason code alone: its candidates rank equally, never by catalog order

    @Test
    void mlx5HostWithNosmcdev_codeOnlyCandidatesRankEqually_inIdOrder() throws IOException {
        // Basis (baseline.drl, docs/ranking.md): NOSMCDEV on a host whose smcr device lists an mlx5 port with its
        // netdev and whose RDMA namespace mode is shared; nothing here tells which of the code's remaining causes it
        // is, so none may rank above another (before, the first of the catalog's list, "the NIC has no eRDMA",
        // ranked first at 0.36 on an mlx5 host merely for being listed first)
        DiagnosisReport r = diagnose("mlx5-nosmcdev", Map.of("smcss.txt", SMCSS,
                "smcr-device.txt", "Net-Dev         IB-Dev   IB-P  IB-State  Type          Crit   FID   PCI-ID"
                        + "        PCHID  #Links  PNET-ID  \n"
                        + "eth0            mlx5_0      1    ACTIVE  0x1018          No   0000  0000:00:06.0  0000"
                        + "        0                   \n",
                "rdma-system.txt", "netns shared copy-on-fork on\n"));

        List<Diagnosis> codeOnly = r.diagnoses().stream()
                .filter(d -> d.rules().equals(List.of("baseline: fallback code observed, the code's catalog causes")))
                .toList();
        assertThat(codeOnly).extracting(Diagnosis::id).contains("nosmcdev-nic-without-erdma", "nosmcdev-no-ueid")
                // contradicted: a device is listed, the namespace mode is shared, the port has its netdev
                .doesNotContain("nosmcdev-no-rdma-device", "nosmcdev-rdma-netns-exclusive",
                        "nosmcdev-ibdev-netdev-unresolved")
                .isSorted();
        assertThat(codeOnly).extracting(Diagnosis::confidence).containsOnly(codeOnly.get(0).confidence());
        assertThat(r.diagnoses()).first().extracting(Diagnosis::id).isEqualTo(codeOnly.get(0).id());
    }

    // ---- 6. a remedy only where the kernel has it: net.smc.hs_ctrl is mainline 6.19+

    /**
     * The curl-fails sample (client counting handshake errors, the user's words) with another uname; without its
     * kernel log, whose boot line names the sample's own kernel.
     */
    private DiagnosisReport curlFailsOn(String name, String uname) throws IOException {
        Map<String, String> files = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> list = Files.list(Path.of("../samples/bundles/curl-fails"))) {
            for (Path f : list.toList()) {
                if (!f.getFileName().toString().equals("dmesg.txt")) {
                    files.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        files.put("uname.txt", uname + "\n");
        return diagnose(name, files);
    }

    private static List<String> replayCommands(DiagnosisReport r) {
        return diagnosis(r, "tcp-option-replay-middlebox").remedies().stream()
                .flatMap(x -> x.commands().stream()).toList();
    }

    @Test
    void replayRemedy_hsCtrlOnlyOnMainline619_theAlternativeElsewhere() throws IOException {
        // Basis (symptoms.yaml, remedy kernel ranges): the hs_ctrl sysctl is registered by net/smc/smc_sysctl.c only
        // with CONFIG_SMC_HS_CTRL_BPF, merged for 6.19 (15f295f55656); Alibaba kernels have their own negotiation
        // control and the tcp2smc sysctl instead
        DiagnosisReport alibaba = curlFailsOn("replay-alinux", "Linux h 5.10.134-16.3.al8.x86_64 #1 SMP Fri Dec 22 "
                + "17:49:24 CST 2023 x86_64 x86_64 x86_64 GNU/Linux");
        DiagnosisReport debian = curlFailsOn("replay-612", "Linux h 6.12.117+deb12-amd64 #1 SMP PREEMPT_DYNAMIC Debian "
                + "6.12.117-1~deb12u1 (2026-11-14) x86_64 GNU/Linux");
        DiagnosisReport mainline = curlFailsOn("replay-619", "Linux h 6.19.2 #1 SMP PREEMPT_DYNAMIC Sat Feb 14 "
                + "10:00:00 UTC 2026 x86_64 GNU/Linux");

        assertThat(replayCommands(alibaba)).containsExactly("sysctl -w net.smc.tcp2smc=0");
        assertThat(replayCommands(debian)).isEmpty();
        assertThat(diagnosis(debian, "tcp-option-replay-middlebox").remedies())
                .singleElement().satisfies(x -> assertThat(x.summary()).contains("without smc_run"));
        assertThat(replayCommands(mainline)).containsExactly("sysctl -w net.smc.hs_ctrl=<bpf-profile-name>");
    }

    @Test
    void replayRemedy_kernelUnknown_showsEveryKernelsRemedy() throws IOException {
        // without a uname nothing tells which kernel it is: each remedy names the kernels it is for
        Map<String, String> files = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> list = Files.list(Path.of("../samples/bundles/curl-fails"))) {
            for (Path f : list.toList()) {
                String n = f.getFileName().toString();
                if (!n.equals("uname.txt") && !n.equals("dmesg.txt")) {
                    files.put(n, Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        DiagnosisReport r = diagnose("replay-unknown", files);

        assertThat(replayCommands(r)).containsExactly("sysctl -w net.smc.hs_ctrl=<bpf-profile-name>",
                "sysctl -w net.smc.tcp2smc=0");
        assertThat(diagnosis(r, "tcp-option-replay-middlebox").remedies()).hasSize(3);
    }

    @Test
    void replayMiddlebox_citesTheHandshakeErrorsLine_notTheStatsHeader() throws IOException {
        // peer.drl: the `Handshake errors (client N)` counter of `smcr -d stats` is the evidence of the replay cause;
        // the diagnosis cites the line that printed it (before: smcr-stats.txt:1, the summary header)
        DiagnosisReport r = curlFailsOn("replay-citation", "Linux h 5.10.134-16.3.al8.x86_64 #1 SMP Fri Dec 22 "
                + "17:49:24 CST 2023 x86_64 x86_64 x86_64 GNU/Linux");

        assertThat(diagnosis(r, "tcp-option-replay-middlebox").evidence())
                .filteredOn(p -> p.source().equals("smcr-stats.txt"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.line()).isEqualTo(6);
                    assertThat(p.text()).contains("Handshake errors").contains("client 23");
                });
    }
}
