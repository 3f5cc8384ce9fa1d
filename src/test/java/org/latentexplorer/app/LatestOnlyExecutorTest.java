package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatestOnlyExecutorTest {
    @Test
    void aRequestReplacedBeforeItStartsIsDroppedAndTheNewestRuns() throws InterruptedException {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(2);
        try (LatestOnlyExecutor executor = new LatestOnlyExecutor("test")) {
            executor.submit("slider", () -> {
                started.countDown();
                await(release);
                ran.add("first");
                done.countDown();
            });
            assertTrue(started.await(10, TimeUnit.SECONDS));
            executor.submit("slider", () -> ran.add("stale 1"));
            executor.submit("slider", () -> ran.add("stale 2"));
            executor.submit("slider", () -> {
                ran.add("newest");
                done.countDown();
            });
            release.countDown();
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertEquals(List.of("first", "newest"), ran);
            assertEquals(2, executor.dropped());
        }
    }

    @Test
    void slotsDoNotReplaceEachOther() throws InterruptedException {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(3);
        try (LatestOnlyExecutor executor = new LatestOnlyExecutor("test")) {
            executor.submit("block", () -> {
                await(release);
                done.countDown();
            });
            executor.submit("grid", () -> {
                ran.add("grid");
                done.countDown();
            });
            executor.submit("live", () -> {
                ran.add("live");
                done.countDown();
            });
            release.countDown();
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertEquals(List.of("grid", "live"), ran);
        }
    }

    @Test
    void aPrioritySlotGoesFirst() throws InterruptedException {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(3);
        try (LatestOnlyExecutor executor = new LatestOnlyExecutor("test", "live")) {
            executor.submit("block", () -> {
                await(release);
                done.countDown();
            });
            executor.submit("grid", () -> {
                ran.add("grid");
                done.countDown();
            });
            executor.submit("live", () -> {
                ran.add("live");
                done.countDown();
            });
            release.countDown();
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertEquals(List.of("live", "grid"), ran);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
