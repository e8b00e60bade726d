package io.smcdoctor.engine.internal.pair;

import io.smcdoctor.Diagnosis;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.DiagnosisReport.MissingEvidence;
import io.smcdoctor.MultiHostReport;
import io.smcdoctor.MultiHostReport.HostCitation;
import io.smcdoctor.MultiHostReport.HostDiagnosis;
import io.smcdoctor.MultiHostReport.HostPairing;
import io.smcdoctor.MultiHostReport.RuledOutCause;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Cause;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.Preconditions.HostFlag;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.Severity;
import io.smcdoctor.catalog.Side;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.HostIdentity;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.rules.Codes;
import io.smcdoctor.rules.ReporterCheck;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Diagnoses several hosts together from their own reports. The hosts are named (bundle host name, else label), each
 * pair is analysed ({@link PairAnalysis}), and when two hosts are the two ends of the connections
 * ({@link HostPairing#related()}) a diagnosis one host concludes about its peer is resolved with the peer's evidence:
 *
 * <ul>
 * <li>A decline the host saw from its peer ({@code 0x05000000/X}, or a cause on the peer's side) is <em>explained</em>
 *     by the peer's own diagnosis of X (or of the same cause): that diagnosis ranks with the confirmation
 *     ({@code c' = 1 − (1 − c)(1 − c_peer / 2)}, once per confirming host) and cites the lines of both hosts; the
 *     peer-side diagnosis is folded into it. Basis: the end that declines sends its reason in the CLC DECLINE, which
 *     the other end records as its peer's code (net/smc/af_smc.c {@code smc_clc_send_decline()} on the declining
 *     end; {@code smc_connect_clc()} / {@code smc_listen_work()} take the received code as {@code 0x05000000}
 *     {@code SMC_CLC_DECL_PEERDECL} plus the peer's); so the host whose local evidence explains X is the side to fix.</li>
 * <li>A cause offered for the peer's code whose catalog preconditions the peer's evidence contradicts (a UEID where
 *     the cause needs none) is ruled out ({@link ReporterCheck}).</li>
 * <li>A cause that needs something missing on its host (no UEID, no RDMA device) names the other host too when the
 *     other host's evidence shows the same thing missing.</li>
 * <li>The same cause concluded on both hosts is one diagnosis (a status such as "SMC-R works", seen from both ends).</li>
 * </ul>
 * When the hosts are not related (their listings show different connections; the joined ends contradict each other)
 * nothing is merged: each host's diagnoses stand, and a peer-side cause names no host to fix. Stateless apart from
 * the catalog and language it was built with; thread-safe.
 */
public final class PairAssembler {
    private final Catalog catalog;
    private final Language language;
    private final Set<String> peerDeclined;

    /** An assembler over a catalog, writing text in a language. */
    public PairAssembler(Catalog catalog, Language language) {
        this.catalog = catalog;
        this.language = language;
        this.peerDeclined = catalog.reasonCode(Codes.PEERDECL)
                .map(rc -> rc.causes().stream().map(Cause::id).collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    /** One host's input: its label, evidence and own report. */
    public record Input(String label, Evidence evidence, DiagnosisReport report) {
    }

    /** The report of the hosts together. */
    public MultiHostReport assemble(List<Input> inputs) {
        List<String> names = names(inputs);
        List<MultiHostReport.Host> hosts = new ArrayList<>(inputs.size());
        List<PairAnalysis.Side> sides = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            Optional<Instant> at = in.evidence().facts(HostIdentity.class).stream()
                    .map(HostIdentity::capturedAt).flatMap(Optional::stream).findFirst();
            hosts.add(new MultiHostReport.Host(names.get(i), in.label(), at, in.report()));
            sides.add(new PairAnalysis.Side(names.get(i), in.evidence(), at, bundleName(in.evidence())));
        }
        List<HostPairing> pairings = new ArrayList<>();
        for (int i = 0; i < sides.size(); i++) {
            for (int j = i + 1; j < sides.size(); j++) {
                pairings.add(PairAnalysis.analyze(sides.get(i), sides.get(j)));
            }
        }

        List<Item> items = new ArrayList<>();
        for (int h = 0; h < inputs.size(); h++) {
            for (Diagnosis d : inputs.get(h).report().diagnoses()) {
                items.add(new Item(h, d, names.get(h)));
            }
        }
        int[] peer = peers(inputs.size(), pairings);
        List<RuledOutCause> ruledOut = new ArrayList<>();
        resolvePeerSides(items, peer, inputs, names, ruledOut);
        mergeSame(items);
        List<HostDiagnosis> ranked = rank(items, peer, inputs, names);
        Set<String> settled = new HashSet<>();
        for (Item i : items) {
            if (i.folded) {
                settled.add(i.host + "|" + i.diagnosis.title());
            }
        }
        return new MultiHostReport(hosts, ranked, ruledOut, missing(inputs, peer, names, settled), pairings, language);
    }

    /** What one host's report concluded, while the hosts are put together. */
    private static final class Item {
        final int host;
        final Diagnosis diagnosis;
        final List<String> concludedOn = new ArrayList<>();
        final Set<Integer> concludedHosts = new LinkedHashSet<>();
        double confidence;
        final LinkedHashSet<HostCitation> evidence = new LinkedHashSet<>();
        final List<HostDiagnosis.Corroboration> corroboratedBy = new ArrayList<>();
        final Set<Integer> confirmedBy = new HashSet<>();
        final Set<Integer> alsoFix = new LinkedHashSet<>();
        boolean folded;

        Item(int host, Diagnosis diagnosis, String name) {
            this.host = host;
            this.diagnosis = diagnosis;
            this.concludedOn.add(name);
            this.concludedHosts.add(host);
            this.confidence = diagnosis.confidence();
            for (Provenance p : diagnosis.evidence()) {
                evidence.add(new HostCitation(name, p));
            }
        }

        String id() {
            return diagnosis.id();
        }
    }

    /** The peer's code of a diagnosis that names {@code 0x05000000/X}: X, else 0. */
    private static int peerCode(Diagnosis d) {
        List<Integer> codes = d.reasonCodes();
        int at = codes.indexOf(Codes.PEERDECL);
        return at >= 0 && at + 1 < codes.size() ? codes.get(at + 1) : 0;
    }

    /**
     * True when a diagnosis of the other end explains why this end saw {@code 0x03010000} (the peer offered no SMC):
     * that end fell back before its SYN ({@code 0x03060000}, an option SMC does not support, set before
     * {@code connect()}), or it has no SMC at all. Basis: net/smc/af_smc.c {@code smc_connect()} sets the SYN's SMC
     * option ({@code syn_smc}) only when the socket has not fallen back yet, and {@code smc_listen_work()} falls back
     * with {@code SMC_CLC_DECL_PEERNOSMC} when the client's SYN lacked it; without the smc module the client's socket
     * is a plain TCP socket (lab 6.12 fastopen and smc-module-missing).
     */
    private boolean offersNoSmc(Diagnosis d) {
        if (d.reasonCodes().contains(Codes.OPTUNSUPP)) {
            return true;
        }
        return catalog.cause(d.id()).map(c -> Boolean.FALSE.equals(c.preconditions().host().get(
                HostFlag.SMC_LOADED))).orElse(false);
    }

    /** True for a diagnosis about the peer: on the peer's side, or explaining the peer's own code. */
    private boolean aboutPeer(Diagnosis d) {
        return d.side() == Side.PEER || peerCode(d) != 0 || peerDeclined.contains(d.id());
    }

    private void resolvePeerSides(List<Item> items, int[] peer, List<Input> inputs, List<String> names,
                                  List<RuledOutCause> ruledOut) {
        List<Item> bySeen = new ArrayList<>(items);
        bySeen.sort(Comparator.comparingDouble((Item x) -> -x.confidence));
        // 1. what the peer saw is explained by the peer's own diagnosis
        for (Item p : bySeen) {
            int o = peer[p.host];
            if (o < 0 || p.folded || !aboutPeer(p.diagnosis)) {
                continue;
            }
            int code = peerCode(p.diagnosis);
            boolean generic = peerDeclined.contains(p.id());
            boolean noSmcOffered = p.diagnosis.reasonCodes().contains(Codes.PEERNOSMC) && code == 0;
            Optional<Item> explaining = items.stream()
                    .filter(e -> e.host == o && !e.folded && e.diagnosis.severity() != Severity.INFO
                            && !aboutPeer(e.diagnosis))
                    .filter(e -> e.id().equals(p.id())
                            || generic && code != 0 && e.diagnosis.reasonCodes().contains(code)
                            || noSmcOffered && offersNoSmc(e.diagnosis))
                    .max(Comparator.comparingDouble((Item e) -> e.confidence));
            if (explaining.isPresent()) {
                Item e = explaining.get();
                if (e.confirmedBy.add(p.host)) {
                    e.confidence = 1 - (1 - e.confidence) * (1 - p.confidence / 2);
                }
                e.evidence.addAll(p.evidence);
                e.corroboratedBy.add(new HostDiagnosis.Corroboration(names.get(p.host), p.id(),
                        p.diagnosis.reasonCodes()));
                p.folded = true;
            }
        }
        // 2. the other causes offered for the peer's code: contradicted by the peer's evidence, or set aside because
        // the peer's own rules, which see the evidence that decides them, explain the code otherwise
        for (Item p : bySeen) {
            int o = peer[p.host];
            int code = peerCode(p.diagnosis);
            if (o < 0 || p.folded || code == 0 || peerDeclined.contains(p.id())) {
                // without the peer's code the cause's preconditions describe this host, not the peer (Preconditions);
                // "the peer declined" names no condition of the peer to check
                continue;
            }
            Optional<ReporterCheck.Contradiction> why = catalog.cause(p.id())
                    .flatMap(c -> ReporterCheck.check(c, inputs.get(o).evidence()));
            if (why.isPresent()) {
                p.folded = true;
                ruledOut.add(new RuledOutCause(p.id(), p.diagnosis.title(), names.get(p.host), names.get(o),
                        p.diagnosis.reasonCodes(), RuledOutCause.Kind.CONTRADICTED, why.get().because(),
                        why.get().lines().stream().map(l -> new HostCitation(names.get(o), l)).toList()));
                continue;
            }
            Optional<Item> otherwise = items.stream()
                    .filter(e -> e.host == o && !e.folded && e.diagnosis.severity() != Severity.INFO
                            && !aboutPeer(e.diagnosis) && e.diagnosis.reasonCodes().contains(code))
                    .max(Comparator.comparingDouble((Item e) -> e.confidence));
            if (otherwise.isPresent()) {
                p.folded = true;
                Item e = otherwise.get();
                ruledOut.add(new RuledOutCause(p.id(), p.diagnosis.title(), names.get(p.host), names.get(o),
                        p.diagnosis.reasonCodes(), RuledOutCause.Kind.EXPLAINED_OTHERWISE,
                        "the peer's own evidence explains " + ReasonCode.hex(code) + " as "
                                + e.id(), e.diagnosis.evidence().stream().limit(2)
                                .map(l -> new HostCitation(names.get(o), l)).toList()));
            }
        }
        // a cause that needs something missing on its host: the other end may miss it too; a cause about both ends
        // (side either) shows the other end's lines for what it needs
        for (Item e : items) {
            int o = peer[e.host];
            if (o < 0 || e.folded || aboutPeer(e.diagnosis) || e.diagnosis.severity() == Severity.INFO) {
                continue;
            }
            Optional<Cause> cause = catalog.cause(e.id());
            if (cause.isEmpty()) {
                continue;
            }
            boolean missing = !cause.get().preconditions().host().containsValue(Boolean.TRUE);
            if (!missing && e.diagnosis.side() != Side.EITHER) {
                continue;
            }
            ReporterCheck.alsoHolds(cause.get(), inputs.get(o).evidence()).ifPresent(lines -> {
                if (missing) {
                    e.alsoFix.add(o);
                }
                lines.forEach(l -> e.evidence.add(new HostCitation(names.get(o), l)));
            });
        }
    }

    /** The same cause concluded on several hosts (not about a peer) becomes one diagnosis. */
    private void mergeSame(List<Item> items) {
        for (int i = 0; i < items.size(); i++) {
            Item a = items.get(i);
            if (a.folded || aboutPeer(a.diagnosis)) {
                continue;
            }
            for (int j = i + 1; j < items.size(); j++) {
                Item b = items.get(j);
                if (b.folded || b.host == a.host || !b.id().equals(a.id()) || aboutPeer(b.diagnosis)) {
                    continue;
                }
                double hi = Math.max(a.confidence, b.confidence);
                double lo = Math.min(a.confidence, b.confidence);
                a.confidence = a.diagnosis.severity() == Severity.INFO ? hi : 1 - (1 - hi) * (1 - lo / 2);
                a.concludedOn.addAll(b.concludedOn);
                a.concludedHosts.addAll(b.concludedHosts);
                a.evidence.addAll(b.evidence);
                a.corroboratedBy.addAll(b.corroboratedBy);
                a.alsoFix.addAll(b.alsoFix);
                b.folded = true;
            }
        }
    }

    private List<HostDiagnosis> rank(List<Item> items, int[] peer, List<Input> inputs, List<String> names) {
        List<Item> kept = new ArrayList<>();
        for (Item i : items) {
            if (!i.folded) {
                i.confidence = Math.round(i.confidence * 100) / 100.0;
                kept.add(i);
            }
        }
        kept.sort(Comparator.comparingInt((Item i) -> i.diagnosis.severity() == Severity.INFO ? 1 : 0)
                .thenComparingDouble(i -> -i.confidence)
                .thenComparing(i -> i.diagnosis.severity().ordinal())
                .thenComparing(Item::id)
                .thenComparingInt(i -> i.host));
        List<HostDiagnosis> out = new ArrayList<>(kept.size());
        for (Item i : kept) {
            List<String> fix = fixOn(i, peer, names);
            boolean each = fix.size() > 1 && !i.alsoFix.isEmpty();
            out.add(new HostDiagnosis(out.size() + 1, i.diagnosis, i.concludedOn, fix, each, i.confidence,
                    List.copyOf(i.evidence), i.corroboratedBy));
        }
        return out;
    }

    /** The hosts to change for a diagnosis, in host order. */
    private List<String> fixOn(Item i, int[] peer, List<String> names) {
        if (i.diagnosis.severity() == Severity.INFO) {
            return List.of();
        }
        Set<Integer> hosts = new TreeSet<>();
        int o = peer[i.host];
        Side side = i.diagnosis.side();
        if (aboutPeer(i.diagnosis)) {
            if (o >= 0) {
                hosts.add(o);
            }
        } else if (side == Side.LOCAL || side == Side.HOST) {
            hosts.addAll(i.concludedHosts);
        } else if (side == Side.EITHER) {
            hosts.addAll(i.concludedHosts);
            if (o >= 0) {
                hosts.add(o);
            }
        }
        hosts.addAll(i.alsoFix);
        return hosts.stream().map(names::get).toList();
    }

    /**
     * Missing evidence per host. A host that asks for a file its own bundle has asks for its peer's copy (the rules
     * name the peer's {@code smcr ueid show} after a decline): that request goes to the related peer, and is dropped
     * when the peer's bundle has the file. The question of a cause that the other host's evidence explained or ruled
     * out (its {@code what} is the cause's title) is dropped.
     */
    private static List<MultiHostReport.Missing> missing(List<Input> inputs, int[] peer, List<String> names,
                                                         Set<String> settled) {
        List<MultiHostReport.Missing> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int h = 0; h < inputs.size(); h++) {
            Evidence own = inputs.get(h).evidence();
            for (MissingEvidence m : inputs.get(h).report().missingEvidence()) {
                if (settled.contains(h + "|" + m.what())) {
                    continue; // the question of a cause the other host's evidence settled
                }
                int on = h;
                if (own.sources().containsKey(m.what()) && peer[h] >= 0) {
                    on = peer[h];
                    if (inputs.get(on).evidence().sources().containsKey(m.what())) {
                        continue;
                    }
                }
                if (seen.add(on + "|" + m.what() + "|" + m.command())) {
                    out.add(new MultiHostReport.Missing(names.get(on), m));
                }
            }
        }
        return out;
    }

    /** The related peer of each host (the one with most joined connections), -1 when none. */
    private static int[] peers(int n, List<HostPairing> pairings) {
        int[] peer = new int[n];
        long[] best = new long[n];
        Arrays.fill(peer, -1);
        Arrays.fill(best, -1);
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                HostPairing p = pairings.get(k++);
                if (!p.related()) {
                    continue;
                }
                if (p.joined() > best[i]) {
                    best[i] = p.joined();
                    peer[i] = j;
                }
                if (p.joined() > best[j]) {
                    best[j] = p.joined();
                    peer[j] = i;
                }
            }
        }
        return peer;
    }

    /** The host name a bundle gives: its manifest's, else the node name of {@code uname -a}. */
    private static Optional<String> bundleName(Evidence e) {
        List<HostIdentity> ids = new ArrayList<>(e.facts(HostIdentity.class));
        ids.sort(Comparator.comparingInt((HostIdentity h) -> h.capturedAt().isPresent() ? 0 : 1));
        return ids.stream().map(HostIdentity::usableName).flatMap(Optional::stream).findFirst();
    }

    /** Report names: the bundle's host name when no other host has it, else the label, made unique. */
    private static List<String> names(List<Input> inputs) {
        List<Optional<String>> given = inputs.stream().map(in -> bundleName(in.evidence())).toList();
        List<String> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            Optional<String> g = given.get(i);
            String name = g.isPresent() && given.stream().filter(x -> x.isPresent()
                    && x.get().equalsIgnoreCase(g.get())).count() == 1 ? g.get() : inputs.get(i).label();
            String unique = name;
            for (int n = 2; !used.add(unique.toLowerCase(Locale.ROOT)); n++) {
                unique = name + "-" + n;
            }
            out.add(unique);
        }
        return out;
    }
}
