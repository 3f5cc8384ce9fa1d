package org.latentexplorer.app;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One worker thread that runs, per slot, only the newest pending request: a request that is
 * replaced before the worker picks it up is dropped, never queued. Slots are served in the order
 * they became pending, except that a slot named in the constructor's {@code first} goes ahead of
 * the others (a slider's single-image decode before a whole grid). The single thread owns whatever
 * SameDiff graphs its work builds.
 */
public final class LatestOnlyExecutor implements AutoCloseable {
    private final Map<String, Runnable> pending = new LinkedHashMap<>();
    private final Thread worker;
    private final AtomicLong dropped = new AtomicLong();
    private final java.util.Set<String> first;
    private boolean closed;

    public LatestOnlyExecutor(String name, String... first) {
        this.first = java.util.Set.of(first);
        worker = new Thread(this::loop, name);
        worker.setDaemon(true);
        worker.start();
    }

    /** Schedules {@code work} in {@code slot}, replacing (dropping) any request still pending there. */
    public synchronized void submit(String slot, Runnable work) {
        if (closed) {
            return;
        }
        if (pending.remove(slot) != null) {
            dropped.incrementAndGet();
        }
        pending.put(slot, work);
        notifyAll();
    }

    /** How many requests were replaced before they ran. */
    public long dropped() {
        return dropped.get();
    }

    private void loop() {
        while (true) {
            Runnable next;
            synchronized (this) {
                while (pending.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                next = null;
                for (String slot : first) {
                    next = pending.remove(slot);
                    if (next != null) {
                        break;
                    }
                }
                if (next == null) {
                    Iterator<Runnable> it = pending.values().iterator();
                    next = it.next();
                    it.remove();
                }
            }
            try {
                next.run();
            } catch (Throwable t) {
                t.printStackTrace();
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        pending.clear();
        notifyAll();
    }
}
