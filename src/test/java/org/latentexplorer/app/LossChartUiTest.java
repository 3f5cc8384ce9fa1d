package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.model.EpochRecord;
import org.latentexplorer.model.ModelManifest;
import org.testfx.api.FxRobot;

/**
 * The loss charts in the real app, headless: after a short run the Train view's chart smooths its curves (checked
 * against the moving average computed here), switches its y axes to log and back, reads out the values under the
 * mouse, zooms back out, and overlays the current model's per-epoch history; the Models view's epoch axis has
 * whole-number ticks.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LossChartUiTest {
    private static final int TIMEOUT = Integer.getInteger("ui.timeout", 240);
    private static final FxRobot ROBOT = new FxRobot();
    private static MainWindow window;
    private static UiSession ui;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startApp() throws Exception {
        ui = UiSession.open("loss-chart-test", dir.resolve("work"), TIMEOUT, false);
        window = ui.window;
    }

    @AfterAll
    static void closeApp() throws Exception {
        ui.close();
    }

    static <T> T fx(Callable<T> c) {
        return ui.fx(c);
    }

    static void waitFor(Callable<Boolean> condition) {
        ui.waitFor(condition);
    }

    @Test
    @Order(1)
    void aShortRunIsSmoothedLoggedReadOutAndComparedWithTheCurrentModel() {
        ROBOT.clickOn("#tab-train");
        TrainViewModel vm = window.train();
        ROBOT.interact(() -> {
            vm.limit.set("256");
            vm.epochs.set("2");
            vm.batch.set("32");
        });
        ROBOT.clickOn("#train-start");
        waitFor(() -> vm.stateProperty().get() != TrainViewModel.State.RUNNING
                && vm.stateProperty().get() != TrainViewModel.State.IDLE);
        assertEquals(TrainViewModel.State.FINISHED, fx(() -> vm.stateProperty().get()), fx(() -> vm.messageProperty().get()));
        LossChart chart = window.trainView().lossChart();
        assertFalse(fx(chart::rawShown), "no smoothing: the curves are the raw values, drawn once");

        // smoothing: each smoothed curve is the debiased moving average of its raw curve
        ROBOT.interact(() -> chart.smoothing.setValue(0.6));
        waitFor(() -> chart.smoothed(0).getSeriesCount() == 2 && chart.smoothed(0).getItemCount(0) == vm.losses().getItemCount(0));
        assertTrue(fx(chart::rawShown), "while smoothing, the raw curves show faint behind");
        for (int part = 0; part < 2; part++) {
            XYSeriesCollection raw = part == 0 ? vm.losses() : vm.regularisers();
            XYSeriesCollection smooth = chart.smoothed(part);
            for (int s = 0; s < raw.getSeriesCount(); s++) {
                double last = 0;
                for (int i = 0; i < raw.getItemCount(s); i++) {
                    last = 0.6 * last + 0.4 * raw.getYValue(s, i);
                    double expected = last / (1 - Math.pow(0.6, i + 1));
                    assertEquals(expected, smooth.getYValue(s, i), 1e-9 * Math.abs(expected), "series " + s + " item " + i);
                    assertEquals(raw.getXValue(s, i), smooth.getXValue(s, i));
                }
            }
        }

        // log y on both plots and back
        ROBOT.clickOn("#train-chart-log");
        assertInstanceOf(LogAxis.class, fx(() -> chart.rangeAxis(0)));
        assertInstanceOf(LogAxis.class, fx(() -> chart.rangeAxis(1)));
        ROBOT.clickOn("#train-chart-log");
        assertInstanceOf(NumberAxis.class, fx(() -> chart.rangeAxis(0)));

        // the read-out under the mouse names the step, its epoch and the curves
        ROBOT.moveTo("#train-chart");
        waitFor(() -> chart.readout.getText().startsWith("step "));
        String text = fx(chart.readout::getText);
        assertTrue(text.contains("(epoch ") && text.contains("total loss ") && text.contains("(smoothed "), text);

        // zoom in on the steps, then reset
        XYPlot plot = fx(() -> (XYPlot) chart.chart().getPlot());
        ROBOT.interact(() -> plot.getDomainAxis().setRange(2, 5));
        assertFalse(fx(() -> plot.getDomainAxis().isAutoRange()));
        ROBOT.clickOn("#train-chart-reset");
        assertTrue(fx(() -> plot.getDomainAxis().isAutoRange()));

        // compare with the current model: the run just trained, 2 epochs of 8 steps, each epoch's mean at its middle step
        ROBOT.interact(() -> chart.compareCurrent.fire());
        ModelManifest mf = fx(() -> window.model().get().manifest());
        List<EpochRecord> h = mf.history();
        assertEquals(2, h.size());
        double perEpoch = (double) mf.steps() / mf.epochsCompleted();
        assertEquals(8, perEpoch, "256 examples in batches of 32");
        XYSeriesCollection top = fx(() -> chart.overlay(0));
        assertEquals(2, top.getSeriesCount(), "the total and the reconstruction per epoch");
        assertTrue(String.valueOf(top.getSeriesKey(0)).endsWith(": total loss"), String.valueOf(top.getSeriesKey(0)));
        for (int i = 0; i < 2; i++) {
            assertEquals((h.get(i).epoch() - 0.5) * perEpoch, top.getXValue(0, i), 1e-12);
            assertEquals(h.get(i).loss(), top.getYValue(0, i), 0.0);
            assertEquals(h.get(i).recLoss(), top.getYValue(1, i), 0.0);
        }
        XYSeriesCollection bottom = fx(() -> chart.overlay(1));
        assertEquals(h.get(1).divergence(), bottom.getYValue(0, 1), 0.0);
        assertTrue(fx(chart::comparisonTitle).contains(fx(() -> window.model().get().file().getFileName().toString())),
                "the chart names the compared model");
        ROBOT.interact(() -> chart.compareNone.fire());
        assertEquals(0, fx(() -> chart.overlay(0).getSeriesCount()));
        assertEquals("", fx(chart::comparisonTitle));
    }

    @Test
    @Order(2)
    void theModelsViewsEpochAxisHasWholeNumberTicks() {
        ROBOT.clickOn("#tab-models");
        LossChart chart = window.modelsView().historyChart();
        waitFor(() -> ((XYPlot) ((org.jfree.chart.plot.CombinedDomainXYPlot) chart.chart().getPlot()).getSubplots().get(0))
                .getDataset().getItemCount(0) == 2);
        double unit = fx(() -> {
            chart.chart().createBufferedImage(700, 400); // lays the axis out and picks its tick unit
            return ((NumberAxis) chart.chart().getXYPlot().getDomainAxis()).getTickUnit().getSize();
        });
        assertTrue(unit >= 1 && unit == Math.rint(unit), "tick unit " + unit);
    }
}
