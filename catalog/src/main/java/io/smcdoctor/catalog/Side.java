package io.smcdoctor.catalog;

/** Which host a condition is decided on or must be fixed on. */
public enum Side {
    /** This host (where the evidence was taken). */
    LOCAL,
    /** The peer host. */
    PEER,
    /** Either end, depending on the connection's role. */
    EITHER,
    /** Host-wide configuration, not a single connection. */
    HOST,
    /** Not known from the evidence. */
    UNKNOWN;

    /** The lower-case JSON form. */
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
