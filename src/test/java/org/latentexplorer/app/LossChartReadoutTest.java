package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.latentexplorer.model.EpochRecord;

/** The loss chart's pure parts: the hover read-out's text and a compared history's points. */
class LossChartReadoutTest {
    private static XYSeries series(String key, double[] x, double[] y) {
        XYSeries s = new XYSeries(key, false, true);
        for (int i = 0; i < x.length; i++) {
            s.add(x[i], y[i]);
        }
        return s;
    }

    @Test
    void theReadOutNamesTheNearestStepItsEpochAndEveryCurve() {
        XYSeriesCollection top = new XYSeriesCollection();
        top.addSeries(series("total loss", new double[] {10, 20, 30}, new double[] {90, 80, 70}));
        top.addSeries(series("reconstruction", new double[] {10, 20, 30}, new double[] {60, 55, 50}));
        XYSeriesCollection bottom = new XYSeriesCollection(series("divergence", new double[] {10, 20, 30},
                new double[] {3, 2.5, 2}));
        XYSeriesCollection smoothTop = new XYSeriesCollection();
        smoothTop.addSeries(series("total loss", new double[] {10, 20, 30}, new double[] {90, 85, 80}));
        smoothTop.addSeries(series("reconstruction", new double[] {10, 20, 30}, new double[] {60, 58, 56}));
        XYSeriesCollection smoothBottom = new XYSeriesCollection(series("divergence", new double[] {10, 20, 30},
                new double[] {3, 2.8, 2.6}));
        XYSeriesCollection overlay = new XYSeriesCollection(series("old.zip: total loss", new double[] {6, 18},
                new double[] {100, 75}));
        XYSeriesCollection overlayBottom = new XYSeriesCollection(series("old.zip: divergence", new double[] {6, 18},
                new double[] {4, 3}));
        List<XYDataset> raw = List.of(top, bottom);
        // 23 is nearest step 20: epoch 2 of 12-step epochs, its step 8
        // the compared run had 12 steps per epoch too: its point at step 18 is the mean of its epoch 2
        assertEquals("step 20 (epoch 2, step 8 of 12) · total loss 80.00 · reconstruction 55.00 · divergence 2.500"
                        + "\nold.zip, epoch 2: total loss 75.00 · divergence 3.000",
                LossChart.readout(23, LossChart.Unit.STEP, 12, raw, null, List.of(overlay, overlayBottom), 12));
        assertEquals("step 30 (epoch 3, step 6 of 12) · total loss 70.00 (smoothed 80.00) · reconstruction 50.00"
                        + " (smoothed 56.00) · divergence 2.000 (smoothed 2.600)",
                LossChart.readout(400, LossChart.Unit.STEP, 12, raw, List.of(smoothTop, smoothBottom),
                        List.of(new XYSeriesCollection(), new XYSeriesCollection()), 0));
        assertEquals("epoch 10 · total loss 90.00", LossChart.readout(2, LossChart.Unit.EPOCH, 0,
                List.of(new XYSeriesCollection(series("total loss", new double[] {10, 20}, new double[] {90, 1}))), null,
                List.of(), 0));
        assertEquals("step 7\nold.zip, epoch 1: total loss 100.0", LossChart.readout(7, LossChart.Unit.STEP, 0,
                List.of(new XYSeriesCollection()), null, List.of(overlay), 12), "nothing trained yet: the comparison alone");
        assertEquals("epoch 2 · total loss 1.000\nold.zip, epoch 6: total loss 100.0", LossChart.readout(2,
                LossChart.Unit.EPOCH, 0, List.of(new XYSeriesCollection(series("total loss", new double[] {1, 2},
                        new double[] {90, 1}))), null, List.of(overlay), 0));
    }

    @Test
    void aComparedHistorySitsAtEpochsOrAtEachEpochsMiddleStep() {
        List<EpochRecord> h = List.of(new EpochRecord(1, 50, 40, 10, 4.0, 6.0, 1, 100),
                new EpochRecord(2, 45, 37, 8, null, null, 1, 100), new EpochRecord(3, Double.NaN, 35, 7, 3.0, 4.0, 1, 100));
        double[][] total = LossChart.overlayPoints(h, LossChart.TOTAL, LossChart.Unit.EPOCH, 0);
        assertArrayEquals(new double[] {1, 2}, total[0], "a NaN epoch is left out");
        assertArrayEquals(new double[] {50, 45}, total[1]);
        double[][] rec = LossChart.overlayPoints(h, LossChart.RECONSTRUCTION, LossChart.Unit.STEP, 10);
        assertArrayEquals(new double[] {5, 15, 25}, rec[0]);
        assertArrayEquals(new double[] {40, 37, 35}, rec[1]);
        double[][] kl1 = LossChart.overlayPoints(h, LossChart.KL1, LossChart.Unit.EPOCH, 0);
        assertArrayEquals(new double[] {1, 3}, kl1[0], "epochs without KL terms are left out");
        assertArrayEquals(new double[] {4, 3}, kl1[1]);
        assertArrayEquals(new double[] {8}, new double[] {LossChart.overlayPoints(h, LossChart.DIVERGENCE,
                LossChart.Unit.EPOCH, 0)[1][1]});
    }
}
