package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** One-shot jobs (save, export) are never dropped, while slider requests keep only the newest (on the real FX runner). */
class FxTaskRunnerTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void oneShotJobsAllRunWhileSupersededRequestsAreDropped() throws Exception {
        List<String> delivered = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        try (FxTaskRunner runner = new FxTaskRunner("test-runner")) {
            runner.submit("busy", () -> release.await(30, TimeUnit.SECONDS), r -> { }, t -> { });
            Thread.sleep(100); // the worker is now inside "busy"; everything below is pending behind it
            for (int i = 0; i < 3; i++) {
                int k = i;
                runner.runOnce("save", () -> "save " + k, delivered::add, t -> delivered.add("failed " + k));
                runner.submit("grid", () -> "grid " + k, delivered::add, t -> delivered.add("failed " + k));
            }
            release.countDown();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> delivered.size() >= 4);
            Thread.sleep(300);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(List.of("grid 2", "save 0", "save 1", "save 2"), delivered.stream().sorted().toList(),
                    "every save ran; of the grids only the newest");
        }
    }
}
