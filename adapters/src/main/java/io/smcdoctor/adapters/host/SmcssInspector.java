package io.smcdoctor.adapters.host;

import io.smcdoctor.evidence.facts.Fact;
import io.smcdoctor.evidence.facts.FallbackCounter;
import io.smcdoctor.evidence.facts.SocketRow;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.internal.CommandResult;
import io.smcdoctor.evidence.internal.CommandRunner;
import io.smcdoctor.evidence.internal.EvidenceSpecs;
import io.smcdoctor.evidence.internal.ParseContext;
import io.smcdoctor.evidence.internal.TextLines;
import io.smcdoctor.evidence.internal.TextParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a probe connection's mode with smc-tools: {@code smcss -a} (the row with the socket's inode) and
 * {@code smcr -d stats} (fallback counters that grew since the previous call, which attribute a fallback that
 * {@code smcss} cannot show, e.g. {@code OPTUNSUPP} of a socket still in {@code INIT}). One instance per probe
 * run: it remembers the previous counters. Not thread-safe.
 */
final class SmcssInspector implements SocketProbe.ConnectionInspector {
    private final CommandRunner runner;
    private final Map<String, Long> lastCounters = new HashMap<>();
    private boolean primed;

    SmcssInspector(List<Path> searchPath) {
        this.runner = new CommandRunner(searchPath, Duration.ofSeconds(10), 8L << 20, Map.of("LC_ALL", "C"));
    }

    @Override
    public Optional<SocketProbe.ConnectionMode> inspect(long inode) {
        if (!primed) {
            counterDelta();
            primed = true;
        }
        List<Fact> rows = parse(SourceKind.SMCSS, List.of("smcss", "-a"));
        List<Integer> grown = counterDelta();
        for (Fact f : rows) {
            if (f instanceof SocketRow r && r.inode() == inode) {
                return Optional.of(new SocketProbe.ConnectionMode(r.state(), r.mode().name(), r.localCode(),
                        r.peerCode(), grown));
            }
        }
        return Optional.empty();
    }

    /** Call before a connection exists, so its counters are not attributed to the previous one. */
    @Override
    public void reset() {
        counterDelta();
        primed = true;
    }

    private List<Integer> counterDelta() {
        List<Integer> grown = new ArrayList<>();
        for (Fact f : parse(SourceKind.SMCR_STATS, List.of("smcr", "-d", "stats"))) {
            if (f instanceof FallbackCounter c) {
                String key = c.role() + "/" + c.name();
                long before = lastCounters.getOrDefault(key, 0L);
                if (primed && c.count() > before && !grown.contains(c.code())) {
                    grown.add(c.code());
                }
                lastCounters.put(key, c.count());
            }
        }
        return grown;
    }

    private List<Fact> parse(SourceKind kind, List<String> argv) {
        CommandResult r = runner.run(argv);
        List<Fact> facts = new ArrayList<>();
        Optional<TextParser> parser = EvidenceSpecs.of(kind).textParser();
        if (r.status() != CommandResult.Status.OK || parser.isEmpty()) {
            return facts;
        }
        ParseContext ctx = new ParseContext() {
            @Override
            public String source() {
                return kind.fileName();
            }

            @Override
            public void add(Fact fact) {
                facts.add(fact);
            }

            @Override
            public void warn(int line, String message) {
                // a probe aid: unparsable lines just do not match
            }
        };
        TextParser.LineSink sink = parser.get().open(ctx);
        TextLines.read(new String(r.output(), StandardCharsets.UTF_8), ctx, sink);
        sink.end();
        return facts;
    }
}
