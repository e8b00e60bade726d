package io.smcdoctor.rules;

/**
 * The reason codes the rules name, as in the kernel's {@code net/smc/smc_clc.h} ({@code SMC_CLC_DECL_*}).
 * Only codes that a specific rule refers to are here; every other code is handled by the baseline rule through the
 * catalog.
 */
public final class Codes {
    /** {@code SMC_CLC_DECL_PEERNOSMC}: the peer did not offer SMC. */
    public static final int PEERNOSMC = 0x03010000;
    /** SMC_CLC_DECL_TIMEOUT_CL: the CONFIRM LINK over the new RDMA link timed out. */
    public static final int TIMEOUT_CL = 0x02010000;
    /** {@code SMC_CLC_DECL_ACTIVE} (Alibaba): local policy or an unsupported option made the socket fall back. */
    public static final int ACTIVE = 0x03010001;
    /** {@code SMC_CLC_DECL_NOSMCDEV}: no usable SMC device for this connection. */
    public static final int NOSMCDEV = 0x03030000;
    /** {@code SMC_CLC_DECL_NOSMCRDEV}: no usable SMC-R device. */
    public static final int NOSMCRDEV = 0x03030002;
    /** {@code SMC_CLC_DECL_OPTUNSUPP}: an unsupported socket option (e.g. TCP Fast Open). */
    public static final int OPTUNSUPP = 0x03060000;
    /** {@code SMC_CLC_DECL_PEERDECL}: the peer declined; its reason is the second code. */
    public static final int PEERDECL = 0x05000000;
    /** {@code SMC_CLC_DECL_ERR_REGBUF}: registering a buffer, or confirming its rkey with the peer, failed. */
    public static final int ERR_REGBUF = 0x09990003;

    private Codes() {
    }
}
