package io.smcdoctor.rules;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.OptionVerdict;
import io.smcdoctor.catalog.Preconditions.Role;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.SockoptLevel;
import io.smcdoctor.catalog.Symptom;
import io.smcdoctor.catalog.TargetKernel;
import io.smcdoctor.catalog.internal.SymptomPhrases;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.FallbackCounter;
import io.smcdoctor.evidence.facts.IpFamily;
import io.smcdoctor.evidence.facts.KernelEvent;
import io.smcdoctor.evidence.facts.KernelRelease;
import io.smcdoctor.evidence.facts.LoadedModule;
import io.smcdoctor.evidence.facts.MentionedCode;
import io.smcdoctor.evidence.facts.ProbeOutcome;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.facts.SocketGroup;
import io.smcdoctor.evidence.facts.SocketRow;
import io.smcdoctor.evidence.facts.SocketSummary;
import io.smcdoctor.evidence.facts.SockoptProbeResult;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.SymptomText;
import io.smcdoctor.evidence.facts.SysctlSetting;
import io.smcdoctor.evidence.internal.NativeErrno;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns evidence and catalog into the facts one rule execution sees: the evidence facts themselves, the socket
 * summary, which inputs are present or missing, the fallback codes observed (socket groups plus stats counters),
 * the smc module load failures of the kernel log, the symptom phrases that matched, and the catalog reason codes the
 * rules may need.
 */
final class RuleInputs {
    private RuleInputs() {
    }

    static List<Object> facts(Evidence evidence, Catalog catalog) {
        List<Object> facts = new ArrayList<>(64);
        facts.addAll(evidence.allFacts());
        facts.add(new LoadedModules(evidence.facts(LoadedModule.class)));
        facts.add(new SysctlSettings(evidence.facts(SysctlSetting.class)));
        SocketSummary summary = evidence.sockets();
        facts.add(summary);
        Map<SourceKind, String> present = new EnumMap<>(SourceKind.class);
        evidence.sources().forEach((name, kind) -> present.putIfAbsent(kind, name));
        present.forEach((kind, source) -> facts.add(new InputPresent(kind, source)));
        List<FallbackObserved> observed = observed(evidence, summary);
        facts.addAll(observed);
        for (FallbackObserved o : observed) {
            catalog.reasonCode(o.code()).ifPresent(facts::add);
            if (o.peerCode() != 0 && o.peerCode() != o.code()) {
                catalog.reasonCode(o.peerCode()).ifPresent(facts::add);
            }
        }
        for (KernelEvent e : evidence.facts(KernelEvent.class)) {
            if (SmcModuleLoadFailed.isOne(e)) {
                facts.add(new SmcModuleLoadFailed(e));
            }
        }
        facts.addAll(symptoms(evidence.facts(SymptomText.class), SymptomPhrases.of(catalog)));
        facts.addAll(explainedProbeErrors(evidence, catalog));
        return facts;
    }

    private static final Pattern DEBIAN_VERSION = Pattern.compile("\\bDebian (\\d+\\.\\d+\\.\\d+)");

    /**
     * The host's kernel from {@code uname}: the release ({@code 6.12.117+deb12-amd64}); where Debian numbers the
     * release by its ABI ({@code 6.1.0-18-amd64}), the stable version that {@code uname -a} prints after "Debian"
     * ({@code Debian 6.1.76-1}). Empty without a uname.
     */
    static Optional<TargetKernel> hostKernel(Evidence evidence) {
        Optional<KernelRelease> k = evidence.facts(KernelRelease.class).stream().findFirst();
        if (k.isEmpty()) {
            return Optional.empty();
        }
        Optional<TargetKernel> t = TargetKernel.parse(k.get().release());
        if (t.isPresent() && t.get().kind() == TargetKernel.Kind.MAINLINE && t.get().patch() < 0) {
            Matcher m = DEBIAN_VERSION.matcher(k.get().provenance().text());
            if (m.find()) {
                Optional<TargetKernel> debian = TargetKernel.parse(m.group(1));
                if (debian.isPresent() && debian.get().major() == t.get().major()
                        && debian.get().minor() == t.get().minor()) {
                    return debian;
                }
            }
        }
        return t;
    }

    /**
     * Probe errors without a plain-TCP control that the catalog explains for the host's kernel: the option's verdict
     * there is decided by a kernel range whose errno is the probe's. With a control the measurement decides instead.
     */
    static List<SockoptErrorExplained> explainedProbeErrors(Evidence evidence, Catalog catalog) {
        List<SockoptProbeResult> errors = new ArrayList<>();
        for (SockoptProbeResult p : evidence.facts(SockoptProbeResult.class)) {
            if (p.outcome() == ProbeOutcome.ERROR && !p.tcpMeasured() && p.errno() > 0) {
                errors.add(p);
            }
        }
        Optional<TargetKernel> kernel = errors.isEmpty() ? Optional.empty() : hostKernel(evidence);
        if (kernel.isEmpty()) {
            return List.of();
        }
        List<SockoptErrorExplained> out = new ArrayList<>();
        for (SockoptProbeResult p : errors) {
            Optional<SocketOption> o = SockoptLevel.parse(p.level()).flatMap(l -> catalog.socketOption(l, p.name()));
            if (o.isEmpty()) {
                continue;
            }
            OptionVerdict v = o.get().verdictFor(kernel.get());
            if (!v.definite()) {
                continue;
            }
            OptionVerdict.Outcome only = v.outcomes().get(0);
            if (only.range().isPresent() && only.errno().isPresent()
                    && only.errno().get().equals(NativeErrno.name(p.errno()))) {
                out.add(new SockoptErrorExplained(p, kernel.get(), only.range().get()));
            }
        }
        return out;
    }

    /**
     * One fact per (local code, peer code, address family) on sockets, plus counter-only codes from the stats
     * (attached to the first socket pair with the same local code, else a fact of family UNKNOWN).
     */
    static List<FallbackObserved> observed(Evidence evidence, SocketSummary summary) {
        Map<String, Acc> pairs = new LinkedHashMap<>();
        Set<Integer> listeningPorts = new HashSet<>();
        for (SocketGroup g : summary.groups()) {
            if (g.listening()) {
                for (SocketRow row : g.samples()) {
                    listeningPorts.add(row.local().port());
                }
            }
        }
        for (SocketGroup g : summary.groups()) {
            if (!g.fallback() || g.listening() || g.localCode() == 0) {
                continue;
            }
            Acc acc = pairs.computeIfAbsent(key(g.localCode(), g.peerCode(), g.family()),
                    k -> new Acc(g.localCode(), g.peerCode(), g.family()));
            acc.sockets += g.count();
            for (SocketRow row : g.samples()) {
                if (acc.evidence.size() < Finding.ROWS_PER_GROUP) {
                    acc.evidence.add(row.provenance());
                }
                // a listening socket on the row's local port makes it the accepted (server) end; the server table of
                // the listing only knows the ports it listens on, so this holds for listings that show listeners
                if (row.local().port() > 0 && !listeningPorts.isEmpty()) {
                    acc.roles.add(listeningPorts.contains(row.local().port()) ? Role.SERVER : Role.CLIENT);
                }
            }
        }
        // smcr and smcd stats print the same per-netns table: count each fallback once, cite every line
        List<FallbackCounter> counters = evidence.facts(FallbackCounter.class);
        Map<Integer, Long> totals = FallbackCounter.totalsByCode(counters);
        long counterTotal = 0;
        for (Map.Entry<Integer, Long> t : totals.entrySet()) {
            counterTotal += t.getValue();
            Acc acc = null;
            for (Acc a : pairs.values()) {
                if (a.code == t.getKey()) {
                    acc = a;
                    break;
                }
            }
            if (acc == null) {
                acc = new Acc(t.getKey(), 0, IpFamily.UNKNOWN);
                pairs.put(key(t.getKey(), 0, IpFamily.UNKNOWN), acc);
            }
            acc.counted += t.getValue();
            for (FallbackCounter c : counters) {
                if (c.code() == acc.code && c.count() > 0) {
                    acc.evidence.add(c.provenance());
                }
            }
        }
        // codes the user named (symptom text, a paste's prose) that no socket or counter shows: the report's own words
        // are evidence of a fallback too, cited by their line (e.g. "rsn is 0x030f0000", "SMC_CLC_DECL_INTERR")
        for (MentionedCode m : evidence.facts(MentionedCode.class)) {
            if (m.code() == 0) {
                continue;
            }
            boolean seen = false;
            for (Acc a : pairs.values()) {
                if (a.code == m.code() && (m.peerCode() == 0 || a.peerCode == m.peerCode())) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                pairs.computeIfAbsent(key(m.code(), m.peerCode(), IpFamily.UNKNOWN),
                        k -> new Acc(m.code(), m.peerCode(), IpFamily.UNKNOWN)).evidence.add(m.provenance());
            }
        }
        List<FallbackObserved> out = new ArrayList<>(pairs.size());
        for (Acc a : pairs.values()) {
            double share;
            if (summary.fallbacks() > 0 && a.sockets > 0) {
                share = (double) a.sockets / summary.fallbacks();
            } else {
                share = counterTotal > 0 ? (double) a.counted / counterTotal : 0;
            }
            out.add(new FallbackObserved(a.code, a.peerCode, a.family, a.roles, a.sockets, a.counted, share,
                    a.evidence));
        }
        return out;
    }

    /** Catalog symptoms whose phrases occur in the user's texts, as facts. */
    static List<SymptomMatch> symptoms(List<SymptomText> texts, SymptomPhrases phrases) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<SymptomMatch> out = new ArrayList<>();
        for (SymptomText t : texts) {
            for (SymptomPhrases.Match m : phrases.match(t.text())) {
                out.add(new SymptomMatch(m.symptom().id(), m.symptom(), m.phrase(), t, m.phrases()));
            }
        }
        return out;
    }

    private static String key(int code, int peer, IpFamily family) {
        return code + "/" + peer + "/" + family;
    }

    private static final class Acc {
        final int code;
        final int peerCode;
        final IpFamily family;
        final Set<Role> roles = EnumSet.noneOf(Role.class);
        long sockets;
        long counted;
        final List<Provenance> evidence = new ArrayList<>(4);

        Acc(int code, int peerCode, IpFamily family) {
            this.code = code;
            this.peerCode = peerCode;
            this.family = family;
        }
    }
}
