package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.latentexplorer.divergence.FitObjective;
import org.latentexplorer.teaching.FitDemoFigure;
import org.latentexplorer.teaching.GaussianFitter;

/** The Fig 2 view model on a same-thread runner: fits run to the end, α refits only the skew fits, clicks add data. */
class FitDemoViewModelTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static FitDemoViewModel small(TaskRunner runner) {
        FitDemoViewModel vm = new FitDemoViewModel(runner);
        vm.points.set(3000);
        vm.steps.set(120);
        vm.resize(900, 640);
        return vm;
    }

    @Test
    void allSixFitsRunToTheEndAndDrawAPage() {
        FitDemoViewModel vm = small(TaskRunner.sameThread());
        vm.refitAll();
        GaussianFitter.Frame f = vm.frameProperty().get();
        assertNotNull(f);
        assertTrue(f.done());
        assertEquals(6, f.fits().size());
        assertFalse(vm.runningProperty().get());
        assertEquals(900, vm.pageProperty().get().getWidth());
        assertTrue(vm.statusProperty().get().startsWith("converged"), vm.statusProperty().get());
    }

    @Test
    void changingAlphaRefitsOnlyTheSkewObjectives() {
        FitDemoViewModel vm = small(TaskRunner.sameThread());
        vm.refitAll();
        GaussianFitter.Frame before = vm.frameProperty().get();
        vm.alpha.set(0.9);
        GaussianFitter.Frame after = vm.frameProperty().get();
        assertEquals(0.9, after.alpha());
        for (FitObjective o : FitObjective.values()) {
            if (o.usesAlpha()) {
                assertNotEquals(before.fit(o).gaussian(), after.fit(o).gaussian(), o.toString());
            } else {
                assertSame(before.fit(o), after.fit(o), o.toString());
            }
        }
    }

    @Test
    void alphaMovedBeforeTheFirstFitFinishedStillFitsAllSixToTheEnd() {
        FitDemoViewModel clean = small(TaskRunner.sameThread());
        clean.refitAll();
        GaussianFitter.Fit reference = clean.frameProperty().get().fit(FitObjective.KL_DATA_FIT);
        for (int chunksBefore = 0; chunksBefore <= 1; chunksBefore++) {
            List<Runnable> queue = new ArrayList<>();
            TaskRunner deferred = new TaskRunner() {
                @Override
                public <T> void submit(String slot, Callable<T> work, Consumer<? super T> ok, Consumer<? super Throwable> fail) {
                    queue.add(() -> TaskRunner.sameThread().submit(slot, work, ok, fail));
                }
            };
            FitDemoViewModel vm = small(deferred);
            vm.refitAll();
            for (int i = 0; i < chunksBefore; i++) {
                queue.remove(0).run();
            }
            vm.alpha.set(0.3);
            while (!queue.isEmpty()) {
                queue.remove(0).run();
            }
            GaussianFitter.Frame f = vm.frameProperty().get();
            assertEquals(6, f.fits().size(), "after " + chunksBefore + " chunks");
            assertTrue(f.done());
            assertEquals(reference.gaussian(), f.fit(FitObjective.KL_DATA_FIT).gaussian(), "after " + chunksBefore + " chunks");
        }
    }

    @Test
    void clicksInDrawingModeBecomeTheData() {
        FitDemoViewModel vm = small(TaskRunner.sameThread());
        vm.drawing.set(true);
        vm.refitAll();
        assertEquals(0, vm.drawnPoints());
        assertNotNull(vm.pageProperty().get(), "empty panels to click in");
        FitDemoFigure.Layout l = vm.layoutProperty().get();
        // a click at the data point (3, 4) in the first panel
        double px = l.plotX(0) + (3 - l.lo()) / (l.hi() - l.lo()) * l.plotSize();
        double py = l.plotY(0) + (l.hi() - 4) / (l.hi() - l.lo()) * l.plotSize();
        assertTrue(vm.click(px, py));
        assertFalse(vm.click(1, 1), "outside every panel");
        GaussianFitter.Frame f = vm.frameProperty().get();
        // one point, a bump of σ 0.35: every fit shrinks onto it
        for (GaussianFitter.Fit fit : f.fits()) {
            assertEquals(3, fit.gaussian().meanX(), 0.02, fit.objective().toString());
            assertEquals(4, fit.gaussian().meanY(), 0.02, fit.objective().toString());
            assertEquals(0.35, fit.gaussian().sigma(), 0.05, fit.objective().toString());
        }
        assertEquals(1, vm.drawnPoints());
        vm.clearDrawn();
        assertEquals(0, vm.drawnPoints());
        assertEquals(null, vm.frameProperty().get());
    }

    @Test
    void cancelStopsTheRunAfterTheCurrentChunk() {
        List<Runnable> queue = new ArrayList<>();
        TaskRunner deferred = new TaskRunner() {
            @Override
            public <T> void submit(String slot, Callable<T> work, Consumer<? super T> ok, Consumer<? super Throwable> fail) {
                queue.add(() -> TaskRunner.sameThread().submit(slot, work, ok, fail));
            }
        };
        FitDemoViewModel vm = small(deferred);
        vm.refitAll();
        assertTrue(vm.runningProperty().get());
        queue.remove(0).run();
        assertEquals(FitDemoViewModel.CHUNK, vm.frameProperty().get().step());
        vm.cancel();
        queue.remove(0).run();
        assertTrue(queue.isEmpty(), "no further chunk after a cancel");
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("stopped"), vm.statusProperty().get());
    }
}
