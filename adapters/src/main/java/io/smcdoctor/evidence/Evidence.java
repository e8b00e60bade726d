package io.smcdoctor.evidence;

import io.smcdoctor.evidence.facts.BinaryLinkage;
import io.smcdoctor.evidence.facts.Endpoint;
import io.smcdoctor.evidence.facts.Fact;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.facts.SocketGroup;
import io.smcdoctor.evidence.facts.SocketRow;
import io.smcdoctor.evidence.facts.SocketSummary;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.SysctlSetting;
import io.smcdoctor.evidence.internal.ConnectionTable;
import io.smcdoctor.evidence.internal.ElfInspector;
import io.smcdoctor.evidence.internal.EvidenceAssembler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything known about one host: facts by type, the aggregated sockets, which inputs were present and the
 * warnings reading them produced. Immutable and thread-safe.
 *
 * <pre>{@code
 * Evidence ev = Evidence.builder()
 *         .smcssOutput(smcssText)
 *         .sysctl("net.smc.tcp2smc", "0")
 *         .symptom("no speed-up")
 *         .build();
 * }</pre>
 */
public final class Evidence {
    private final Map<Class<? extends Fact>, List<Fact>> facts;
    private final SocketSummary sockets;
    private final List<ParseWarning> warnings;
    private final Map<String, SourceKind> sources;
    private final String fingerprint;
    private final SocketConnections connections;
    /** The kinds of {@link #sources}, for {@link #has} (asked many times per diagnosis); never handed out. */
    private final Set<SourceKind> kindSet;

    private Evidence(Map<Class<? extends Fact>, List<Fact>> facts, SocketSummary sockets, List<ParseWarning> warnings,
                     Map<String, SourceKind> sources, String fingerprint, SocketConnections connections) {
        Map<Class<? extends Fact>, List<Fact>> copy = new LinkedHashMap<>();
        facts.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.facts = Collections.unmodifiableMap(copy);
        this.sockets = sockets;
        this.warnings = List.copyOf(warnings);
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        this.fingerprint = fingerprint;
        this.connections = connections;
        this.kindSet = EnumSet.noneOf(SourceKind.class);
        kindSet.addAll(sources.values());
    }

    /** A builder for evidence held as text or values (no files needed). */
    public static Builder builder() {
        return new Builder();
    }

    /** Evidence with nothing in it. */
    public static Evidence empty() {
        return builder().build();
    }

    /** Every fact of the given type (exact class), in input order. */
    @SuppressWarnings("unchecked")
    public <T extends Fact> List<T> facts(Class<T> type) {
        return (List<T>) (List<?>) facts.getOrDefault(type, List.of());
    }

    /** Every fact except individual socket rows, plus the socket groups: what rules match on. */
    public List<Fact> allFacts() {
        List<Fact> all = new ArrayList<>();
        facts.values().forEach(all::addAll);
        all.addAll(sockets.groups());
        return all;
    }

    /** The sockets of all smcss listings, aggregated. */
    public SocketSummary sockets() {
        return sockets;
    }

    /**
     * Every connected socket of the listings, row by row in a compact form (each socket once, as in
     * {@link #sockets()}): what a diagnosis of several hosts joins to find the two ends of a connection. Empty and not
     * {@link SocketConnections#indexed() indexed} when built {@link Builder#withoutConnections() without it}.
     */
    public SocketConnections connections() {
        return connections;
    }

    /** Problems found while reading the inputs, each with file and line. */
    public List<ParseWarning> warnings() {
        return warnings;
    }

    /** The inputs that were present: source name to kind, in the order read. */
    public Map<String, SourceKind> sources() {
        return sources;
    }

    /** The kinds of input present. */
    public Set<SourceKind> kinds() {
        return EnumSet.copyOf(kindSet);
    }

    /** True when an input of this kind was given (even if empty: an empty {@code smcr-ueid.txt} says "no UEID"). */
    public boolean has(SourceKind kind) {
        return kindSet.contains(kind);
    }

    /** True when no input of this kind was given. */
    public boolean missing(SourceKind kind) {
        return !has(kind);
    }

    /** The value of a sysctl (the last one given), if present. */
    public Optional<String> sysctl(String key) {
        List<SysctlSetting> all = facts(SysctlSetting.class);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).key().equals(key)) {
                return Optional.of(all.get(i).value());
            }
        }
        return Optional.empty();
    }

    /**
     * A stable digest of all inputs: equal inputs give equal fingerprints (used as cache key); the empty string when
     * the evidence was built {@link Builder#withoutFingerprint() without it}.
     */
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public String toString() {
        return "Evidence[sources=" + sources.keySet() + ", sockets=" + sockets.total() + ", warnings=" + warnings.size() + "]";
    }

    /**
     * Collects evidence. Text given to the {@code ...Output} methods is parsed at once; garbage becomes warnings.
     * Not thread-safe; {@link #build()} may be called once.
     */
    public static final class Builder {
        private final EvidenceAssembler assembler = new EvidenceAssembler();

        private Builder() {
        }

        /**
         * Builds the evidence without its connection index ({@link Evidence#connections()}): for evidence that is
         * diagnosed on its own. The index keeps every connected socket row (its addresses interned), which for a
         * listing of a million sockets is most of the time and memory of reading it; a single host's diagnosis never
         * reads it, only a diagnosis of several hosts together does, and that refuses evidence built without it.
         * The facts, the socket summary and the fingerprint are the same either way.
         *
         * @throws IllegalStateException when an input was already added
         */
        public Builder withoutConnections() {
            assembler.withoutConnections();
            return this;
        }

        /**
         * Builds the evidence without its {@link Evidence#fingerprint() fingerprint}: for evidence that is diagnosed
         * once, such as a command-line run, where the fingerprint would key a cache that is never asked again. The
         * fingerprint is a SHA-256 of every byte read, which for a listing of a million sockets (90 MB) is about 0.1 s
         * of CPU beside the parsing. Such evidence has an empty fingerprint; {@code Diagnoser} diagnoses it every time
         * it is given (no cached report), and a diagnosis of several hosts together, which tells by the fingerprints
         * that one bundle was given for two hosts, refuses it. The facts and the socket summary are the same either
         * way.
         *
         * @throws IllegalStateException when an input was already added
         */
        public Builder withoutFingerprint() {
            assembler.withoutFingerprint();
            return this;
        }

        /** Output of {@code smcss} (any variant: {@code -a}, {@code -d}, {@code -R}, {@code -D}, {@code -W}). */
        public Builder smcssOutput(String text) {
            return output(SourceKind.SMCSS, text);
        }

        /** Output of {@code smcr [-d] device}. */
        public Builder smcrDeviceOutput(String text) {
            return output(SourceKind.SMCR_DEVICE, text);
        }

        /** Output of {@code smcr [-d] linkgroup [link-show]}. */
        public Builder smcrLinkgroupOutput(String text) {
            return output(SourceKind.SMCR_LINKGROUP, text);
        }

        /** Output of {@code smcr [-d] stats}. */
        public Builder smcrStatsOutput(String text) {
            return output(SourceKind.SMCR_STATS, text);
        }

        /** Output of {@code smcr ueid show} (empty text means: no UEID defined). */
        public Builder smcrUeidOutput(String text) {
            return output(SourceKind.SMCR_UEID, text);
        }

        /** Output of {@code dmesg}, {@code dmesg -T} or {@code journalctl -k}. */
        public Builder dmesgOutput(String text) {
            return output(SourceKind.DMESG, text);
        }

        /** Output of {@code sysctl -a} or any {@code key = value} lines. */
        public Builder sysctlOutput(String text) {
            return output(SourceKind.SYSCTL, text);
        }

        /** One sysctl value, e.g. {@code sysctl("net.smc.tcp2smc", "0")}. */
        public Builder sysctl(String key, String value) {
            assembler.source(SourceKind.SYSCTL.fileName(), SourceKind.SYSCTL);
            return add(new SysctlSetting(Provenance.of("sysctl"), key, value));
        }

        /** Output of {@code uname -a} or {@code uname -r}. */
        public Builder unameOutput(String text) {
            return output(SourceKind.UNAME, text);
        }

        /** Output of {@code ip addr}. */
        public Builder ipAddrOutput(String text) {
            return output(SourceKind.IP_ADDR, text);
        }

        /** Output of {@code ibv_devinfo [-v]}. */
        public Builder ibvDevinfoOutput(String text) {
            return output(SourceKind.IBV_DEVINFO, text);
        }

        /** Output of {@code rdma system}. */
        public Builder rdmaSystemOutput(String text) {
            return output(SourceKind.RDMA_SYSTEM, text);
        }

        /** What the user observed, in their words (English or Japanese). */
        public Builder symptom(String text) {
            return parse(SourceKind.SYMPTOM, "symptom", text);
        }

        /**
         * Output of the command that produces {@code kind} (text of any kind), attributed to the kind's canonical
         * bundle file name ({@link SourceKind#fileName()}) in citations.
         */
        public Builder output(SourceKind kind, String text) {
            return parse(kind, kind.fileName(), text);
        }

        /** Text of any kind, attributed to {@code sourceName} in citations. */
        public Builder parse(SourceKind kind, String sourceName, String text) {
            assembler.parse(kind, sourceName, text);
            return this;
        }

        /**
         * A stream of any kind, read line by line (bounded memory), attributed to {@code sourceName}.
         *
         * @throws UncheckedIOException when reading the stream fails
         */
        public Builder parse(SourceKind kind, String sourceName, InputStream in) {
            try {
                assembler.parse(kind, sourceName, in);
            } catch (IOException e) {
                throw new UncheckedIOException(sourceName + ": " + e.getMessage(), e);
            }
            return this;
        }

        /**
         * Text pasted from a ticket, a mail or a chat, mixing several tools' outputs and prose (see
         * {@link EvidenceBundle}): each tool's part is recognised by its command line ({@code $ smcss -a}) or its
         * content, read by that tool's parser and recorded as an input named {@code "<sourceName> (<tool> at line N)"};
         * the prose becomes the symptom text. Facts cite {@code sourceName} and the paste's line numbers.
         */
        public Builder paste(String sourceName, String text) {
            readPaste(sourceName, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                    true);
            return this;
        }

        /**
         * Reads a paste from a stream (bounded memory), as {@link #paste(String, String)}.
         *
         * @param proseAlone keep the prose as the reporter's words even when no tool's output is found; when false and
         *                   none is found, nothing is added
         * @return how many tools' outputs the paste held
         * @throws UncheckedIOException when reading the stream fails
         */
        public int readPaste(String sourceName, InputStream in, boolean proseAlone) {
            try {
                return assembler.paste(sourceName, in, proseAlone);
            } catch (IOException e) {
                throw new UncheckedIOException(sourceName + ": " + e.getMessage(), e);
            }
        }

        /**
         * How an executable is linked, read from its ELF headers ({@link BinaryLinkage}): a statically linked
         * program ignores {@code LD_PRELOAD}, so {@code smc_run} cannot switch it to SMC. Unreadable or non-ELF
         * files give a fact with {@code elf == false} and warnings; nothing is thrown.
         */
        public Builder binary(Path executable) {
            ElfInspector.Inspection inspection = ElfInspector.inspect(executable);
            assembler.source(executable.toString(), SourceKind.BINARY);
            add(inspection.linkage());
            inspection.warnings().forEach(this::warning);
            return this;
        }

        /** Records that an input was present (for inputs that carry no facts). */
        public Builder source(String sourceName, SourceKind kind) {
            assembler.source(sourceName, kind);
            return this;
        }

        /** A fact built by the caller. */
        public Builder add(Fact fact) {
            assembler.add(fact);
            return this;
        }

        /** A warning found by the caller (e.g. an archive entry that was skipped). */
        public Builder warning(ParseWarning warning) {
            assembler.warning(warning);
            return this;
        }

        /** The evidence. */
        public Evidence build() {
            EvidenceAssembler.Result r = assembler.finish();
            return new Evidence(r.facts(), r.sockets(), r.warnings(), r.sources(), r.fingerprint(),
                    new SocketConnections(r.connections()));
        }
    }

    /**
     * Every connected socket of the evidence's listings, row by row, in a compact form: what joining the two ends of a
     * connection across two hosts' bundles needs (local and peer endpoint, the socket group with mode and reason codes,
     * state, source line). {@link SocketSummary} keeps counts and a few sample rows per group; this keeps every row, at
     * about 25 bytes each and at most 1,048,576 of them ({@link #notIndexed()} counts the rest). Addresses are
     * interned: rows printing the same address share an address id. LISTEN rows are in {@link #listeners()}; rows
     * without both endpoints (INIT) are not connections and are not kept. Evidence built {@link
     * Evidence.Builder#withoutConnections() without the index} has none ({@link #indexed()} is false, {@link #size()}
     * 0). Immutable and thread-safe.
     */
    public static final class SocketConnections {
        private final ConnectionTable table;
        private final boolean indexed;

        SocketConnections(@Nullable ConnectionTable table) {
            this.indexed = table != null;
            this.table = table != null ? table : ConnectionTable.empty();
        }

        /**
         * False when the evidence was built {@link Evidence.Builder#withoutConnections() without the index}: then no
         * row is kept, and the evidence cannot be diagnosed together with another host's.
         */
        public boolean indexed() {
            return indexed;
        }

        /** Rows kept. */
        public int size() {
            return table.size();
        }

        /** Connected rows beyond the limit, counted but not kept. */
        public long notIndexed() {
            return table.notIndexed();
        }

        /** The local endpoint of row {@code i}. */
        public Endpoint local(int i) {
            int a = table.localAddress(i);
            return new Endpoint(table.address(a), table.localPort(i), table.truncated(a));
        }

        /** The peer endpoint of row {@code i}. */
        public Endpoint peer(int i) {
            int a = table.peerAddress(i);
            return new Endpoint(table.address(a), table.peerPort(i), table.truncated(a));
        }

        /** The local port of row {@code i} (0 when smcss printed 0: the CLC socket is gone). */
        public int localPort(int i) {
            return table.localPort(i);
        }

        /** The peer port of row {@code i}. */
        public int peerPort(int i) {
            return table.peerPort(i);
        }

        /** The id of the local address of row {@code i}. */
        public int localAddressId(int i) {
            return table.localAddress(i);
        }

        /** The id of the peer address of row {@code i}. */
        public int peerAddressId(int i) {
            return table.peerAddress(i);
        }

        /** How many distinct addresses the rows print. */
        public int addressCount() {
            return table.addressCount();
        }

        /** The address of an id as printed, without the {@code ..} of a truncated one. */
        public String address(int id) {
            return table.address(id);
        }

        /** True when smcss cut the address of this id to fit its column ({@link Endpoint#truncated()}). */
        public boolean truncated(int id) {
            return table.truncated(id);
        }

        /** The socket group of row {@code i}: mode, reason codes, family. */
        public SocketGroup group(int i) {
            return table.group(i);
        }

        /** A small number identifying the group of row {@code i} within this evidence. */
        public int groupId(int i) {
            return table.groupOrdinal(i);
        }

        /** The state of row {@code i} as printed ({@code ACTIVE}, {@code CLOSED}, ...). */
        public String state(int i) {
            return table.state(i);
        }

        /**
         * Where row {@code i} was read. The line's text is kept only for the sample rows of its group
         * ({@link SocketGroup#samples()}); for other rows the text is empty.
         */
        public Provenance provenance(int i) {
            String source = table.source(i);
            int line = table.line(i);
            for (SocketRow r : table.group(i).samples()) {
                if (r.provenance().line() == line && r.provenance().source().equals(source)) {
                    return r.provenance();
                }
            }
            return new Provenance(source, line, "");
        }

        /** The LISTEN rows (at most 65,536), in input order. */
        public List<SocketRow> listeners() {
            return table.listeners();
        }

        @Override
        public String toString() {
            return indexed ? "SocketConnections[rows=" + size() + ", listeners=" + listeners().size() + "]"
                    : "SocketConnections[not indexed]";
        }
    }
}
