package io.smcdoctor.evidence.internal;

import java.util.List;
import java.util.Objects;

/**
 * What running one command gave: its status, exit code ({@code -1} when it did not exit by itself), duration
 * and combined stdout+stderr (at most the runner's bound; {@code truncated} says whether more was dropped).
 * The output array is owned by this record; callers must not modify it.
 */
public record CommandResult(List<String> argv, Status status, int exitCode, long durationMillis, byte[] output,
                            boolean truncated, String message) {
    /** How a command ended, with the name written to {@code manifest.json}. */
    public enum Status {
        /** Exited with 0. */
        OK("ok"),
        /** Not found on the search path. */
        NOT_INSTALLED("not-installed"),
        /** Killed (with its process tree) after the timeout. */
        TIMEOUT("timeout"),
        /** Exited non-zero, or could not be started. */
        ERROR("error");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** The manifest name: {@code ok}, {@code not-installed}, {@code timeout}, {@code error}. */
        public String label() {
            return label;
        }
    }

    /** Copies argv. */
    public CommandResult {
        argv = List.copyOf(argv);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(message, "message");
    }
}
