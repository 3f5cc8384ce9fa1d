package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** The read-out's nearest-sample search against a linear scan, and the log axis floor. */
class ChartLookupTest {
    private static XYSeriesCollection of(double[] x, double[] y) {
        XYSeries s = new XYSeries("s", false, true);
        for (int i = 0; i < x.length; i++) {
            s.add(x[i], y[i]);
        }
        return new XYSeriesCollection(s);
    }

    @Test
    void nearestAgreesWithALinearScan() {
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(40);
            double[] x = new double[n];
            double v = r.nextInt(5);
            for (int i = 0; i < n; i++) {
                v += r.nextInt(4); // ascending, with repeats
                x[i] = v;
            }
            XYSeriesCollection d = of(x, new double[n]);
            for (int q = 0; q < 20; q++) {
                double at = r.nextDouble() * (v + 6) - 3;
                int best = 0;
                for (int i = 1; i < n; i++) {
                    if (Math.abs(x[i] - at) < Math.abs(x[best] - at)) {
                        best = i;
                    }
                }
                int found = ChartLookup.nearest(d, 0, at);
                assertEquals(Math.abs(x[best] - at), Math.abs(x[found] - at), 0.0, "trial " + trial + " at " + at);
                assertEquals(best, found, "the first of equally near samples, trial " + trial + " at " + at);
            }
        }
        assertEquals(-1, ChartLookup.nearest(new XYSeriesCollection(new XYSeries("empty")), 0, 1));
        assertEquals(1, ChartLookup.nearest(of(new double[] {0, 2}, new double[2]), 0, 1.5));
        assertEquals(0, ChartLookup.nearest(of(new double[] {0, 2}, new double[2]), 0, 1), "a tie takes the first");
    }

    @Test
    void theLogFloorIsThePowerOfTenBelowTheSmallestPositiveValue() {
        assertEquals(0.01, ChartLookup.logFloor(List.of(of(new double[] {1, 2, 3}, new double[] {0, 0.03, 5}))), 1e-15);
        assertEquals(100, ChartLookup.logFloor(List.of(of(new double[] {1}, new double[] {250}),
                of(new double[] {1}, new double[] {-4}))), 1e-12);
        assertEquals(1, ChartLookup.logFloor(List.of(of(new double[] {1}, new double[] {1}))), 1e-15);
        assertEquals(1e-3, ChartLookup.logFloor(List.of(of(new double[] {1}, new double[] {Double.NaN}))), 0.0);
    }
}
