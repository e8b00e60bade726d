package io.smcdoctor.cli.lab;

import com.fasterxml.jackson.databind.JsonNode;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.Support;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the socket probe's {@code sockopt-probe.json} from the lab (run inside the client guest against the
 * lab's SMC-R server) into the table {@code docs/sockopts-linux-6.12.md}: per catalog option what upstream 6.12
 * did, next to the seed's Y/M/N. Used by {@link LabIT} to check the committed table and, with
 * {@code -Dsmclab.writeDoc=true}, to write it.
 */
final class SockoptTable {
    /** What 6.12 did with one option, as measured. */
    record Measured(SocketOption option, Optional<JsonNode> before, Optional<JsonNode> established) {
        /** True when setting the option before connect made the connection fall back to TCP. */
        boolean forcesFallback() {
            return before.map(b -> "fallback".equals(b.path("outcome").asText())).orElse(false);
        }

        /** The measured verdict: {@code fallback}, {@code ok} or {@code error} (before connect). */
        String verdict() {
            if (before.isEmpty()) {
                return "not probed";
            }
            if (forcesFallback()) {
                return "fallback " + before.get().path("fallbackCode").asText();
            }
            String o = before.get().path("outcome").asText();
            if (!"ok".equals(o)) {
                return o + " " + before.get().path("errnoName").asText();
            }
            String detail = before.get().path("detail").asText();
            int failed = detail.indexOf("; then connect to ");
            if (failed >= 0 && detail.contains(" failed: ")) {
                return "ok; then connect() fails " + detail.substring(detail.lastIndexOf(" failed: ") + 9);
            }
            return detail.contains("connection SMCR") ? "ok, SMC-R" : "ok";
        }

        /** True when the measurement contradicts the seed's letter. */
        boolean differsFromSeed() {
            if (before.isEmpty()) {
                return false;
            }
            return (option.support() == Support.N) != forcesFallback();
        }
    }

    private SockoptTable() {
    }

    /** Pairs each catalog option with its probe results (matched by level and name). */
    static List<Measured> measure(Catalog catalog, JsonNode probe) {
        Map<String, JsonNode> before = new LinkedHashMap<>();
        Map<String, JsonNode> established = new LinkedHashMap<>();
        for (JsonNode o : probe.path("options")) {
            String key = o.path("level").asText() + ":" + o.path("name").asText();
            if ("before-connect".equals(o.path("phase").asText())) {
                before.put(key, o);
            } else {
                established.put(key, o);
            }
        }
        List<Measured> out = new ArrayList<>();
        for (SocketOption s : catalog.socketOptions()) {
            String key = s.level().name() + ":" + s.name();
            out.add(new Measured(s, Optional.ofNullable(before.get(key)), Optional.ofNullable(established.get(key))));
        }
        return out;
    }

    /** The Markdown document. */
    static String render(List<Measured> rows, String kernel, String target) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Socket options on AF_SMC sockets: upstream Linux ").append(kernel).append(" (measured)\n\n");
        sb.append("Generated from the socket probe of `smc-doctor collect --probe-connect` run inside the client guest of\n")
                .append("the SMC lab (`../shared/smc-lab`, Debian kernel ").append(kernel)
                .append(", soft-RoCE, SMC-Rv2 with a UEID) against\n")
                .append("the lab's SMC-R echo server ").append(target)
                .append(", by `LabIT` (`mvn -B verify -Plab -pl cli -am -DskipTests -Dsmclab.writeDoc=true`).\n\n");
        sb.append("For every option of the catalog the probe opened `socket(AF_SMC, SOCK_STREAM, SMCPROTO_SMC)`, set the\n")
                .append("option to the int `1`, read it back, then connected and looked the connection up in `smcss -a`\n")
                .append("(by inode) and in `smcr -d stats` (counters that grew): column *before connect*. Column\n")
                .append("*established*: the same option set on a connection that is already SMC-R. `seed` is the Y/M/N\n")
                .append("of the seed FAQ, written for Alibaba Cloud Linux 3 kernels. An error such as `EINVAL` or `ENOPROTOOPT`\n")
                .append("can mean that `1` is not a valid value for that option (e.g. `SO_LINGER` wants a struct, `TCP_MAXSEG`\n")
                .append("at least 88): the call reaches TCP through SMC's internal socket just the same; it is not an SMC verdict.\n")
                .append("*differs* marks where 6.12 contradicts the seed: an option the seed marks N that does not make the\n")
                .append("connection fall back (it stays SMC-R, or the call just fails as it would on TCP), or an option the\n")
                .append("seed marks Y/M that forces a fallback. Those rows carry a kernel note\n")
                .append("(`upstream 6.12 (measured)`) in the catalog, shown by `smc-doctor sockopt` and `lint`.\n\n");
        long fallback = rows.stream().filter(Measured::forcesFallback).count();
        long differs = rows.stream().filter(Measured::differsFromSeed).count();
        sb.append(String.format(Locale.ROOT, "%d options; %d force a TCP fallback when set before connect; %d differ from the seed.%n%n",
                rows.size(), fallback, differs));
        sb.append("| level | option | value | seed | 6.12 before connect | 6.12 established | differs |\n");
        sb.append("|---|---|---:|:-:|---|---|:-:|\n");
        for (Measured m : rows) {
            SocketOption o = m.option();
            sb.append("| ").append(o.level().name()).append(" | `").append(o.name()).append("` | ").append(o.value())
                    .append(" | ").append(o.support().name()).append(" | ").append(m.verdict()).append(" | ")
                    .append(m.established().map(SockoptTable::established).orElse("not probed")).append(" | ")
                    .append(m.differsFromSeed() ? "**yes**" : "").append(" |\n");
        }
        return sb.toString();
    }

    private static String established(JsonNode e) {
        String o = e.path("outcome").asText();
        if ("ok".equals(o)) {
            return e.path("detail").asText().contains("connection SMCR") ? "ok, stays SMC-R" : "ok";
        }
        if ("fallback".equals(o)) {
            return "fallback " + e.path("fallbackCode").asText();
        }
        return o + " " + e.path("errnoName").asText();
    }
}
