package org.latentexplorer.app;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs a view model's background work. Work is submitted to a named slot; a runner may drop a
 * request that has been superseded in its slot before it started, and never delivers the result of
 * a superseded one, so callers always end up seeing the newest request's result. Callbacks run
 * where the scene graph may be touched (the FX thread, or the calling thread for
 * {@link #sameThread()}).
 */
public interface TaskRunner {
    <T> void submit(String slot, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /**
     * Runs a one-shot job (a save, an export) that must never be dropped or replaced by a later one: each call
     * gets a slot of its own, so the job runs and its result is delivered even when another follows at once.
     */
    default <T> void runOnce(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        submit(name + "#" + OneShot.NEXT.incrementAndGet(), work, onSuccess, onFailure);
    }

    /** Numbers the one-shot jobs' slots. */
    final class OneShot {
        static final java.util.concurrent.atomic.AtomicLong NEXT = new java.util.concurrent.atomic.AtomicLong();

        private OneShot() {
        }
    }

    /** Runs everything at once on the calling thread: for view-model tests without a toolkit. */
    static TaskRunner sameThread() {
        return new TaskRunner() {
            @Override
            public <T> void submit(String slot, Callable<T> work, Consumer<? super T> onSuccess,
                                   Consumer<? super Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Throwable t) {
                    onFailure.accept(t);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }
}
