package io.smcdoctor.engine.internal;

import io.smcdoctor.Diagnosis;
import io.smcdoctor.Diagnosis.SuggestedRemedy;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Cause;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.Remedy;
import io.smcdoctor.catalog.Side;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.rules.Codes;
import io.smcdoctor.rules.HostContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Words a ranked cause as a {@link Diagnosis} in the report's language: title, explanation, remedies (with the
 * {@code <code>} and {@code <peer code>} placeholders of their commands filled in from the evidence) and references,
 * all from the catalog. Immutable, thread-safe.
 */
final class Wording {
    /** Evidence lines kept per diagnosis. */
    static final int MAX_EVIDENCE = 12;
    private static final String PEER_CODE_PLACEHOLDER = "<peer code>";
    private static final String CODE_PLACEHOLDER = "<code>";

    private final Catalog catalog;
    private final Language language;

    Wording(Catalog catalog, Language language) {
        this.catalog = catalog;
        this.language = language;
    }

    /**
     * The diagnosis of a ranked cause.
     *
     * @param observedPeerReasons the X of every {@code 0x05000000/X} on the sockets
     * @param observedCodes       every code the evidence showed (sockets and counters, peer reasons included)
     * @param host                what the evidence says about this host; its kernel leaves out the remedies for other
     *                            kernels (not for a cause on the peer's side, whose kernel the evidence does not show)
     */
    Diagnosis diagnosis(int rank, Ranking.Ranked r, Set<Integer> observedPeerReasons, Set<Integer> observedCodes,
                        HostContext host) {
        Ranking.Merged m = r.merged();
        Cause cause = r.cause();
        List<SuggestedRemedy> remedies = new ArrayList<>();
        List<String> references = new ArrayList<>();
        String title = m.causeId;
        String explanation = "";
        List<Integer> codes = m.codes();
        List<Integer> peerCodes = peerCodes(codes, observedPeerReasons);
        if (cause != null) {
            title = cause.title().get(language);
            explanation = cause.detail().get(language) + peerReasons(cause, peerCodes);
            for (Remedy rem : cause.remedies()) {
                if (!forThisKernel(rem, m.side, host)) {
                    continue;
                }
                remedies.add(new SuggestedRemedy(rem.summary().get(language),
                        withCode(withPeerCode(rem.commands(), peerCodes), observedOnly(codes, observedCodes))));
            }
            references.addAll(cause.references());
        }
        for (int code : codes) {
            Optional<ReasonCode> rc = catalog.reasonCode(code);
            if (rc.isEmpty()) {
                continue;
            }
            for (Remedy rem : rc.get().remedies()) {
                if (!forThisKernel(rem, m.side, host)) {
                    continue;
                }
                SuggestedRemedy sr = new SuggestedRemedy(rem.summary().get(language), rem.commands());
                if (!remedies.contains(sr)) {
                    remedies.add(sr);
                }
            }
            rc.get().constant().map(c -> "kernel: " + c).filter(x -> !references.contains(x)).ifPresent(references::add);
        }
        List<Provenance> evidence = m.evidence.size() > MAX_EVIDENCE ? m.evidence.subList(0, MAX_EVIDENCE) : m.evidence;
        return new Diagnosis(rank, m.causeId, title, r.confidence(), r.severity(), m.side, codes, evidence, remedies,
                references, explanation, new ArrayList<>(m.rules));
    }

    /**
     * True when a remedy applies to the kernel of the host to fix: a remedy for other kernels (a sysctl this kernel does
     * not have) is left out on this host's causes; every remedy stays when the kernel is unknown or the peer is to fix.
     */
    private static boolean forThisKernel(Remedy rem, Side side, HostContext host) {
        return side == Side.PEER || host.outside(rem.kernel()).isEmpty();
    }

    /**
     * The peer's reasons a diagnosis explains: its codes after {@code 0x05000000} (PEERDECL) that the evidence really
     * showed as {@code 0x05000000/X} (a symptom's related codes are not pairs).
     */
    private static List<Integer> peerCodes(List<Integer> codes, Set<Integer> observedPeerReasons) {
        int at = codes.indexOf(Codes.PEERDECL);
        if (at < 0) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>(2);
        for (int c : codes.subList(at + 1, codes.size())) {
            if (observedPeerReasons.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The codes the evidence showed, in the diagnosis's order (a symptom's related codes are not evidence). */
    private static List<Integer> observedOnly(List<Integer> codes, Set<Integer> observed) {
        List<Integer> out = new ArrayList<>(codes.size());
        for (int c : codes) {
            if (observed.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * For a cause that is not itself one of the peer's reasons (e.g. "the peer declined"), a sentence naming each
     * peer reason with its title, so the diagnosis explains the second code of {@code 0x05000000/X}.
     */
    private String peerReasons(Cause cause, List<Integer> peerCodes) {
        StringBuilder sb = new StringBuilder();
        for (int code : peerCodes) {
            Optional<ReasonCode> rc = catalog.reasonCode(code);
            if (rc.isPresent() && rc.get().causes().stream().anyMatch(c -> c.id().equals(cause.id()))) {
                continue;
            }
            String what = rc.map(r -> r.title().get(language)).orElse(Texts.TEXTS.get("wording.unknownCode", language));
            sb.append(Texts.TEXTS.format("wording.peerReason", language, ReasonCode.hex(code), what));
        }
        return sb.toString();
    }

    /**
     * Commands with the {@code <code>} placeholder filled in with the diagnosis's codes, in the notation
     * {@code smc-doctor explain} reads ({@code 0x05000000/0x03030008} for a declined pair).
     */
    private static List<String> withCode(List<String> commands, List<Integer> codes) {
        if (codes.isEmpty() || commands.stream().noneMatch(c -> c.contains(CODE_PLACEHOLDER))) {
            return commands;
        }
        StringBuilder joined = new StringBuilder();
        for (int c : codes) {
            joined.append(joined.length() == 0 ? "" : "/").append(ReasonCode.hex(c));
        }
        List<String> out = new ArrayList<>(commands.size());
        for (String c : commands) {
            out.add(c.replace(CODE_PLACEHOLDER, joined));
        }
        return out;
    }

    /** Commands with the {@code <peer code>} placeholder filled in (one command per peer code). */
    private static List<String> withPeerCode(List<String> commands, List<Integer> peerCodes) {
        if (peerCodes.isEmpty() || commands.stream().noneMatch(c -> c.contains(PEER_CODE_PLACEHOLDER))) {
            return commands;
        }
        List<String> out = new ArrayList<>(commands.size() + peerCodes.size());
        for (String c : commands) {
            if (!c.contains(PEER_CODE_PLACEHOLDER)) {
                out.add(c);
                continue;
            }
            for (int code : peerCodes) {
                out.add(c.replace(PEER_CODE_PLACEHOLDER, ReasonCode.hex(code)));
            }
        }
        return out;
    }
}
