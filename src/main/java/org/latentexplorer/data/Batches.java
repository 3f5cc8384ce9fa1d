package org.latentexplorer.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The mini-batches of one epoch, read ahead on one background daemon thread (at most two batches
 * waiting) so that data generation overlaps training. The order is either a seeded shuffle
 * (Fisher–Yates from {@code (seed, epoch)}, the same on every run) or index order; the last batch
 * may be partial (drop_last = False). Close it to stop the reader early.
 */
public final class Batches implements Iterator<Batches.Batch>, AutoCloseable {
    /** One mini-batch: {@code count} images of H×W, NCHW (C = 1) order in {@link #pixels()}. */
    public record Batch(int[] indices, float[] pixels) {
        public int count() {
            return indices.length;
        }
    }

    private static final Batch END = new Batch(new int[0], new float[0]);

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
    private final Thread reader;
    private final int total;
    private int delivered;
    private Object next;

    private Batches(Dataset data, int[] order, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1");
        }
        this.total = (order.length + batchSize - 1) / batchSize;
        int pixels = data.height() * data.width();
        this.reader = new Thread(() -> {
            try {
                for (int start = 0; start < order.length; start += batchSize) {
                    int n = Math.min(batchSize, order.length - start);
                    int[] idx = new int[n];
                    System.arraycopy(order, start, idx, 0, n);
                    float[] buf = new float[n * pixels];
                    for (int i = 0; i < n; i++) {
                        data.read(idx[i], buf, i * pixels);
                    }
                    queue.put(new Batch(idx, buf));
                }
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                try {
                    queue.put(e);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "batch-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The batches of one epoch in a shuffled order determined by (seed, epoch). */
    public static Batches shuffled(Dataset data, int batchSize, long seed, int epoch) {
        return new Batches(data, shuffledOrder(data.size(), seed, epoch), batchSize);
    }

    /** The batches in index order (evaluation). */
    public static Batches inOrder(Dataset data, int batchSize) {
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return new Batches(data, order, batchSize);
    }

    /** A permutation of [0, n) determined by (seed, epoch). */
    public static int[] shuffledOrder(int n, long seed, int epoch) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + epoch);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Number of batches in the epoch. */
    public int total() {
        return total;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a batch", e);
            }
        }
        if (next instanceof RuntimeException re) {
            throw re;
        }
        if (next instanceof Error err) {
            throw err;
        }
        return next != END;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Batch b = (Batch) next;
        next = null;
        delivered++;
        return b;
    }

    /** Batches handed out so far. */
    public int delivered() {
        return delivered;
    }

    @Override
    public void close() {
        reader.interrupt();
        queue.clear();
    }
}
