package io.smcdoctor.catalog;

/** SMC support of a socket option, as in the seed FAQ's table. */
public enum Support {
    /** Supported: can be set and read and works as expected. */
    Y,
    /** Can be set and read, but behaves differently on SMC than on TCP. */
    M,
    /** Not supported: setting it makes the connection fall back to TCP (or fails). */
    N
}
