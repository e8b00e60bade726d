package io.smcdoctor.catalog;

/** Where a reason code is defined. */
public enum Origin {
    /** In mainline Linux {@code net/smc/smc_clc.h}. */
    MAINLINE,
    /** Only in Alibaba Cloud Linux / Anolis kernels (documented by the seed FAQ). */
    ALIBABA,
    /** Only in very old kernels (value since reused or removed). */
    LEGACY
}
