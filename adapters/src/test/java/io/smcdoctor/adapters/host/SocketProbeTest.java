package io.smcdoctor.adapters.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.facts.ProbeOutcome;
import io.smcdoctor.evidence.facts.SocketProbeOutcome;
import io.smcdoctor.evidence.facts.SockoptProbeResult;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.internal.NativeLibc;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocketProbeTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T16:10:08Z"), ZoneOffset.UTC);
    private static final SocketProbe.Option NODELAY = new SocketProbe.Option("SOL_TCP", 6, "TCP_NODELAY", 1, 1);
    private static final SocketProbe.Option ULP = new SocketProbe.Option("SOL_TCP", 6, "TCP_ULP", 31, 0);

    @TempDir
    Path tmp;

    @Test
    void probe_realKernelWithoutSmc_reportsEafnosupportForBothProtocols() {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux"));
        assumeFalse(Files.exists(Path.of("/proc/sys/net/smc")), "this host has SMC loaded");

        SocketProbe.Report r = SocketProbe.create().probe(SocketProbe.Request.of(List.of(NODELAY)));

        assertThat(r.sockets()).extracting(SocketProbeOutcome::protocol)
                .containsExactly("SMCPROTO_SMC", "SMCPROTO_SMC6");
        assertThat(r.sockets()).allSatisfy(s -> {
            assertThat(s.opened()).isFalse();
            assertThat(s.errno()).isEqualTo(97);
            assertThat(s.errnoName()).isEqualTo("EAFNOSUPPORT");
            assertThat(s.message()).isEqualTo("SMC not available in this kernel (EAFNOSUPPORT)");
        });
        assertThat(r.options()).isEmpty();
        assertThat(r.smcAvailable()).isFalse();
        assertThat(r.platform()).isEqualTo("linux");
        assertThat(r.kernel()).isNotEmpty();
    }

    @Test
    void probe_fakeSmcKernel_triesEachOptionOnAFreshSocketAndClosesThemAll() {
        FakeLibc libc = new FakeLibc();
        libc.rejectedOptions.add(31);

        SocketProbe.Report r = SocketProbe.using(libc, true, tmp, CLOCK).probe(SocketProbe.Request.of(List.of(NODELAY, ULP)));

        assertThat(r.sockets()).extracting(SocketProbeOutcome::message).containsExactly(
                "AF_SMC socket opened (SO_DOMAIN=43, SO_PROTOCOL=0: an SMC socket)",
                "AF_SMC socket opened (SO_DOMAIN=43, SO_PROTOCOL=1: an SMC socket)");
        assertThat(r.options()).hasSize(2);
        SockoptProbeResult nodelay = r.options().get(0);
        assertThat(nodelay.outcome()).isEqualTo(ProbeOutcome.OK);
        assertThat(nodelay.phase()).isEqualTo(SocketProbe.BEFORE_CONNECT);
        assertThat(nodelay.detail()).isEqualTo("read back 1");
        assertThat(nodelay.value()).isEqualTo(1);
        SockoptProbeResult ulp = r.options().get(1);
        assertThat(ulp.outcome()).isEqualTo(ProbeOutcome.ERROR);
        assertThat(ulp.errno()).isEqualTo(95);
        // the same call on a plain TCP socket succeeds: the refusal is SMC's (net/smc/af_smc.c smc_setsockopt())
        assertThat(ulp.detail()).isEqualTo("setsockopt failed: EOPNOTSUPP; plain TCP: accepted");
        assertThat(ulp.tcpErrno()).isZero();
        assertThat(ulp.differsFromTcp()).isTrue();
        assertThat(nodelay.tcpMeasured()).isFalse();
        assertThat(libc.calls).containsSubsequence("socket(43,1,0)", "socket(43,1,1)", "socket(43,1,0)",
                "setsockopt(6,1,1)", "socket(43,1,0)", "setsockopt(6,31,0)", "socket(2,1,0)", "setsockopt(6,31,0)");
        assertThat(libc.open).isEmpty();
        assertThat(r.time()).isEqualTo(CLOCK.instant());
    }

    @Test
    void probe_optionThatPlainTcpRefusesAlike_isNotSmcEvidence() {
        // SO_LINGER set to the int 1 is too short for struct linger: every TCP socket refuses it with EINVAL
        SocketProbe.Option linger = new SocketProbe.Option("SOL_SOCKET", 1, "SO_LINGER", 13, 1);
        FakeLibc libc = new FakeLibc();
        libc.rejectedOptions.add(13);
        libc.tcpRejected.put(13, 95);

        SockoptProbeResult r = SocketProbe.using(libc, true, tmp, CLOCK).probe(SocketProbe.Request.of(List.of(linger)))
                .options().get(0);

        assertThat(r.outcome()).isEqualTo(ProbeOutcome.ERROR);
        assertThat(r.tcpErrno()).isEqualTo(95);
        assertThat(r.differsFromTcp()).isFalse();
        assertThat(r.provenance().text()).endsWith("; plain TCP: EOPNOTSUPP");
        assertThat(libc.open).isEmpty();
    }

    @Test
    void probe_withTarget_connectsWithATimeoutAndRetriesOptionsOnTheConnection() throws IOException {
        FakeLibc libc = new FakeLibc();
        InetSocketAddress peer = new InetSocketAddress(InetAddress.getByName("10.10.0.1"), 5101);

        SocketProbe.Report r = SocketProbe.using(libc, true, tmp, CLOCK)
                .probe(SocketProbe.Request.of(List.of(NODELAY)).withTarget(peer, Duration.ofMillis(2500)));

        assertThat(r.target()).isEqualTo("10.10.0.1:5101");
        assertThat(r.sockets()).last().satisfies(s -> {
            assertThat(s.protocol()).isEqualTo("SMCPROTO_SMC -> 10.10.0.1:5101");
            assertThat(s.opened()).isTrue();
            assertThat(s.message()).isEqualTo("connected (SO_DOMAIN=43, SO_PROTOCOL=0: an SMC socket)");
        });
        assertThat(r.options()).extracting(SockoptProbeResult::phase)
                .containsExactly(SocketProbe.BEFORE_CONNECT, SocketProbe.ESTABLISHED);
        assertThat(r.options().get(1).detail()).isEqualTo("read back 1; SO_DOMAIN=43, SO_PROTOCOL=0: an SMC socket");
        assertThat(libc.calls).contains("timeval(1,21,2,500000)", "timeval(1,20,2,500000)", "connect(16)");
        assertThat(libc.open).isEmpty();
    }

    @Test
    void probe_refusedConnection_isRecordedPerOption() throws IOException {
        FakeLibc libc = new FakeLibc();
        libc.connectErrno = 111;
        InetSocketAddress peer = new InetSocketAddress(InetAddress.getByName("fd00::1"), 5101);

        SocketProbe.Report r = SocketProbe.using(libc, true, tmp, CLOCK)
                .probe(SocketProbe.Request.of(List.of(NODELAY)).withTarget(peer, Duration.ofSeconds(1)));

        assertThat(r.sockets()).last().satisfies(s -> {
            assertThat(s.opened()).isFalse();
            assertThat(s.errnoName()).isEqualTo("ECONNREFUSED");
            assertThat(s.message()).isEqualTo("connect to [fd00:0:0:0:0:0:0:1]:5101 failed: ECONNREFUSED");
        });
        assertThat(r.options().get(1)).satisfies(o -> {
            assertThat(o.outcome()).isEqualTo(ProbeOutcome.ERROR);
            assertThat(o.errno()).isEqualTo(111);
        });
        assertThat(libc.calls).contains("socket(43,1,1)", "connect(28)");
        assertThat(libc.open).isEmpty();
    }

    @Test
    void probe_protocolNotSupported_explainsIt() {
        FakeLibc libc = new FakeLibc();
        libc.smc6Errno = 93;

        SocketProbe.Report r = SocketProbe.using(libc, true, tmp, CLOCK).probe(SocketProbe.Request.of(List.of()));

        assertThat(r.sockets().get(1).message())
                .isEqualTo("SMC protocol SMCPROTO_SMC6 not supported by this kernel (EPROTONOSUPPORT)");
        assertThat(r.smcAvailable()).isTrue();
    }

    @Test
    void probe_nonLinux_reportsUnsupportedWithoutCallingLibc() {
        FakeLibc libc = new FakeLibc();

        SocketProbe.Report r = SocketProbe.using(libc, false, tmp, CLOCK).probe(SocketProbe.Request.of(List.of(NODELAY)));

        assertThat(r.sockets()).singleElement().satisfies(s -> assertThat(s.message())
                .startsWith("socket probe unsupported on ").endsWith(": AF_SMC exists only on Linux"));
        assertThat(libc.calls).isEmpty();
    }

    @Test
    void probe_nativeLinkFailure_isReportedNotThrown() {
        NativeLibc broken = new FakeLibc() {
            @Override
            public int socket(int domain, int type, int protocol) {
                throw new UnsatisfiedLinkError("libc.so.6: cannot open shared object file");
            }
        };

        SocketProbe.Report r = SocketProbe.using(broken, true, tmp, CLOCK).probe(SocketProbe.Request.of(List.of()));

        assertThat(r.sockets()).singleElement().satisfies(s -> {
            assertThat(s.opened()).isFalse();
            assertThat(s.message()).isEqualTo("socket probe unavailable: cannot call the C library "
                    + "(UnsatisfiedLinkError: libc.so.6: cannot open shared object file)");
        });
    }

    @Test
    void report_writtenAsJson_readsBackAsEvidence() throws IOException {
        FakeLibc libc = new FakeLibc();
        libc.socketErrno = 97;
        Files.createDirectories(tmp.resolve("proc/sys/kernel"));
        Files.writeString(tmp.resolve("proc/sys/kernel/hostname"), "probe-host\n");
        SocketProbe.Report r = SocketProbe.using(libc, true, tmp.resolve("proc"), CLOCK)
                .probe(SocketProbe.Request.of(List.of(NODELAY)));
        Path bundle = Files.createDirectories(tmp.resolve("bundle"));
        try (OutputStream out = Files.newOutputStream(bundle.resolve("sockopt-probe.json"))) {
            r.writeJson(out);
        }

        Evidence ev = EvidenceBundle.read(bundle);

        assertThat(r.host()).isEqualTo("probe-host");
        assertThat(ev.sources()).containsEntry("sockopt-probe.json", SourceKind.SOCKOPT_PROBE);
        assertThat(ev.facts(SocketProbeOutcome.class)).hasSize(2).allSatisfy(s -> {
            assertThat(s.errno()).isEqualTo(97);
            assertThat(s.message()).isEqualTo("SMC not available in this kernel (EAFNOSUPPORT)");
            assertThat(s.provenance().line()).isPositive();
        });
    }

    @Test
    void probe_withInspector_reportsOptionsThatForceFallbackWithTheCountersCode() throws IOException {
        FakeLibc libc = new FakeLibc();
        Path fds = Files.createDirectories(tmp.resolve("self/fd"));
        for (int fd = 10; fd < 20; fd++) {
            Files.createSymbolicLink(fds.resolve(String.valueOf(fd)), Path.of("socket:[" + (900 + fd) + "]"));
        }
        SocketProbe.Option fastopen = new SocketProbe.Option("SOL_TCP", 6, "TCP_FASTOPEN_CONNECT", 30, 1);
        List<Long> inodes = new java.util.ArrayList<>();
        // like 6.12: TCP_FASTOPEN_CONNECT leaves the socket INIT without a mode, only the stats count OPTUNSUPP
        SocketProbe.ConnectionInspector ins = inode -> {
            inodes.add(inode);
            boolean fo = inodes.size() == 1; // the first connection is the one with the option set before connect
            return Optional.of(fo ? new SocketProbe.ConnectionMode("INIT", "NONE", 0, 0, List.of(0x03060000))
                    : new SocketProbe.ConnectionMode("ACTIVE", "SMCR", 0, 0, List.of()));
        };
        InetSocketAddress peer = new InetSocketAddress(InetAddress.getByName("10.10.0.1"), 5103);

        SocketProbe.Report r = SocketProbe.using(libc, true, tmp, CLOCK).withInspector(() -> ins)
                .probe(SocketProbe.Request.of(List.of(fastopen, NODELAY)).withTarget(peer, Duration.ofSeconds(2)));

        SockoptProbeResult fo = r.options().get(0);
        assertThat(fo.phase()).isEqualTo(SocketProbe.BEFORE_CONNECT);
        assertThat(fo.outcome()).isEqualTo(ProbeOutcome.FALLBACK);
        assertThat(fo.fallbackCode()).isEqualTo(0x03060000);
        assertThat(fo.detail()).isEqualTo("read back 1; then connected to 10.10.0.1:5103; connection TCP fallback"
                + " 0x03060000 (smcss: INIT NONE)");
        assertThat(r.options().get(1).outcome()).isEqualTo(ProbeOutcome.OK);
        assertThat(r.options().get(1).detail()).endsWith("; connection SMCR (ACTIVE)");
        assertThat(r.sockets()).last().satisfies(s -> assertThat(s.message()).endsWith(", mode SMCR (ACTIVE)"));
        assertThat(inodes).first().isEqualTo(912L); // fd 12: after the SMC and SMC6 socket checks (10, 11)
        assertThat(libc.open).isEmpty();
    }

    @Test
    void connectionMode_tcpWithLocalCode_prefersItOverCounters() {
        SocketProbe.ConnectionMode m = new SocketProbe.ConnectionMode("ACTIVE", "TCP", 0x03030000, 0, List.of(0x05000000));

        assertThat(m.fellBack()).isTrue();
        assertThat(m.fallbackCode()).isEqualTo(0x03030000);
        assertThat(m.describe()).isEqualTo("TCP fallback 0x03030000 (smcss: ACTIVE TCP)");
        assertThat(new SocketProbe.ConnectionMode("ACTIVE", "SMCR", 0, 0, List.of()).fellBack()).isFalse();
    }
}
