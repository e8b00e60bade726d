package io.smcdoctor.rules;

/**
 * How specific the evidence behind a finding is: the {@code s} of the confidence formula in {@code docs/ranking.md},
 * the one description of ranking. A rule names the level its evidence reaches ({@code .specificity(Specificity.STATED)})
 * instead of writing a number; the levels and the formulas below are every ranking input the rules have.
 *
 * <p>From the most to the least specific; the examples are the bundled rules at each level.
 */
public enum Specificity {
    /**
     * Two independent signals that only this cause produces: a kernel log line naming the mechanism and the user's
     * matching symptom (reserved eRDMA ports in dmesg and EADDRINUSE).
     */
    CONCLUSIVE(0.95),
    /**
     * The evidence shows the mechanism itself (a statically linked ELF, IPv6 sockets with IPv6 enabled, unknown
     * symbols of smc with an OFED driver loaded).
     */
    DIRECT(0.92),
    /**
     * A tool or the kernel states the condition (smc-tools' "SMC module not loaded", {@code EAFNOSUPPORT},
     * {@code netns exclusive} with no device in this namespace and one on the host, SMC sockets and no fallback).
     */
    STATED(0.90),
    /**
     * The reason code names one cause and a second file agrees (no device listed with NOSMCDEV, OPTUNSUPP, no UEID
     * while SMC-Rv2 offers no device, failing peers with PEERNOSMC after enabling SMC-R).
     */
    STRONG(0.88),
    /** As {@link #STRONG} with a weaker second signal (reserve_mode in dmesg, a probe that saw the fallback). */
    CORROBORATED(0.85),
    /** A kernel log problem that explains the code better than its usual cause (LLC problems with ERR_REGBUF). */
    CLEAR(0.82),
    /**
     * Strong but not exclusive: one file that points at the cause (IPv6 sockets without the sysctl listing, a
     * symptom the seed ties to one cause, a probe fallback, a link group or stats confirming SMC works).
     */
    LIKELY(0.80),
    /**
     * One file that points at the cause from the other side (a removed link with ERR_REGBUF, {@code netns exclusive}
     * and no device in this namespace, a server with a UEID and a device declining NOSMCDEV).
     */
    PROBABLE(0.75),
    /**
     * Consistent with the cause, which explains it best among the candidates (unknown symbols alone, the peer
     * declined, no AF_SMC socket while SMC is loaded).
     */
    CONSISTENT(0.70),
    /** The absence of something the cause removes (no smc in lsmod, no net.smc sysctls in a full listing). */
    INDIRECT(0.65),
    /** A symptom plus an absence (smc_run had no effect and no socket uses SMC). */
    CIRCUMSTANTIAL(0.62),
    /**
     * Evidence that fits but proves little (past fallback counters, an MTU of 1500, SMC sysctls without sockets), and
     * a reason code left with a single candidate cause ({@link #codeCause}).
     */
    WEAK(0.60),
    /**
     * A pointer without the mechanism: SMC kernel functions named in the user's words, RDMA ports without a netdev
     * on hardware where the binding may simply lag.
     */
    TENTATIVE(0.55),
    /**
     * A signal that other common causes produce too (client handshake errors without the user's words, a netdev
     * reference leak on a host that uses SMC, a removed RDMA device that came back).
     */
    PLAUSIBLE(0.50),
    /**
     * A candidate the evidence allows but cannot decide, as weak as the first cause of a code alone (exclusive RDMA
     * namespace mode with this namespace's devices unknown, the peer declining NOSMCDEV to a host with a UEID, a
     * development kernel in the report).
     */
    UNDECIDED(0.45);

    /** Specificity of the first (most common) catalog cause concluded from a reason code or symptom alone. */
    static final double BASELINE_FIRST = 0.45;
    /** How much less each further catalog cause gets. */
    static final double BASELINE_STEP = 0.05;
    /** The least a baseline cause gets. */
    static final double BASELINE_FLOOR = 0.15;
    /** What the peer saying X adds to the baseline of X's causes on the peer's side. */
    static final double PEER_SAID_SO = 0.05;
    /** What each further phrase of a symptom in the user's words adds to the baseline of its causes. */
    static final double FURTHER_PHRASE = 0.05;
    /** The most further phrases of a symptom add. */
    static final double FURTHER_PHRASES_MAX = 0.15;

    private final double value;

    Specificity(double value) {
        this.value = value;
    }

    /** The number, in (0, 1]. */
    public double value() {
        return value;
    }

    /**
     * Specificity of the i-th catalog cause (0 = most common) concluded from a code or symptom alone:
     * 0.45, 0.40, 0.35, ... never below 0.15.
     */
    public static double baseline(int index) {
        return Math.max(BASELINE_FLOOR, BASELINE_FIRST - BASELINE_STEP * index);
    }

    /**
     * Specificity of the i-th cause of a symptom the user described with {@code phrases} different phrases of it: the
     * baseline, plus 0.05 for each further phrase up to +0.15 (a text that names several of a symptom's marks describes
     * it more surely than one word that may be incidental).
     */
    public static double symptom(int index, int phrases) {
        return baseline(index) + Math.min(FURTHER_PHRASES_MAX, FURTHER_PHRASE * Math.max(0, phrases - 1));
    }

    /**
     * Specificity of each of the {@code candidates} causes of an observed reason code, the code being all the evidence
     * for them: the same for every candidate ({@link #UNDECIDED}, the first level of {@link #baseline}), since the
     * code says no more about one of them than about another, and their order in the catalog is no evidence. A code
     * left with a single candidate cause (the catalog knows one, or the evidence ruled out the others) names that
     * cause as surely as the code itself: {@link #WEAK}.
     */
    public static double codeCause(int candidates) {
        return candidates == 1 ? WEAK.value : UNDECIDED.value;
    }

    /**
     * Specificity of each of the {@code candidates} causes of the reason X a peer declined with
     * ({@code 0x05000000/X}), on the peer's side: the peer said X, so a little more than the code alone.
     */
    public static double peerReason(int candidates) {
        return codeCause(candidates) + PEER_SAID_SO;
    }

    /**
     * No speed-up explained by fallbacks: the larger the share of all sockets that fell back
     * ({@link io.smcdoctor.evidence.facts.SocketSummary#fallbackRatio()}), the more it explains: 0.45 + 0.5 × ratio.
     */
    public static double fallbacksExplainNoSpeedup(double ratio) {
        return 0.45 + 0.5 * ratio;
    }
}
