package org.latentexplorer.app;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The app's {@link TaskRunner}: work runs on one {@link LatestOnlyExecutor} thread (so a view model's
 * graphs stay on one thread), results come back with {@link Platform#runLater} and are delivered only
 * if no newer request was submitted to the same slot meanwhile.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private final LatestOnlyExecutor executor;
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong onceCount = new AtomicLong();
    private final ReadOnlyIntegerWrapper busy = new ReadOnlyIntegerWrapper();

    /** @param first slots served before the others when several are pending (see {@link LatestOnlyExecutor}) */
    public FxTaskRunner(String threadName, String... first) {
        executor = new LatestOnlyExecutor(threadName, first);
    }

    @Override
    public <T> void submit(String slot, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        AtomicLong generation = generations.computeIfAbsent(slot, s -> new AtomicLong());
        long mine = generation.incrementAndGet();
        executor.submit(slot, () -> {
            publishBusy(running.incrementAndGet());
            try {
                T result = work.call();
                Platform.runLater(() -> {
                    if (generation.get() == mine) {
                        onSuccess.accept(result);
                    }
                });
            } catch (Throwable t) {
                Platform.runLater(() -> {
                    if (generation.get() == mine) {
                        onFailure.accept(t);
                    }
                });
            } finally {
                publishBusy(running.decrementAndGet());
            }
        });
    }

    /** A one-shot job: its own slot, no generation to supersede it, its result always delivered. */
    @Override
    public <T> void runOnce(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        executor.submit(name + "#" + onceCount.incrementAndGet(), () -> {
            publishBusy(running.incrementAndGet());
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Throwable t) {
                Platform.runLater(() -> onFailure.accept(t));
            } finally {
                publishBusy(running.decrementAndGet());
            }
        });
    }

    /** Number of requests running now (0 or 1); for the status bar. */
    public ReadOnlyIntegerProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    private void publishBusy(int n) {
        Platform.runLater(() -> busy.set(n));
    }

    @Override
    public void close() {
        executor.close();
    }
}
