package io.smcdoctor.adapters.host;

import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.evidence.facts.Fact;
import io.smcdoctor.evidence.facts.ProbeOutcome;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.facts.SocketProbeOutcome;
import io.smcdoctor.evidence.facts.SockoptProbeResult;
import io.smcdoctor.evidence.internal.NativeErrno;
import io.smcdoctor.evidence.internal.NativeJnaLibc;
import io.smcdoctor.evidence.internal.NativeLibc;
import io.smcdoctor.evidence.internal.NativeProcFs;
import io.smcdoctor.evidence.internal.NativeSockaddr;
import io.smcdoctor.evidence.internal.SockoptProbeJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks this host's kernel directly whether SMC works: opens {@code socket(AF_SMC, SOCK_STREAM, SMCPROTO_SMC)}
 * and {@code SMCPROTO_SMC6}, tries socket options on a fresh AF_SMC socket before {@code connect}, and
 * optionally connects to a peer and tries them on the established connection, reading {@code SO_DOMAIN} and
 * {@code SO_PROTOCOL} back. A kernel without SMC answers {@code EAFNOSUPPORT}, reported as
 * "SMC not available in this kernel (EAFNOSUPPORT)".
 *
 * <pre>{@code
 * SocketProbe.Report r = SocketProbe.create().probe(SocketProbe.Request.of(List.of(
 *         new SocketProbe.Option("SOL_TCP", 6, "TCP_NODELAY", 1, 1))));
 * boolean smc = r.smcAvailable(); // false with "SMC not available in this kernel (EAFNOSUPPORT)"
 * }</pre>
 *
 * (The examples are compiled and run in the tests' {@code io.smcdoctor.adapters.host.Snippets}.)
 *
 * <p>The probe never crashes the JVM and never throws for what the kernel answers: a missing native library
 * or a non-Linux system is reported as an outcome. Thread-safe; every call opens and closes its own sockets.
 */
public final class SocketProbe {
    /** The probe's source name in citations (the file it is written to in a bundle). */
    public static final String SOURCE = "sockopt-probe.json";
    /** Phase of an option tried on a fresh socket before {@code connect}. */
    public static final String BEFORE_CONNECT = "before-connect";
    /** Phase of an option tried on an established connection. */
    public static final String ESTABLISHED = "established";

    static final int AF_SMC = 43;
    static final int SOCK_STREAM = 1;
    static final int SMCPROTO_SMC = 0;
    static final int SMCPROTO_SMC6 = 1;
    static final int SOL_SOCKET = 1;
    static final int SO_RCVTIMEO = 20;
    static final int SO_SNDTIMEO = 21;
    static final int SO_PROTOCOL = 38;
    static final int SO_DOMAIN = 39;
    private static final Pattern SOCKET_INODE = Pattern.compile("socket:\\[(\\d+)]");

    private final Supplier<NativeLibc> libc;
    private final boolean linux;
    private final Path procRoot;
    private final Clock clock;
    private final Optional<Supplier<? extends ConnectionInspector>> inspectors;

    private SocketProbe(Supplier<NativeLibc> libc, boolean linux, Path procRoot, Clock clock,
                        Optional<Supplier<? extends ConnectionInspector>> inspectors) {
        this.libc = libc;
        this.linux = linux;
        this.procRoot = procRoot;
        this.clock = clock;
        this.inspectors = inspectors;
    }

    private SocketProbe(Supplier<NativeLibc> libc, boolean linux, Path procRoot, Clock clock) {
        this(libc, linux, procRoot, clock, Optional.empty());
    }

    /**
     * A copy of this probe that asks an inspector (a fresh one per {@link #probe} call) which mode each probe
     * connection got, so an option that makes SMC fall back is reported with outcome {@code fallback}. With a
     * target, options tried {@link #BEFORE_CONNECT} are then also followed by a {@code connect}.
     */
    public SocketProbe withInspector(Supplier<? extends ConnectionInspector> inspectors) {
        return new SocketProbe(libc, linux, procRoot, clock, Optional.of(inspectors));
    }

    /**
     * A copy of this probe that finds each connection's mode with smc-tools on {@code searchPath}:
     * {@code smcss -a} (the socket's row by inode) and {@code smcr -d stats} (fallback counters that grew).
     */
    public SocketProbe withSmcTools(List<Path> searchPath) {
        List<Path> dirs = List.copyOf(searchPath);
        return withInspector(() -> new SmcssInspector(dirs));
    }

    /**
     * Tells which mode an open AF_SMC connection got. Implementations may keep state for one probe run.
     */
    public interface ConnectionInspector {
        /** The mode of the socket with this inode, or empty when it cannot be found. */
        Optional<ConnectionMode> inspect(long inode);

        /** Called before each probe connection is made (e.g. to snapshot counters). */
        default void reset() {
        }
    }

    /**
     * The mode of one probe connection.
     *
     * @param state      socket state as smcss shows it ({@code ACTIVE}, {@code INIT}, ...)
     * @param mode       {@code SMCR}, {@code SMCD}, {@code TCP} or {@code NONE}
     * @param localCode  local fallback code ({@code 0} when none)
     * @param peerCode   the peer's fallback code ({@code 0} when none)
     * @param statsCodes fallback codes whose counters grew with this connection
     */
    public record ConnectionMode(String state, String mode, int localCode, int peerCode, List<Integer> statsCodes) {
        /** Copies the list. */
        public ConnectionMode {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(mode, "mode");
            statsCodes = List.copyOf(statsCodes);
        }

        /** True when the connection did not use SMC: TCP mode, or still {@code INIT} without a mode. */
        public boolean fellBack() {
            return "TCP".equals(mode) || ("NONE".equals(mode) && "INIT".equals(state));
        }

        /** The fallback code: the local one, else the first grown counter's, else 0. */
        public int fallbackCode() {
            if (localCode != 0) {
                return localCode;
            }
            return statsCodes.isEmpty() ? 0 : statsCodes.get(0);
        }

        /** A short human description, e.g. {@code SMCR} or {@code TCP 0x03060000 (INIT)}. */
        public String describe() {
            if (!fellBack()) {
                return mode + " (" + state + ")";
            }
            int code = fallbackCode();
            return "TCP fallback" + (code != 0 ? " " + ReasonCode.hex(code) : "")
                    + " (smcss: " + state + " " + mode + ")";
        }
    }

    /** A probe of this host through the C library (loaded on first use). */
    public static SocketProbe create() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
        return new SocketProbe(NativeJnaLibc::load, linux, Path.of("/proc"), Clock.systemUTC());
    }

    /** A probe over the given libc (tests: a fake kernel). */
    static SocketProbe using(NativeLibc libc, boolean linux, Path procRoot, Clock clock) {
        return new SocketProbe(() -> libc, linux, procRoot, clock);
    }

    /**
     * One socket option to try.
     *
     * @param level        level name, e.g. {@code SOL_TCP}
     * @param levelNumber  level number, e.g. 6
     * @param name         option name, e.g. {@code TCP_NODELAY}
     * @param optionNumber option number, e.g. 1
     * @param testValue    the int value set
     */
    public record Option(String level, int levelNumber, String name, int optionNumber, int testValue) {
        /** Validates the names. */
        public Option {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * What to probe.
     *
     * @param options        options to try (may be empty: then only socket creation is probed)
     * @param target         a listening peer to connect to, if any
     * @param connectTimeout bound for each connect and for reads on the connection
     */
    public record Request(List<Option> options, Optional<InetSocketAddress> target, Duration connectTimeout) {
        /** Copies the options and checks the timeout. */
        public Request {
            options = List.copyOf(options);
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new IllegalArgumentException("connectTimeout must be positive, was " + connectTimeout);
            }
            target.ifPresent(t -> {
                if (t.isUnresolved()) {
                    throw new IllegalArgumentException("target must be resolved, was " + t);
                }
            });
        }

        /** Socket creation plus these options before connect; no connection. */
        public static Request of(List<Option> options) {
            return new Request(options, Optional.empty(), Duration.ofSeconds(3));
        }

        /** A copy that also connects to {@code target} and retries the options on the connection. */
        public Request withTarget(InetSocketAddress target, Duration timeout) {
            return new Request(options, Optional.of(target), timeout);
        }
    }

    /**
     * What the probe found.
     *
     * @param time     when the probe ran
     * @param host     the host name
     * @param kernel   the kernel release
     * @param platform {@code linux} or the OS name
     * @param target   {@code host:port} probed, or empty
     * @param sockets  one outcome per protocol tried (and per connection attempt)
     * @param options  one result per option and phase
     */
    public record Report(Instant time, String host, String kernel, String platform, String target,
                         List<SocketProbeOutcome> sockets, List<SockoptProbeResult> options) {
        /** Copies the lists. */
        public Report {
            Objects.requireNonNull(time, "time");
            sockets = List.copyOf(sockets);
            options = List.copyOf(options);
        }

        /** True when some {@code socket(AF_SMC, ...)} could be opened. */
        public boolean smcAvailable() {
            return sockets.stream().anyMatch(SocketProbeOutcome::opened);
        }

        /** Every outcome and option result as evidence facts. */
        public List<Fact> facts() {
            List<Fact> all = new ArrayList<>(sockets);
            all.addAll(options);
            return all;
        }

        /**
         * Writes the report as {@code sockopt-probe.json} (schema {@code smc-doctor/sockopt-probe/v1});
         * {@code out} is left open.
         *
         * @throws IOException when writing fails
         */
        public void writeJson(OutputStream out) throws IOException {
            SockoptProbeJson.write(new SockoptProbeJson.Document(host, time.toString(), platform, kernel, target,
                    sockets, options), out);
        }
    }

    /** Runs the probe. Never throws for what the kernel or the platform answers. */
    public Report probe(Request request) {
        Objects.requireNonNull(request, "request");
        Instant time = clock.instant();
        String host = NativeProcFs.value(procRoot.resolve("sys/kernel/hostname")).orElse("");
        String kernel = NativeProcFs.value(procRoot.resolve("sys/kernel/osrelease")).orElse("");
        String target = request.target().map(t -> hostPort(t)).orElse("");
        List<SocketProbeOutcome> sockets = new ArrayList<>();
        List<SockoptProbeResult> options = new ArrayList<>();
        if (!linux) {
            String os = System.getProperty("os.name", "unknown");
            sockets.add(outcome("SMCPROTO_SMC", false, 0, "socket probe unsupported on " + os
                    + ": AF_SMC exists only on Linux"));
            return new Report(time, host, kernel, os, target, sockets, options);
        }
        try {
            NativeLibc c = libc.get();
            run(c, request, sockets, options);
        } catch (LinkageError | RuntimeException e) {
            sockets.add(outcome("SMCPROTO_SMC", false, 0, "socket probe unavailable: cannot call the C library ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
        }
        return new Report(time, host, kernel, "linux", target, sockets, options);
    }

    private void run(NativeLibc c, Request request, List<SocketProbeOutcome> sockets,
                     List<SockoptProbeResult> options) {
        Optional<ConnectionInspector> ins = request.target().isPresent()
                ? inspectors.map(Supplier::get) : Optional.empty();
        int opened = -1;
        for (int proto : new int[] {SMCPROTO_SMC, SMCPROTO_SMC6}) {
            int fd = c.socket(AF_SMC, SOCK_STREAM, proto);
            if (fd < 0) {
                int errno = -fd;
                sockets.add(outcome(protoName(proto), false, errno, socketMessage(proto, errno)));
                continue;
            }
            try {
                sockets.add(outcome(protoName(proto), true, 0, "AF_SMC socket opened (" + identity(c, fd) + ")"));
                if (opened < 0) {
                    opened = proto;
                }
            } finally {
                c.close(fd);
            }
        }
        if (opened < 0) {
            return;
        }
        Optional<InetSocketAddress> connectAfter = ins.isPresent() ? request.target() : Optional.empty();
        for (Option o : request.options()) {
            options.add(beforeConnect(c, opened, o, connectAfter, request.connectTimeout(), ins));
        }
        if (request.target().isPresent()) {
            InetSocketAddress t = request.target().get();
            int proto = NativeSockaddr.isIpv4(t) ? SMCPROTO_SMC : SMCPROTO_SMC6;
            sockets.add(connectOnly(c, proto, t, request.connectTimeout(), ins));
            for (Option o : request.options()) {
                options.add(established(c, proto, t, request.connectTimeout(), o, ins));
            }
        }
    }

    private SockoptProbeResult beforeConnect(NativeLibc c, int proto, Option o, Optional<InetSocketAddress> target,
                                             Duration timeout, Optional<ConnectionInspector> ins) {
        int fd = c.socket(AF_SMC, SOCK_STREAM, proto);
        if (fd < 0) {
            return result(o, BEFORE_CONNECT, ProbeOutcome.ERROR, -fd, "socket() failed: " + NativeErrno.name(-fd));
        }
        try {
            boolean connectAfter = target.isPresent() && ins.isPresent()
                    && NativeSockaddr.isIpv4(target.get()) == (proto == SMCPROTO_SMC);
            if (connectAfter) {
                ins.get().reset(); // before the set: SMC counts a fallback when the option switches it
            }
            SockoptProbeResult set = trySet(c, fd, o, BEFORE_CONNECT, "");
            if (set.outcome() == ProbeOutcome.ERROR) {
                return withTcpControl(set, tcpBeforeConnect(c, proto, o));
            }
            if (!connectAfter || set.outcome() != ProbeOutcome.OK) {
                return set;
            }
            InetSocketAddress t = target.get();
            int rc = connect(c, fd, t, timeout);
            if (rc < 0) {
                return result(o, BEFORE_CONNECT, ProbeOutcome.OK, 0, 0, set.detail() + "; then connect to " + hostPort(t)
                        + " failed: " + NativeErrno.name(-rc));
            }
            return withMode(o, BEFORE_CONNECT, set.detail() + "; then connected to " + hostPort(t), c, fd, ins.get());
        } finally {
            c.close(fd);
        }
    }

    private SocketProbeOutcome connectOnly(NativeLibc c, int proto, InetSocketAddress t, Duration timeout,
                                           Optional<ConnectionInspector> ins) {
        String what = protoName(proto) + " -> " + hostPort(t);
        int fd = c.socket(AF_SMC, SOCK_STREAM, proto);
        if (fd < 0) {
            return outcome(what, false, -fd, socketMessage(proto, -fd));
        }
        try {
            ins.ifPresent(ConnectionInspector::reset);
            int rc = connect(c, fd, t, timeout);
            if (rc < 0) {
                return outcome(what, false, -rc, "connect to " + hostPort(t) + " failed: " + NativeErrno.name(-rc));
            }
            String mode = ins.flatMap(i -> i.inspect(inode(fd))).map(m -> ", mode " + m.describe()).orElse("");
            return outcome(what, true, 0, "connected (" + identity(c, fd) + ")" + mode);
        } finally {
            c.close(fd);
        }
    }

    private SockoptProbeResult established(NativeLibc c, int proto, InetSocketAddress t, Duration timeout,
                                           Option o, Optional<ConnectionInspector> ins) {
        int fd = c.socket(AF_SMC, SOCK_STREAM, proto);
        if (fd < 0) {
            return result(o, ESTABLISHED, ProbeOutcome.ERROR, -fd, "socket() failed: " + NativeErrno.name(-fd));
        }
        try {
            ins.ifPresent(ConnectionInspector::reset);
            int rc = connect(c, fd, t, timeout);
            if (rc < 0) {
                return result(o, ESTABLISHED, ProbeOutcome.ERROR, -rc, "connect to " + hostPort(t) + " failed: "
                        + NativeErrno.name(-rc));
            }
            SockoptProbeResult set = trySet(c, fd, o, ESTABLISHED, "; " + identity(c, fd));
            if (set.outcome() == ProbeOutcome.ERROR) {
                int tcp = tcpEstablished(c, proto, t, timeout, o);
                String mode = ins.flatMap(i -> i.inspect(inode(fd))).map(m -> "; connection " + m.describe()).orElse("");
                return withTcpControl(result(o, ESTABLISHED, ProbeOutcome.ERROR, set.errno(), 0, set.detail() + mode), tcp);
            }
            if (ins.isEmpty()) {
                return set;
            }
            return withMode(o, ESTABLISHED, set.detail(), c, fd, ins.get());
        } finally {
            c.close(fd);
        }
    }

    private SockoptProbeResult withMode(Option o, String phase, String detail, NativeLibc c, int fd,
                                        ConnectionInspector ins) {
        Optional<ConnectionMode> mode = ins.inspect(inode(fd));
        if (mode.isEmpty()) {
            return result(o, phase, ProbeOutcome.OK, 0, 0, detail + "; mode unknown (socket not found by smcss)");
        }
        ConnectionMode m = mode.get();
        if (m.fellBack()) {
            return result(o, phase, ProbeOutcome.FALLBACK, 0, m.fallbackCode(), detail + "; connection " + m.describe());
        }
        return result(o, phase, ProbeOutcome.OK, 0, 0, detail + "; connection " + m.describe());
    }

    /**
     * The same setsockopt on a fresh plain TCP socket of the protocol's family, before connect: its errno, 0 when TCP
     * accepts the value, {@link SockoptProbeResult#NOT_MEASURED} when no TCP socket can be made.
     */
    private static int tcpBeforeConnect(NativeLibc c, int proto, Option o) {
        int fd = c.socket(proto == SMCPROTO_SMC ? NativeSockaddr.AF_INET : NativeSockaddr.AF_INET6, SOCK_STREAM, 0);
        if (fd < 0) {
            return SockoptProbeResult.NOT_MEASURED;
        }
        try {
            int rc = c.setsockoptInt(fd, o.levelNumber(), o.optionNumber(), o.testValue());
            return rc < 0 ? -rc : 0;
        } finally {
            c.close(fd);
        }
    }

    /** The same setsockopt on a plain TCP socket connected to the same target (the peer accepts any TCP). */
    private static int tcpEstablished(NativeLibc c, int proto, InetSocketAddress t, Duration timeout, Option o) {
        int fd = c.socket(proto == SMCPROTO_SMC ? NativeSockaddr.AF_INET : NativeSockaddr.AF_INET6, SOCK_STREAM, 0);
        if (fd < 0) {
            return SockoptProbeResult.NOT_MEASURED;
        }
        try {
            if (connect(c, fd, t, timeout) < 0) {
                return SockoptProbeResult.NOT_MEASURED;
            }
            int rc = c.setsockoptInt(fd, o.levelNumber(), o.optionNumber(), o.testValue());
            return rc < 0 ? -rc : 0;
        } finally {
            c.close(fd);
        }
    }

    private static SockoptProbeResult withTcpControl(SockoptProbeResult r, int tcpErrno) {
        String control = tcpErrno == SockoptProbeResult.NOT_MEASURED ? ""
                : "; plain TCP: " + (tcpErrno == 0 ? "accepted" : NativeErrno.name(tcpErrno));
        Provenance p = r.provenance();
        return new SockoptProbeResult(new Provenance(p.source(), p.line(), p.text() + control), r.level(), r.name(),
                r.value(), r.phase(), r.outcome(), r.errno(), r.fallbackCode(), r.detail() + control, tcpErrno);
    }

    /** The inode of a descriptor's socket (from {@code /proc/self/fd}), -1 when unknown. */
    private long inode(int fd) {
        try {
            Matcher m = SOCKET_INODE.matcher(Files.readSymbolicLink(procRoot.resolve("self/fd/" + fd)).toString());
            return m.matches() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return -1;
        }
    }

    private static int connect(NativeLibc c, int fd, InetSocketAddress t, Duration timeout) {
        long sec = timeout.getSeconds();
        long usec = timeout.getNano() / 1000L;
        c.setsockoptTimeval(fd, SOL_SOCKET, SO_SNDTIMEO, sec, usec); // bounds connect()
        c.setsockoptTimeval(fd, SOL_SOCKET, SO_RCVTIMEO, sec, usec);
        return c.connect(fd, NativeSockaddr.of(t));
    }

    private static SockoptProbeResult trySet(NativeLibc c, int fd, Option o, String phase, String suffix) {
        int rc = c.setsockoptInt(fd, o.levelNumber(), o.optionNumber(), o.testValue());
        if (rc < 0) {
            return result(o, phase, ProbeOutcome.ERROR, -rc, "setsockopt failed: " + NativeErrno.name(-rc) + suffix);
        }
        NativeLibc.IntResult back = c.getsockoptInt(fd, o.levelNumber(), o.optionNumber());
        String detail = back.errno() == 0 ? "read back " + back.value()
                : "getsockopt failed: " + NativeErrno.name(back.errno());
        return result(o, phase, ProbeOutcome.OK, 0, detail + suffix);
    }

    private static String identity(NativeLibc c, int fd) {
        NativeLibc.IntResult domain = c.getsockoptInt(fd, SOL_SOCKET, SO_DOMAIN);
        NativeLibc.IntResult protocol = c.getsockoptInt(fd, SOL_SOCKET, SO_PROTOCOL);
        return "SO_DOMAIN=" + (domain.errno() == 0 ? String.valueOf(domain.value()) : NativeErrno.name(domain.errno()))
                + ", SO_PROTOCOL=" + (protocol.errno() == 0 ? String.valueOf(protocol.value())
                : NativeErrno.name(protocol.errno()))
                + (domain.errno() == 0 && domain.value() == AF_SMC ? ": an SMC socket" : ": not an SMC socket");
    }

    static String socketMessage(int proto, int errno) {
        switch (errno) {
            case NativeErrno.EAFNOSUPPORT:
                return "SMC not available in this kernel (EAFNOSUPPORT)";
            case NativeErrno.EPROTONOSUPPORT:
                return "SMC protocol " + protoName(proto) + " not supported by this kernel (EPROTONOSUPPORT)";
            case NativeErrno.EPERM:
            case NativeErrno.EACCES:
                return "not permitted to create AF_SMC sockets (" + NativeErrno.name(errno) + ")";
            default:
                return "socket(AF_SMC, SOCK_STREAM, " + protoName(proto) + ") failed: " + NativeErrno.name(errno)
                        + " (errno " + errno + ")";
        }
    }

    private static String protoName(int proto) {
        return proto == SMCPROTO_SMC ? "SMCPROTO_SMC" : "SMCPROTO_SMC6";
    }

    private static String hostPort(InetSocketAddress t) {
        String h = t.getAddress().getHostAddress();
        return (h.contains(":") ? "[" + h + "]" : h) + ":" + t.getPort();
    }

    private static SocketProbeOutcome outcome(String protocol, boolean opened, int errno, String message) {
        return new SocketProbeOutcome(new Provenance(SOURCE, 0, "socket(AF_SMC, " + protocol + "): " + message),
                protocol, opened, errno, NativeErrno.name(errno), message);
    }

    private static SockoptProbeResult result(Option o, String phase, ProbeOutcome outcome, int errno, String detail) {
        return result(o, phase, outcome, errno, 0, detail);
    }

    private static SockoptProbeResult result(Option o, String phase, ProbeOutcome outcome, int errno, int fallbackCode,
                                             String detail) {
        return new SockoptProbeResult(new Provenance(SOURCE, 0, o.level() + " " + o.name() + "=" + o.testValue()
                + " " + phase + ": " + outcome.label() + (errno != 0 ? " " + NativeErrno.name(errno) : "")
                + (fallbackCode != 0 ? " " + ReasonCode.hex(fallbackCode) : "")),
                o.level(), o.name(), o.testValue(), phase, outcome, errno, fallbackCode, detail);
    }
}
