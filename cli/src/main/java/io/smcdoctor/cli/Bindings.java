package io.smcdoctor.cli;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;

/**
 * The binding of an option or parameter built by hand to a field of its command, for both of picocli's
 * {@code getter(...)} and {@code setter(...)}: {@link IGetter} and {@link ISetter} declare generic methods, which a
 * lambda cannot implement, so this adapts two lambdas to them.
 */
final class Bindings implements IGetter, ISetter {
    private final Supplier<@Nullable Object> get;
    private final Consumer<@Nullable Object> set;

    private Bindings(Supplier<@Nullable Object> get, Consumer<@Nullable Object> set) {
        this.get = get;
        this.set = set;
    }

    /** A binding that reads the field with {@code get} and writes it with {@code set}. */
    static Bindings of(Supplier<@Nullable Object> get, Consumer<@Nullable Object> set) {
        return new Bindings(get, set);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> @Nullable T get() {
        return (T) get.get();
    }

    /** Writes the value; returns the one it replaces, as picocli expects. */
    @Override
    public <T> @Nullable T set(@Nullable T value) {
        T old = get();
        set.accept(value);
        return old;
    }
}
