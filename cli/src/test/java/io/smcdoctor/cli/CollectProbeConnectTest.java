package io.smcdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smcdoctor.adapters.host.SocketProbe;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.SocketOption;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class CollectProbeConnectTest {
    @Test
    void resolve_ipv4HostPort_yieldsResolvedAddress() {
        InetSocketAddress a = CollectCommand.resolve("10.10.0.1:5103");

        assertThat(a.getAddress().getHostAddress()).isEqualTo("10.10.0.1");
        assertThat(a.getPort()).isEqualTo(5103);
    }

    @Test
    void resolve_bracketedIpv6_yieldsResolvedAddress() {
        InetSocketAddress a = CollectCommand.resolve("[fd00::1]:5104");

        assertThat(a.getAddress().getHostAddress()).isEqualTo("fd00:0:0:0:0:0:0:1");
        assertThat(a.getPort()).isEqualTo(5104);
    }

    @Test
    void resolve_missingOrBadPort_isAUsageError() {
        assertThatThrownBy(() -> CollectCommand.resolve("10.10.0.1")).isInstanceOf(UsageException.class)
                .hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> CollectCommand.resolve("10.10.0.1:http")).isInstanceOf(UsageException.class)
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> CollectCommand.resolve("10.10.0.1:70000")).isInstanceOf(UsageException.class)
                .hasMessageContaining("out of range");
    }

    @Test
    void probeOption_catalogFastOpen_usesTheLinuxNumbers() {
        SocketOption fo = Catalog.bundled().socketOption("TCP_FASTOPEN_CONNECT").orElseThrow();

        SocketProbe.Option o = CollectCommand.probeOption(fo);

        assertThat(o).isEqualTo(new SocketProbe.Option("SOL_TCP", 6, "TCP_FASTOPEN_CONNECT", 30, 1));
    }
}
