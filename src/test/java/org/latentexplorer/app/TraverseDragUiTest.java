package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentexplorer.model.Architecture;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A latent slider dragged at 60 value changes a second, over a decoder that takes 1 ms per decoded image (the fast
 * decoder's cost for one 64×64 vector): the live anchor image must follow at ≥ 30 shown frames a second, the grid
 * must wait for the release and then show the final anchor. Frames are counted once per pulse in which the live
 * image was rewritten, i.e. what the screen can show; the drag makes one change per pulse, so the rate is read in
 * pulses (60 a second on a display) and does not depend on how busy the test machine is.
 */
class TraverseDragUiTest {
    private static final int TIMEOUT = Integer.getInteger("ui.timeout", 240);
    private static final int D = 10;
    private static final FxRobot ROBOT = new FxRobot();
    private static final LoadedModel MODEL = ModelLoader.untrained(new Architecture(64, D));
    private static Preferences prefs;
    private static TraverseViewModel vm;
    private static TraverseView view;
    private static FxTaskRunner runner;

    /** The analytic codec with a real decoder's cost shape: 1 ms per decoded image, so a 10×10 grid takes 100 ms. */
    static final class TimedCodec implements LoadedModel.Codec {
        private final AnalyticCodec inner = new AnalyticCodec(D, 64);
        final AtomicInteger singleDecodes = new AtomicInteger();

        @Override
        public int latentSize() {
            return D;
        }

        @Override
        public int imageHeight() {
            return 64;
        }

        @Override
        public int imageWidth() {
            return 64;
        }

        @Override
        public float[] decode(float[] latents, int n) {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(n);
            float[] out = inner.decode(latents, n);
            while (System.nanoTime() < until) {
                LockSupport.parkNanos(until - System.nanoTime());
            }
            if (n == 1) {
                singleDecodes.incrementAndGet();
            }
            return out;
        }

        @Override
        public float[] encode(float[] images, int n) {
            return inner.encode(images, n);
        }
    }

    @BeforeAll
    static void open() throws Exception {
        prefs = Preferences.userRoot().node("org/latentexplorer/drag-test-" + System.nanoTime());
        FxToolkit.registerPrimaryStage();
        runner = new FxTaskRunner("traverse-test", "live");
        FxToolkit.setupStage((Stage s) -> {
            vm = new TraverseViewModel(runner, m -> new TimedCodec());
            view = new TraverseView(vm, new AppContext(new AppPrefs(prefs)));
            s.setScene(new Scene((javafx.scene.Parent) view.node(), 1280, 800));
            s.show();
            vm.setModel(MODEL);
        });
        waitFor(() -> vm.gridProperty().get() != null && vm.liveProperty().get() != null && vm.encodedProperty().get() != null);
        // the encodings' arrival redraws the grid: a marker job queued behind that redraw answers once it is shown
        java.util.concurrent.atomic.AtomicBoolean settled = new java.util.concurrent.atomic.AtomicBoolean();
        fx(() -> {
            runner.submit("settled", () -> true, r -> settled.set(true), t -> { });
            return null;
        });
        waitFor(settled::get);
    }

    @AfterAll
    static void close() throws Exception {
        runner.close();
        FxToolkit.cleanupStages();
        prefs.removeNode();
    }

    static <T> T fx(java.util.concurrent.Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(TIMEOUT, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void waitFor(java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT, TimeUnit.SECONDS, () -> fx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + TIMEOUT + " s", e);
        }
    }

    @Test
    void aDragOfSixtyChangesASecondShowsAtLeastThirtyFramesASecondAndTheGridFollowsOnRelease() throws Exception {
        Slider slider = fx(() -> ROBOT.lookup("#latent-0").queryAs(Slider.class));
        int gridsBefore = fx(() -> vm.gridsRenderedProperty().get());
        int changes = 60;
        double last = 2.5;
        // one value change per pulse, 60 pulses = one second at the display's 60 Hz: the drag's pace follows the
        // pulses, so a loaded machine that pulses less often slows the drag and the display alike
        AtomicInteger changed = new AtomicInteger();
        AtomicInteger shown = new AtomicInteger();
        AtomicInteger pulses = new AtomicInteger();
        AtomicLong lastSeen = new AtomicLong(fx(() -> view.liveFrames));
        AtomicLong startNanos = new AtomicLong();
        AtomicLong endNanos = new AtomicLong();
        AnimationTimer drag = new AnimationTimer() {
            @Override
            public void handle(long now) {
                int i = changed.get();
                if (i < changes) {
                    if (i == 0) {
                        startNanos.set(System.nanoTime());
                    }
                    slider.setValue(-2.5 + 5.0 * i / (changes - 1));
                    changed.incrementAndGet();
                }
            }
        };
        Runnable pulse = () -> {
            if (changed.get() == 0 || pulses.get() >= changes) {
                return; // the drag's 60 pulses only
            }
            pulses.incrementAndGet();
            if (view.liveFrames != lastSeen.get()) {
                lastSeen.set(view.liveFrames);
                shown.incrementAndGet();
            }
            endNanos.set(System.nanoTime());
        };
        fx(() -> {
            slider.getScene().addPostLayoutPulseListener(pulse);
            slider.setValueChanging(true); // the thumb is grabbed
            drag.start();
            return null;
        });
        waitFor(() -> pulses.get() >= changes);
        // the newest request is always decoded: the live image ends at the last value
        float[] expected = new AnalyticCodec(D, 64).decode(anchorWithZ0(last), 1);
        waitFor(() -> java.util.Arrays.equals(expected, vm.liveProperty().get().pixels()));
        int gridsDuringDrag = fx(() -> vm.gridsRenderedProperty().get()) - gridsBefore;
        fx(() -> {
            drag.stop();
            slider.getScene().removePostLayoutPulseListener(pulse);
            return null;
        });
        double perSecondAt60Hz = shown.get() * 60.0 / pulses.get();
        double wall = (endNanos.get() - startNanos.get()) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "drag: %d value changes over %d pulses: %d frames shown = %.1f frames/s at "
                + "60 pulses/s (here the pulses took %.2f s: %.1f frames/s of wall time); %d grids during the drag%n",
                changes, pulses.get(), shown.get(), perSecondAt60Hz, wall, shown.get() / wall, gridsDuringDrag);
        assertTrue(perSecondAt60Hz >= 30, "frames shown per second during the drag: " + perSecondAt60Hz);
        assertEquals(0, gridsDuringDrag, "no whole grid while the thumb is held");

        // released: the grid is drawn once more, for the final anchor (the same grid a fresh view model draws)
        fx(() -> {
            slider.setValueChanging(false);
            return null;
        });
        waitFor(() -> vm.gridsRenderedProperty().get() > gridsBefore);
        TraverseViewModel reference = new TraverseViewModel(TaskRunner.sameThread(), m -> new AnalyticCodec(D, 64));
        reference.setModel(MODEL);
        reference.setAnchor(anchorWithZ0(last));
        assertArrayEquals(reference.gridProperty().get().rgb(), fx(() -> vm.gridProperty().get().rgb()));
        assertEquals(2.5, fx(() -> vm.latents().get(0).get()), 1e-9);
    }

    private static float[] anchorWithZ0(double z0) {
        float[] z = new float[D];
        z[0] = (float) z0;
        return z;
    }
}
