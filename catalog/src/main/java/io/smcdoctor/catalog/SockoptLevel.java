package io.smcdoctor.catalog;

import java.util.Locale;
import java.util.Optional;

/** Socket option levels that the catalog covers, with their Linux numeric value. */
public enum SockoptLevel {
    SOL_SOCKET(1),
    SOL_TCP(6);

    private final int value;

    SockoptLevel(int value) {
        this.value = value;
    }

    /** The Linux numeric value ({@code SOL_SOCKET} = 1, {@code SOL_TCP} = {@code IPPROTO_TCP} = 6). */
    public int value() {
        return value;
    }

    /**
     * Parses a level as users write it: {@code SOL_SOCKET}, {@code socket}, {@code SOL_TCP},
     * {@code IPPROTO_TCP}, {@code tcp}, {@code 1}, {@code 6} (case-insensitive).
     */
    public static Optional<SockoptLevel> parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        switch (t) {
            case "SOL_SOCKET": case "SOCKET": case "1":
                return Optional.of(SOL_SOCKET);
            case "SOL_TCP": case "IPPROTO_TCP": case "TCP": case "6":
                return Optional.of(SOL_TCP);
            default:
                return Optional.empty();
        }
    }

    /** The level with this numeric value. */
    public static Optional<SockoptLevel> ofValue(int value) {
        for (SockoptLevel l : values()) {
            if (l.value == value) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
