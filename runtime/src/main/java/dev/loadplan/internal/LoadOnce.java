package dev.loadplan.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A value a lazy relationship loads on first read, once, with no lock held while it loads: the first reader runs the
 * load; a reader arriving meanwhile waits for that load to end (parked, so a virtual thread unmounts rather than pins)
 * and takes its value. A load that fails is forgotten: its reader gets the failure, and every waiting or later reader
 * tries again on its own, getting its own failure if the cause persists.
 */
public final class LoadOnce<T> {

    /** The state once loaded; the value may be null (a reference to nothing). */
    private record Loaded<T>(T value) {
    }

    private final Supplier<T> loader;
    /** null before the first load and after one failed; the running load's future; then {@link Loaded}. */
    private final AtomicReference<Object> state = new AtomicReference<>();

    public LoadOnce(Supplier<T> loader) {
        this.loader = loader;
    }

    @SuppressWarnings("unchecked")
    public T get() {
        while (true) {
            Object now = state.get();
            if (now instanceof Loaded<?> loaded) {
                return (T) loaded.value();
            }
            if (now instanceof CompletableFuture<?> running) {
                // Completed normally whether the load failed or not: the next turn sees which.
                running.join();
                continue;
            }
            CompletableFuture<Void> mine = new CompletableFuture<>();
            if (state.compareAndSet(null, mine)) {
                return load(mine);
            }
        }
    }

    private T load(CompletableFuture<Void> mine) {
        try {
            T value = loader.get();
            state.set(new Loaded<>(value));
            return value;
        } catch (RuntimeException | Error e) {
            state.set(null);
            throw e;
        } finally {
            mine.complete(null);
        }
    }

    public boolean isLoaded() {
        return state.get() instanceof Loaded<?>;
    }

    /** The loaded value; only after {@link #isLoaded()} said so. */
    @SuppressWarnings("unchecked")
    public T loaded() {
        return ((Loaded<T>) state.get()).value();
    }
}
