package org.latentexplorer.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.UserInputException;

class BatchesTest {
    /** A 2×2 data set whose image i is filled with the value i. */
    static class Numbers implements Dataset {
        final int n;
        final AtomicInteger reads = new AtomicInteger();

        Numbers(int n) {
            this.n = n;
        }

        public String description() {
            return "numbers";
        }

        public int size() {
            return n;
        }

        public int height() {
            return 2;
        }

        public int width() {
            return 2;
        }

        public void read(int index, float[] dst, int offset) {
            reads.incrementAndGet();
            Arrays.fill(dst, offset, offset + 4, index);
        }
    }

    private static final Batches.Options[] ALL_OPTIONS = {new Batches.Options(true), new Batches.Options(false)};

    @Test
    void anEpochVisitsEveryExampleOnceWithAPartialLastBatch() {
        Dataset data = Datasets.limit(new DSprites(), 70);
        Set<Integer> seen = new HashSet<>();
        List<Integer> sizes = new ArrayList<>();
        try (Batches b = Batches.shuffled(data, 32, 5, 1)) {
            assertEquals(3, b.total());
            while (b.hasNext()) {
                Batches.Batch batch = b.next();
                sizes.add(batch.count());
                assertEquals(batch.count() * 4096, batch.pixels().length, "NCHW, C = 1");
                float[] one = new float[4096];
                for (int i = 0; i < batch.count(); i++) {
                    assertTrue(seen.add(batch.indices()[i]));
                    data.read(batch.indices()[i], one, 0);
                    assertArrayEquals(one, Arrays.copyOfRange(batch.pixels(), i * 4096, (i + 1) * 4096));
                }
            }
            assertEquals(3, b.delivered());
            assertFalse(b.hasNext());
            assertThrows(java.util.NoSuchElementException.class, b::next);
        }
        assertEquals(70, seen.size());
        assertEquals(List.of(32, 32, 6), sizes);
    }

    @Test
    void everyModeDeliversTheSameBatches() {
        Numbers data = new Numbers(1000);
        List<int[]> reference = null;
        for (Batches.Options o : ALL_OPTIONS) {
            List<int[]> got = new ArrayList<>();
            try (Batches b = Batches.shuffled(data, 64, 42, 7, o)) {
                while (b.hasNext()) {
                    Batches.Batch batch = b.next();
                    assertEquals(batch.count() * 4, batch.pixels().length, o.toString());
                    for (int i = 0; i < batch.count(); i++) {
                        for (int k = 0; k < 4; k++) {
                            assertEquals(batch.indices()[i], batch.pixels()[i * 4 + k], 0f, "pixels belong to the index, " + o);
                        }
                    }
                    got.add(batch.indices());
                }
            }
            assertEquals(16, got.size());
            assertEquals(1000 - 15 * 64, got.get(15).length);
            if (reference == null) {
                reference = got;
            } else {
                for (int i = 0; i < got.size(); i++) {
                    assertArrayEquals(reference.get(i), got.get(i), o.toString());
                }
            }
        }
    }

    @Test
    void shuffleIsDeterminedBySeedAndEpoch() {
        assertArrayEquals(Batches.shuffledOrder(100, 1, 3), Batches.shuffledOrder(100, 1, 3));
        assertFalse(Arrays.equals(Batches.shuffledOrder(100, 1, 3), Batches.shuffledOrder(100, 1, 4)));
        assertFalse(Arrays.equals(Batches.shuffledOrder(100, 1, 3), Batches.shuffledOrder(100, 2, 3)));
        int[] sorted = Batches.shuffledOrder(100, 9, 9).clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 100; i++) {
            assertEquals(i, sorted[i]);
        }
        // pinned: the order must not change between versions (it decides which images meet in a batch)
        assertArrayEquals(new int[] {1, 7, 0, 6, 3, 4, 9, 8, 2, 5}, Batches.shuffledOrder(10, 1234, 1));
        assertEquals(0, Batches.shuffledOrder(0, 1, 1).length);
        assertArrayEquals(new int[] {0}, Batches.shuffledOrder(1, 1, 1));
    }

    @Test
    void inOrderUsesTheEvaluatorBatchSize() {
        Dataset data = Datasets.limit(new DSprites(), 300);
        try (Batches b = Batches.inOrder(data)) {
            assertEquals(3, b.total());
            Batches.Batch first = b.next();
            assertEquals(128, first.count());
            assertEquals(0, first.indices()[0]);
            assertEquals(127, first.indices()[127]);
            assertEquals(128, b.next().indices()[0]);
            Batches.Batch last = b.next();
            assertEquals(300 - 256, last.count());
            assertEquals(299, last.indices()[last.count() - 1]);
            assertFalse(b.hasNext());
        }
    }

    @Test
    void closingEarlyStopsTheReaderAndWaitsForIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger active = new AtomicInteger();
        Dataset slow = new Numbers(100_000) {
            @Override
            public void read(int index, float[] dst, int offset) {
                active.incrementAndGet();
                started.countDown();
                try {
                    long until = System.nanoTime() + 200_000;
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    super.read(index, dst, offset);
                } finally {
                    active.decrementAndGet();
                }
            }
        };
        Batches b = Batches.shuffled(slow, 16, 1, 1);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        b.next();
        b.close();
        assertFalse(b.readerAlive(), "reader stopped");
        assertEquals(0, active.get(), "no read in progress after close");
        assertFalse(b.hasNext());
        b.close();
    }

    @Test
    void closingWhileTheReaderWaitsOnAFullQueueReturnsPromptly() throws Exception {
        Numbers data = new Numbers(10_000);
        Batches b = Batches.inOrder(data, 10);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (data.reads.get() < 30 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        Thread.sleep(20);
        int reads = data.reads.get();
        assertTrue(reads <= (Batches.PREFETCH + 1) * 10, "read ahead is bounded: " + reads);
        long t0 = System.nanoTime();
        b.close();
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5));
        assertFalse(b.readerAlive());
    }

    @Test
    void readerErrorsReachTheConsumerAtTheFailingBatch() {
        for (Batches.Options o : ALL_OPTIONS) {
            Dataset failing = new Numbers(10) {
                @Override
                public void read(int index, float[] dst, int offset) {
                    if (index == 7) {
                        throw new UserInputException("image 7 is corrupt");
                    }
                }
            };
            try (Batches b = Batches.inOrder(failing, 4, o)) {
                assertEquals(4, b.next().count());
                UserInputException e = assertThrows(UserInputException.class, b::next);
                assertEquals("image 7 is corrupt", e.getMessage());
                assertThrows(UserInputException.class, b::hasNext, "the failure persists");
            }
        }
    }

    @Test
    void badBatchSizesAndEmptyDataSets() {
        assertThrows(UserInputException.class, () -> Batches.inOrder(new Numbers(3), 0));
        try (Batches b = Batches.shuffled(new Numbers(0), 8, 1, 1)) {
            assertEquals(0, b.total());
            assertFalse(b.hasNext());
        }
        try (Batches b = Batches.inOrder(new Numbers(5), 100)) {
            assertEquals(1, b.total());
            assertEquals(5, b.next().count());
            assertFalse(b.hasNext());
        }
    }
}
