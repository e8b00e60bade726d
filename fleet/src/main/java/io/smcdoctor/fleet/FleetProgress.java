package io.smcdoctor.fleet;

import java.time.Duration;

/** Receives the progress of a {@link FleetJob} on the driver. Called from one thread at a time. */
@FunctionalInterface
public interface FleetProgress {
    /** One progress report. */
    void update(Update update);

    /**
     * How far the job is.
     *
     * @param done       bundles diagnosed so far (counted when their Spark task ends)
     * @param total      bundles found
     * @param unreadable of the done ones, bundles that could not be read
     * @param elapsed    time since the bundles started to be read
     * @param finished   true for the last report
     */
    record Update(long done, long total, long unreadable, Duration elapsed, boolean finished) {
        /** Bundles per second so far (0 before the first second has passed with anything done). */
        public double rate() {
            double s = elapsed.toNanos() / 1e9;
            return s <= 0 ? 0 : done / s;
        }
    }
}
