package org.latentexplorer.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.latentexplorer.common.UserInputException;

/**
 * The mini-batches of one pass over a data set. The order is either a seeded shuffle
 * ({@link #shuffledOrder}: Fisher–Yates driven by a {@link SplittableRandom} seeded from
 * {@code (seed, epoch)}, identical on every run and platform) or index order (evaluation, batch
 * 128 by default). Every example appears exactly once; all batches hold {@code batchSize} examples
 * except possibly the last (drop_last = False).
 *
 * <p>By default the next batches are read ahead on one background daemon thread, at most
 * {@value #PREFETCH} waiting, so that data generation overlaps training; a reader failure is
 * rethrown (the same exception object) by {@link #hasNext}/{@link #next} where the failed batch
 * would have been delivered. {@link #close()} stops the reader and waits for it, so once it
 * returns the data set is no longer being read. Use one instance from one thread. Every batch owns
 * fresh arrays.
 */
public final class Batches implements Iterator<Batches.Batch>, AutoCloseable {
    /** Batches read ahead at most. */
    public static final int PREFETCH = 2;
    /** The batch size of the paper's evaluator (docs/method.md §5). */
    public static final int EVAL_BATCH_SIZE = 128;

    /**
     * One mini-batch: the example indices and their images, {@code count()} images of H×W in NCHW
     * (C = 1) order, so image i, row r, column c is at {@code (i·H + r)·W + c}. Invariant:
     * {@code pixels.length == count()·H·W}.
     */
    public record Batch(int[] indices, float[] pixels) {
        /** Number of examples in the batch. */
        public int count() {
            return indices.length;
        }
    }

    /** How batches are produced: read ahead on a background thread, or on the caller's thread. */
    public record Options(boolean prefetch) {
        /** Read ahead on a background thread. */
        public static final Options DEFAULT = new Options(true);
    }

    private static final Object END = new Object();

    private final Dataset data;
    private final int[] order;
    private final int batchSize;
    private final int pixelsPerImage;
    private final int total;
    private final BlockingQueue<Object> ready;
    private final Thread reader;
    private int produced;
    private int delivered;
    private Object next;
    private volatile boolean closed;

    private Batches(Dataset data, int[] order, int batchSize, Options options) {
        if (batchSize < 1) {
            throw new UserInputException("batch size " + batchSize + " must be at least 1");
        }
        this.data = data;
        this.order = order;
        this.batchSize = batchSize;
        this.pixelsPerImage = data.height() * data.width();
        this.total = (int) (((long) order.length + batchSize - 1) / batchSize);
        if (options.prefetch()) {
            this.ready = new ArrayBlockingQueue<>(PREFETCH);
            this.reader = new Thread(this::readAll, "batch-reader");
            reader.setDaemon(true);
            reader.start();
        } else {
            this.ready = null;
            this.reader = null;
        }
    }

    /** The batches of one epoch in the shuffled order determined by (seed, epoch), read ahead. */
    public static Batches shuffled(Dataset data, int batchSize, long seed, int epoch) {
        return shuffled(data, batchSize, seed, epoch, Options.DEFAULT);
    }

    /** The batches of one epoch in the shuffled order determined by (seed, epoch). */
    public static Batches shuffled(Dataset data, int batchSize, long seed, int epoch, Options options) {
        return new Batches(data, shuffledOrder(data.size(), seed, epoch), batchSize, options);
    }

    /** The batches in index order with the evaluator's batch size, 128, read ahead. */
    public static Batches inOrder(Dataset data) {
        return inOrder(data, EVAL_BATCH_SIZE);
    }

    /** The batches in index order (evaluation), read ahead. */
    public static Batches inOrder(Dataset data, int batchSize) {
        return inOrder(data, batchSize, Options.DEFAULT);
    }

    /** The batches in index order (evaluation). */
    public static Batches inOrder(Dataset data, int batchSize, Options options) {
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return new Batches(data, order, batchSize, options);
    }

    /** A permutation of [0, n), the same for the same (n, seed, epoch) on every run. */
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

    /** Number of batches in the pass, {@code ceil(size / batchSize)}. */
    public int total() {
        return total;
    }

    /** Batches handed out so far. */
    public int delivered() {
        return delivered;
    }

    /** Reads every batch into the ready queue; runs on the reader thread. */
    private void readAll() {
        try {
            while (produced < total && !closed) {
                Batch b = produce();
                ready.put(b);
            }
            ready.put(END);
        } catch (InterruptedException e) {
            // closed: stop quietly
        } catch (RuntimeException | Error e) {
            try {
                ready.put(e);
            } catch (InterruptedException ignored) {
                // closed while handing over the failure: nobody is waiting for it
            }
        }
    }

    /** Reads the next batch in order (on the reader thread, or on the caller's without prefetch). */
    private Batch produce() {
        int start = produced * batchSize;
        int n = Math.min(batchSize, order.length - start);
        int[] idx = new int[n];
        System.arraycopy(order, start, idx, 0, n);
        float[] px = new float[n * pixelsPerImage];
        for (int i = 0; i < n; i++) {
            data.read(idx[i], px, i * pixelsPerImage);
        }
        produced++;
        return new Batch(idx, px);
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        if (next == null) {
            if (ready == null) {
                next = produced < total ? produce() : END;
            } else {
                try {
                    next = ready.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for a batch", e);
                }
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

    /** The next batch. */
    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException("all " + total + " batches have been delivered");
        }
        Batch b = (Batch) next;
        next = null;
        delivered++;
        return b;
    }

    /** Stops the read-ahead thread and waits until it no longer touches the data set. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        next = null;
        if (reader != null) {
            reader.interrupt();
            ready.clear();
            boolean interrupted = false;
            while (reader.isAlive()) {
                try {
                    reader.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            ready.clear();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the read-ahead thread is still running (for tests). */
    boolean readerAlive() {
        return reader != null && reader.isAlive();
    }
}
