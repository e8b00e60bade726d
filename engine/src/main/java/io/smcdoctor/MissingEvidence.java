package io.smcdoctor;

import java.util.Objects;

/**
 * Input the diagnosis would need to decide more, with the command that produces it.
 *
 * @param what    the bundle file ({@code smcr-device.txt}) or, for a cause no file can show, the question to answer
 * @param command the command to run ({@code smcr -d device}); {@code ""} when there is none
 * @param why     what it would tell
 */
public record MissingEvidence(String what, String command, String why) {
    public MissingEvidence {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(why, "why");
    }
}
