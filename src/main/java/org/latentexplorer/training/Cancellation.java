package org.latentexplorer.training;

import java.util.concurrent.atomic.AtomicBoolean;

/** A cancellation flag checked between steps; thread-safe. */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }
}
