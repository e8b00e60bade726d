package io.smcdoctor.fleet;

import io.smcdoctor.Diagnoser;

/**
 * The one {@link Diagnoser} of this JVM, built on first use (initialisation-on-demand holder: lazy, thread-safe,
 * immutable once built). Executors call {@link #get()} inside their tasks, so the Diagnoser is never part of a
 * closure that Spark serialises: each executor JVM loads the rules and the catalog once, and every task thread
 * shares them ({@link Diagnoser} is thread-safe). No report cache: a fleet sees each bundle once.
 */
final class Diagnosers {
    private Diagnosers() {
    }

    static Diagnoser get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final Diagnoser INSTANCE = Diagnoser.builder().cacheSize(0).build();
    }
}
