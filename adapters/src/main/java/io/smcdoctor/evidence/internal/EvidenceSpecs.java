package io.smcdoctor.evidence.internal;

import static io.smcdoctor.evidence.internal.EvidenceSpec.command;
import static io.smcdoctor.evidence.internal.EvidenceSpec.genericLine;
import static io.smcdoctor.evidence.internal.EvidenceSpec.line;

import io.smcdoctor.catalog.LocalizedText;
import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.BinaryLinkage;
import io.smcdoctor.evidence.facts.BundleManifest;
import io.smcdoctor.evidence.facts.CollectedCommand;
import io.smcdoctor.evidence.facts.Fact;
import io.smcdoctor.evidence.facts.FallbackCounter;
import io.smcdoctor.evidence.facts.HostIdentity;
import io.smcdoctor.evidence.facts.InputFailed;
import io.smcdoctor.evidence.facts.KernelEvent;
import io.smcdoctor.evidence.facts.KernelRelease;
import io.smcdoctor.evidence.facts.KernelSplat;
import io.smcdoctor.evidence.facts.LinkGroup;
import io.smcdoctor.evidence.facts.LoadedModule;
import io.smcdoctor.evidence.facts.MentionedCode;
import io.smcdoctor.evidence.facts.MentionedErrno;
import io.smcdoctor.evidence.facts.MentionedKernel;
import io.smcdoctor.evidence.facts.MentionedPort;
import io.smcdoctor.evidence.facts.NetInterface;
import io.smcdoctor.evidence.facts.PnetEntry;
import io.smcdoctor.evidence.facts.RdmaDev;
import io.smcdoctor.evidence.facts.RdmaDeviceInfo;
import io.smcdoctor.evidence.facts.RdmaLink;
import io.smcdoctor.evidence.facts.RdmaResource;
import io.smcdoctor.evidence.facts.RdmaSystem;
import io.smcdoctor.evidence.facts.SmcInfo;
import io.smcdoctor.evidence.facts.SmcStats;
import io.smcdoctor.evidence.facts.SmcTechnology;
import io.smcdoctor.evidence.facts.SmcdDevice;
import io.smcdoctor.evidence.facts.SmcrDevice;
import io.smcdoctor.evidence.facts.SmcrLink;
import io.smcdoctor.evidence.facts.SocketProbeOutcome;
import io.smcdoctor.evidence.facts.SocketRow;
import io.smcdoctor.evidence.facts.SockoptProbeResult;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.SymptomText;
import io.smcdoctor.evidence.facts.SysctlSetting;
import io.smcdoctor.evidence.facts.ToolError;
import io.smcdoctor.evidence.facts.Ueid;
import io.smcdoctor.evidence.internal.EvidenceSpec.Command;
import io.smcdoctor.evidence.internal.EvidenceSpec.Gathering;
import io.smcdoctor.evidence.internal.EvidenceSpec.Invocation;
import io.smcdoctor.evidence.internal.EvidenceSpec.LineShape;
import io.smcdoctor.evidence.internal.EvidenceSpec.Reader;
import io.smcdoctor.evidence.internal.EvidenceSpec.Signature;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The registry of evidence inputs: one {@link EvidenceSpec} per {@link SourceKind}, in the order of the enum (which
 * is also the order {@code collect} runs the commands in). The model is insights-core's spec registry
 * ({@code insights/specs/__init__.py} declares each input once, {@code insights/specs/default.py} binds it to the
 * command that produces it); here one table holds both, and every consumer reads it: the bundle reader (file
 * names), the content sniffer (signatures), the live collector (commands), {@code Evidence.Builder} (canonical
 * names, parsers) and the fuzzers (text kinds).
 *
 * <p>Sources of the formats: smc-tools ({@code smcss.c}, {@code smcr}/{@code smcd} {@code dev.c},
 * {@code linkgroup.c}, {@code stats.c}, {@code info.c}, {@code ueid.c}, {@code smc_pnet.c}), iproute2
 * ({@code ip/ipaddress.c}, {@code rdma/sys.c}, {@code rdma/dev.c}, {@code rdma/link.c}), rdma-core
 * {@code libibverbs/examples/devinfo.c}, util-linux {@code dmesg}, kmod {@code lsmod}, procps {@code sysctl}.
 */
public final class EvidenceSpecs {
    private static final Map<SourceKind, EvidenceSpec> SPECS = build();
    /** Every spec, in kind order (immutable: handed out as is, a report asks for it on every diagnosis). */
    private static final List<EvidenceSpec> ALL = List.copyOf(SPECS.values());
    private static final Set<String> TOOLS = tools(SPECS);

    private EvidenceSpecs() {
    }

    /** The spec of a kind. */
    public static EvidenceSpec of(SourceKind kind) {
        return SPECS.get(kind);
    }

    /** Every spec, in {@link SourceKind} order. */
    public static List<EvidenceSpec> all() {
        return ALL;
    }

    /**
     * The kind a bundle file name denotes (canonical names and aliases); case-insensitive, directories in the name
     * are ignored.
     */
    public static Optional<SourceKind> ofFileName(String name) {
        String base = EvidenceSpec.baseName(name);
        for (EvidenceSpec s : SPECS.values()) {
            if (s.matchesFileName(base)) {
                return Optional.of(s.kind());
            }
        }
        return Optional.empty();
    }

    /** The programs of every kind's {@link EvidenceSpec#invocations()}: a bare line naming one may be a command line. */
    public static Set<String> tools() {
        return TOOLS;
    }

    /** Kinds parsed line by line as text, in {@link SourceKind} order. */
    public static List<SourceKind> textKinds() {
        return kinds(Reader.Text.class);
    }

    /** Kinds read as JSON documents, in {@link SourceKind} order. */
    public static List<SourceKind> jsonKinds() {
        return kinds(Reader.Json.class);
    }

    private static List<SourceKind> kinds(Class<? extends Reader> reader) {
        List<SourceKind> out = new ArrayList<>();
        SPECS.values().stream().filter(s -> reader.isInstance(s.reader())).forEach(s -> out.add(s.kind()));
        return List.copyOf(out);
    }

    private static Map<SourceKind, EvidenceSpec> build() {
        Map<SourceKind, EvidenceSpec> m = new EnumMap<>(SourceKind.class);
        put(m, new Spec(SourceKind.SMCSS, "smcss.txt", "smcss").aliases("smcss*.txt").primary()
                .tells("lists every SMC socket with its mode (SMCR, SMCD or TCP) and fallback reason codes",
                        "すべての SMC ソケットとそのモード (SMCR、SMCD、TCP)、フォールバックの原因コードを一覧表示します")
                .text(SmcssParser::new, SocketRow.class, ToolError.class, InputFailed.class)
                .signatures(line("^State\\s+UID\\s+Inode\\b"),
                        // a row without its header, as pasted: state, 5-digit UID, 7-digit inode (smcss.c)
                        line("^(?:ACTIVE|LISTEN|INIT|CLOSED|PEERCLOSEWAIT[12]|APPCLOSEWAIT[12]|APPFINCLOSEWAIT1?"
                                + "|PEERFINCLOSEWAIT|PEERABORTWAIT|PROCESSABORT)\\s+\\d{5}\\s+\\d{7}\\b"),
                        // smc_chk live-test results
                        line("^Test with target IP \\S+"), line("^Live test \\(SMC"),
                        line("^Failed\\s+\\(TCP fallback\\)"), line("^Success, using SMC-[RD]\\b"))
                .typed("smc_dbg", "").typed("smc_chk", "").shape(LineShapes.SMCSS)
                .commands(command("smcss.txt", "smcss", "-a"), command("smcss-R.txt", "smcss", "-a", "-R"),
                        command("smcss-smcd.txt", "smcss", "-a", "-D"), command("smcss-d.txt", "smcss", "-a", "-d")));
        put(m, new Spec(SourceKind.SMCR_DEVICE, "smcr-device.txt", "smcr device")
                .tells("shows whether SMC sees a usable RDMA device",
                        "SMC が使用できる RDMA デバイスがあるかを示します")
                .text(SmcrDeviceParser::new, SmcrDevice.class, ToolError.class, InputFailed.class)
                .signatures(line("^Net-Dev\\s+IB-Dev\\b")).shape(LineShapes.SMCR_DEVICE)
                .commands(command("smcr-device.txt", "smcr", "-d", "device")));
        put(m, new Spec(SourceKind.SMCR_LINKGROUP, "smcr-linkgroup.txt", "smcr linkgroup")
                .tells("shows the SMC-R link groups with their connections and links",
                        "SMC-R のリンクグループと、その接続数とリンクを示します")
                .text(() -> new LinkgroupParser(SmcTechnology.SMCR), LinkGroup.class, SmcrLink.class, ToolError.class,
                        InputFailed.class)
                .signatures(line("^LG-ID\\s+LG-Role\\b"), line("^LG-Role\\s*:")).shape(LineShapes.LINKGROUP)
                .commands(command("smcr-linkgroup.txt", "smcr", "-d", "linkgroup")));
        put(m, new Spec(SourceKind.SMCR_STATS, "smcr-stats.txt", "smcr stats")
                .tells("counts fallbacks per reason (also for sockets already closed) and requests per connection",
                        "原因ごとのフォールバック数 (すでに閉じたソケットの分も含む) と接続あたりのリクエスト数を示します")
                .text(() -> new StatsParser(SmcTechnology.SMCR), SmcStats.class, FallbackCounter.class, ToolError.class,
                        InputFailed.class)
                .signatures(line("^SMC-R Connections Summary\\b")).shape(LineShapes.STATS)
                .commands(command("smcr-stats.txt", "smcr", "-d", "stats")));
        put(m, new Spec(SourceKind.SMCR_INFO, "smcr-info.txt", "smcr info")
                .tells("shows the SMC version and capabilities of the kernel",
                        "カーネルの SMC バージョンと機能を示します")
                .text(SmcInfoParser::new, SmcInfo.class, ToolError.class, InputFailed.class)
                .signatures(line("^(Kernel Capabilities|SMC Version:)")).shape(LineShapes.SMC_INFO)
                .commands(command("smcr-info.txt", "smcr", "info")));
        put(m, new Spec(SourceKind.SMCR_UEID, "smcr-ueid.txt", "smcr ueid")
                .tells("SMC-Rv2 without a UEID or PNET ID offers no device (empty output means no UEID)",
                        "UEID も PNET ID もない SMC-Rv2 はデバイスを提示しません (出力が空なら UEID はありません)")
                .text(UeidParser::new, Ueid.class, ToolError.class, InputFailed.class)
                .unsniffable("a UEID list is bare names (and empty when no UEID is set): only its name says what it is")
                .typed("smcd", "ueid").shape(LineShapes.UEID_LIST)
                .commands(command("smcr-ueid.txt", "smcr", "ueid", "show")));
        put(m, new Spec(SourceKind.SMC_PNET, "smc-pnet.txt", "smc_pnet")
                .tells("shows the PNET IDs that tie network interfaces to RDMA or ISM devices",
                        "ネットワークインターフェースと RDMA/ISM デバイスを結び付ける PNET ID を示します")
                .text(PnetParser::new, PnetEntry.class, ToolError.class, InputFailed.class)
                .signatures(line("^smc_pnet: "), genericLine("^\\S+ (\\S+ n/a|n/a \\S+) \\d+\\s*$"))
                .shape(LineShapes.PNET)
                .commands(command("smc-pnet.txt", "smc_pnet", "-s")));
        put(m, new Spec(SourceKind.SMCD_DEVICE, "smcd-device.txt", "smcd device")
                .tells("shows whether SMC sees a usable ISM device (SMC-D)",
                        "SMC が使用できる ISM デバイス (SMC-D) があるかを示します")
                .text(SmcdDeviceParser::new, SmcdDevice.class, ToolError.class, InputFailed.class)
                .signatures(line("^FID\\s+Type\\s+PCI-ID\\b")).shape(LineShapes.SMCD_DEVICE)
                .commands(command("smcd-device.txt", "smcd", "-d", "device")));
        put(m, new Spec(SourceKind.SMCD_LINKGROUP, "smcd-linkgroup.txt", "smcd linkgroup")
                .tells("shows the SMC-D link groups with their connections",
                        "SMC-D のリンクグループとその接続数を示します")
                .text(() -> new LinkgroupParser(SmcTechnology.SMCD), LinkGroup.class, ToolError.class, InputFailed.class)
                .signatures(line("^LG-ID\\s+VLAN\\b"), line("^DMB\\s*:")).shape(LineShapes.LINKGROUP)
                .commands(command("smcd-linkgroup.txt", "smcd", "-d", "linkgroup")));
        put(m, new Spec(SourceKind.SMCD_STATS, "smcd-stats.txt", "smcd stats")
                .tells("counts SMC-D fallbacks per reason and requests per connection",
                        "SMC-D の原因ごとのフォールバック数と接続あたりのリクエスト数を示します")
                .text(() -> new StatsParser(SmcTechnology.SMCD), SmcStats.class, FallbackCounter.class, ToolError.class,
                        InputFailed.class)
                .signatures(line("^SMC-D Connections Summary\\b")).shape(LineShapes.STATS)
                .commands(command("smcd-stats.txt", "smcd", "-d", "stats")));
        put(m, new Spec(SourceKind.DMESG, "dmesg.txt", "dmesg/journalctl -k")
                .tells("shows reserved eRDMA ports, smc module load errors (Unknown symbol), RDMA driver messages and kernel "
                        + "reports (oops, warnings) in SMC code",
                        "予約された eRDMA ポート、smc モジュールのロードエラー (Unknown symbol)、RDMA ドライバーのメッセージ、"
                        + "SMC コード内のカーネルレポート (oops、警告) を示します")
                .text(DmesgParser::new, KernelEvent.class, KernelSplat.class, ToolError.class, InputFailed.class)
                // "Linux version ..." is a dmesg line: these come before uname's signature
                .signatures(line("^\\[\\s*\\d+\\.\\d+\\]"),
                        line("^\\[[A-Z][a-z]{2} [A-Z][a-z]{2}\\s+\\d+ \\d\\d:\\d\\d:\\d\\d \\d{4}\\]"),
                        line("^\\S+(\\s+\\d+)?(\\s+\\d\\d:\\d\\d:\\d\\d)?\\s+\\S+\\s+kernel:\\s"),
                        line("^-- (Journal|Logs) begins\\b"),
                        // journalctl output cut to the message, and kernel lines quoted without any prefix
                        line("^kernel: "), line("^smc: "), line("^NET: (Un)?[Rr]egistered (PF_SMC|protocol family 43)"),
                        // kernel reports (kernel/panic.c, mm/kasan, arch/x86/mm/fault.c, lockdep, hung_task, rcu)
                        line("^(WARNING: (CPU: |at |possible |suspicious |inconsistent |bad unlock)|BUG: |Oops: "
                                + "|general protection fault|kernel BUG at |refcount_t: |UBSAN: |KFENCE: "
                                + "|INFO: task \\S+ blocked for more than|Unable to handle kernel |watchdog: BUG: "
                                + "|unregister_netdevice: waiting for |rcu: INFO: |Kernel panic - not syncing"
                                + "|-+\\[ cut here \\]|Call Trace:$|Call trace:$)"),
                        // crash(8) bt
                        line("^#?\\d{1,3} \\[[^\\]\\s]{6,24}\\] [A-Za-z_.$][\\w.$]* at \\S{6,24}"))
                .typed("journalctl", "").shape(LineShapes.DMESG)
                .commands(new Command("dmesg.txt", List.of("dmesg"),
                        List.of(List.of("journalctl", "-k", "-b", "--no-pager")))));
        put(m, new Spec(SourceKind.SYSCTL, "sysctl.txt", "sysctl (key = value)").hint("sysctl -a")
                .tells("shows net.ipv6.conf.*.disable_ipv6 and the net.smc settings",
                        "net.ipv6.conf.*.disable_ipv6 と net.smc の設定を示します")
                .text(SysctlParser::new, SysctlSetting.class, ToolError.class, InputFailed.class)
                .signatures(genericLine("^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_/@:-]+)+\\s*=\\s*"))
                .typed("sysctl", "").shape(LineShapes.SYSCTL)
                .gathered(Gathering.PROC_SYS));
        put(m, new Spec(SourceKind.UNAME, "uname.txt", "uname -a")
                .tells("tells whether the kernel accepts IPv4-mapped addresses (Alibaba Cloud Linux 3 from "
                        + "5.10.134-17.3)",
                        "カーネルが IPv4 マップアドレスを受け付けるか (Alibaba Cloud Linux 3 の 5.10.134-17.3 以降) を示します")
                .text(UnameParser::new, KernelRelease.class, HostIdentity.class, ToolError.class, InputFailed.class)
                .signatures(line("^Linux (?!version )\\S+ \\d+\\.\\d+\\S*\\s")).shape(LineShapes.UNAME)
                .commands(command("uname.txt", "uname", "-a")));
        put(m, new Spec(SourceKind.LSMOD, "lsmod.txt", "lsmod")
                .tells("shows whether smc and OFED (mlx) modules are loaded",
                        "smc と OFED (mlx) のモジュールがロードされているかを示します")
                .text(LsmodParser::new, LoadedModule.class, ToolError.class, InputFailed.class)
                .signatures(line("^Module\\s+Size\\s+Used by\\b"))
                .typedExact("cat", "/proc/modules").shape(LineShapes.LSMOD)
                .commands(command("lsmod.txt", "lsmod")));
        put(m, new Spec(SourceKind.IP_ADDR, "ip-addr.txt", "ip addr")
                .tells("gives each interface's MAC, addresses and MTU, to match sockets to RDMA devices",
                        "各インターフェースの MAC、アドレス、MTU を示し、ソケットと RDMA デバイスを対応付けます")
                .text(IpAddrParser::new, NetInterface.class, ToolError.class, InputFailed.class)
                .signatures(line("^\\d+: \\S+: <[A-Z_,]*>"))
                .typed("ip", "address").typed("ip", "link").shape(LineShapes.IP_ADDR)
                .commands(command("ip-addr.txt", "ip", "addr")));
        put(m, new Spec(SourceKind.IBV_DEVINFO, "ibv_devinfo.txt", "ibv_devinfo")
                .tells("gives each RDMA device's node GUID, to tell which NIC has eRDMA",
                        "各 RDMA デバイスのノード GUID を示し、どの NIC に eRDMA があるかを判別します")
                .text(IbvDevinfoParser::new, RdmaDeviceInfo.class, ToolError.class, InputFailed.class)
                .signatures(line("^hca_id:")).shape(LineShapes.IBV)
                .commands(command("ibv_devinfo.txt", "ibv_devinfo", "-v")));
        put(m, new Spec(SourceKind.RDMA_SYSTEM, "rdma-system.txt", "rdma system")
                .tells("shows whether RDMA devices are exclusive to one network namespace",
                        "RDMA デバイスが 1 つのネットワーク名前空間に専有されているかを示します")
                .text(RdmaSystemParser::new, RdmaSystem.class, ToolError.class, InputFailed.class)
                .signatures(line("^netns (shared|exclusive)\\b")).shape(LineShapes.RDMA_SYSTEM)
                .commands(command("rdma-system.txt", "rdma", "system")));
        put(m, new Spec(SourceKind.RDMA_DEV, "rdma-dev.txt", "rdma dev")
                .tells("lists the RDMA devices with their node GUIDs",
                        "RDMA デバイスとそのノード GUID を一覧表示します")
                .text(RdmaDevParser::new, RdmaDev.class, ToolError.class, InputFailed.class)
                .signatures(line("^\\d+: \\S+: node_type\\b")).shape(LineShapes.RDMA_DEV)
                .commands(command("rdma-dev.txt", "rdma", "dev")));
        put(m, new Spec(SourceKind.RDMA_LINK, "rdma-link.txt", "rdma link")
                .tells("shows the state of each RDMA port and its network interface",
                        "各 RDMA ポートの状態とそのネットワークインターフェースを示します")
                .text(RdmaLinkParser::new, RdmaLink.class, ToolError.class, InputFailed.class)
                .signatures(line("^link \\S+/\\d+ state\\b")).shape(LineShapes.RDMA_LINK)
                .commands(command("rdma-link.txt", "rdma", "link")));
        put(m, new Spec(SourceKind.RDMA_RESOURCE, "rdma-res.txt", "rdma resource")
                .tells("counts the objects each RDMA device holds (memory regions, queue pairs), to compare with the"
                        + " device's limits (max_mr, max_qp in ibv_devinfo -v)",
                        "各 RDMA デバイスが保持しているオブジェクト (メモリ領域、キューペア) の数を示し、デバイスの上限"
                        + " (ibv_devinfo -v の max_mr、max_qp) と比較できるようにします")
                .text(RdmaResourceParser::new, RdmaResource.class, ToolError.class, InputFailed.class)
                .signatures(line("^\\d+: \\S+: pd \\d+"))
                .commands(command("rdma-res.txt", "rdma", "resource")));
        put(m, new Spec(SourceKind.SOCKOPT_PROBE, "sockopt-probe.json", "sockopt-probe.json")
                .tells("shows whether socket(AF_SMC) works and which socket options make SMC fall back",
                        "socket(AF_SMC) が動作するか、どのソケットオプションで SMC がフォールバックするかを示します")
                .hint("smc-doctor collect (socket probe)")
                .json(SockoptProbeJson::read, SocketProbeOutcome.class, SockoptProbeResult.class)
                .signatures(new Signature.JsonSchema("smc-doctor/sockopt-probe/"))
                .gathered(Gathering.SOCKET_PROBE));
        put(m, new Spec(SourceKind.SYMPTOM, "symptom.txt", "symptom")
                .tells("says what you observed (and the codes, errors, ports and kernels you name), which points the "
                        + "diagnosis at the matching causes",
                        "観察した現象 (および記載した原因コード、エラー、ポート、カーネル) を記述し、診断を該当する原因に絞り込みます")
                .hint("describe what you observed in symptom.txt")
                .text(SymptomParser::new, SymptomText.class, MentionedCode.class, MentionedErrno.class,
                        MentionedPort.class, MentionedKernel.class)
                .unsniffable("free text in the user's words: anything is a symptom, so nothing is recognisable as one")
                .notGathered("what the user observed: only the user can write it"));
        put(m, new Spec(SourceKind.MANIFEST, "manifest.json", "manifest.json").hint("smc-doctor collect")
                .tells("records how the bundle was collected: host, time, kernel, commands, exit codes and tool versions",
                        "バンドルの収集方法 (ホスト、時刻、カーネル、コマンド、終了コード、ツールのバージョン) を記録します")
                .json(EvidenceSpecs::manifest, BundleManifest.class, CollectedCommand.class, HostIdentity.class)
                .signatures(new Signature.JsonSchema("smc-doctor/manifest/"))
                .gathered(Gathering.MANIFEST));
        put(m, new Spec(SourceKind.BINARY, "(binary)", "an executable (ELF)")
                .tells("a statically linked program ignores LD_PRELOAD and so smc_run",
                        "静的リンクされたプログラムは LD_PRELOAD を無視するため、smc_run が効きません")
                .hint("smc-doctor diagnose BUNDLE /path/to/the/program")
                .elf(BinaryLinkage.class)
                .signatures(new Signature.ElfMagic())
                .notGathered("the user names the program that does not use SMC; collect cannot know which"));
        for (SourceKind k : SourceKind.values()) {
            if (!m.containsKey(k)) {
                throw new IllegalStateException("no evidence spec for " + k);
            }
        }
        return m;
    }

    /** {@code manifest.json}: who and when (host, time, kernel) first, then the commands it ran. */
    private static List<Fact> manifest(InputStream in, String source, Consumer<ParseWarning> warnings)
            throws IOException {
        ManifestJson.Parsed parsed = ManifestJson.read(in, source, warnings);
        List<Fact> facts = new ArrayList<>();
        facts.add(ManifestJson.header(parsed, source));
        facts.addAll(ManifestJson.allFacts(parsed, source));
        return facts;
    }

    private static Set<String> tools(Map<SourceKind, EvidenceSpec> specs) {
        Set<String> t = new HashSet<>();
        specs.values().forEach(s -> s.invocations().forEach(i -> t.add(i.tool())));
        return Set.copyOf(t);
    }

    private static void put(Map<SourceKind, EvidenceSpec> m, Spec s) {
        m.put(s.kind, s.build());
    }

    /** Collects the parts of one spec in the table above. */
    private static final class Spec {
        final SourceKind kind;
        final String fileName;
        final String label;
        List<String> aliases = List.of();
        String hint = "";
        Reader reader = new Reader.Elf();
        List<Signature> signatures = List.of();
        String unsniffable = "";
        Gathering gathering = Gathering.NOT_GATHERED;
        List<Command> commands = List.of();
        String notGathered = "";
        List<Class<? extends Fact>> feeds = List.of();
        final List<Invocation> typed = new ArrayList<>();
        LineShape shape = LineShape.ANY;
        LocalizedText tells = new LocalizedText("", "");
        boolean primary;

        Spec(SourceKind kind, String fileName, String label) {
            this.kind = kind;
            this.fileName = fileName;
            this.label = label;
        }

        Spec aliases(String... names) {
            aliases = List.of(names);
            return this;
        }

        Spec tells(String en, String ja) {
            tells = new LocalizedText(en, ja);
            return this;
        }

        Spec primary() {
            primary = true;
            return this;
        }

        Spec hint(String command) {
            hint = command;
            return this;
        }

        @SafeVarargs
        final Spec text(Supplier<TextParser> parser, Class<? extends Fact>... facts) {
            reader = new Reader.Text(parser);
            feeds = List.of(facts);
            return this;
        }

        @SafeVarargs
        final Spec json(EvidenceSpec.JsonReader read, Class<? extends Fact>... facts) {
            reader = new Reader.Json(read);
            feeds = List.of(facts);
            return this;
        }

        @SafeVarargs
        final Spec elf(Class<? extends Fact>... facts) {
            reader = new Reader.Elf();
            feeds = List.of(facts);
            return this;
        }

        /** A command line a person types for this kind besides the collected commands ({@code smc_dbg}). */
        Spec typed(String tool, String object) {
            typed.add(new Invocation(tool, object, false));
            return this;
        }

        /** As {@link #typed(String, String)}, the argument given in full ({@code cat /proc/modules}). */
        Spec typedExact(String tool, String argument) {
            typed.add(new Invocation(tool, argument, true));
            return this;
        }

        Spec shape(LineShape s) {
            shape = s;
            return this;
        }

        Spec signatures(Signature... s) {
            signatures = List.of(s);
            return this;
        }

        Spec unsniffable(String because) {
            unsniffable = because;
            return this;
        }

        Spec commands(Command... c) {
            gathering = Gathering.COMMANDS;
            commands = List.of(c);
            return this;
        }

        Spec gathered(Gathering how) {
            gathering = how;
            return this;
        }

        Spec notGathered(String because) {
            gathering = Gathering.NOT_GATHERED;
            notGathered = because;
            return this;
        }

        EvidenceSpec build() {
            String h = hint.isEmpty() && !commands.isEmpty() ? commands.get(0).line() : hint;
            // the collected commands are what people type too: tool and first non-option argument (smcr -d device)
            List<Invocation> invocations = new ArrayList<>();
            for (Command c : commands) {
                List<List<String>> all = new ArrayList<>();
                all.add(c.argv());
                all.addAll(c.fallbacks());
                for (List<String> argv : all) {
                    Invocation inv = new Invocation(argv.get(0), CommandLines.firstPositional(argv.subList(1, argv.size())),
                            false);
                    if (!invocations.contains(inv)) {
                        invocations.add(inv);
                    }
                }
            }
            typed.stream().filter(i -> !invocations.contains(i)).forEach(invocations::add);
            return new EvidenceSpec(kind, fileName, aliases, h, reader, signatures, unsniffable, gathering, commands,
                    notGathered, feeds, tells, primary, label, invocations, shape);
        }
    }
}
