package org.latentexplorer.model;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Working arrays kept per batch size, at most {@code capacity} sizes; the least recently used is
 * closed when another size comes in. Not thread-safe.
 */
final class BatchCache<B extends AutoCloseable> implements AutoCloseable {
    private final int capacity;
    private final IntFunction<B> create;
    private final Map<Integer, B> entries = new LinkedHashMap<>(8, 0.75f, true);

    BatchCache(int capacity, IntFunction<B> create) {
        this.capacity = capacity;
        this.create = create;
    }

    /** The buffers of batch size n, created on first use. */
    B get(int n) {
        B b = entries.get(n);
        if (b != null) {
            return b;
        }
        if (entries.size() >= capacity) {
            Iterator<Map.Entry<Integer, B>> eldest = entries.entrySet().iterator();
            closeQuietly(eldest.next().getValue());
            eldest.remove();
        }
        b = create.apply(n);
        entries.put(n, b);
        return b;
    }

    /** The sizes kept now, least recently used first. */
    List<Integer> sizes() {
        return new ArrayList<>(entries.keySet());
    }

    @Override
    public void close() {
        entries.values().forEach(BatchCache::closeQuietly);
        entries.clear();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not free a batch's arrays", e);
        }
    }
}
