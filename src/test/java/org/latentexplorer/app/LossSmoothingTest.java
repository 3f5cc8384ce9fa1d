package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** TensorBoard's debiased exponential moving average against its closed form and hand-worked values. */
class LossSmoothingTest {
    /** The closed form: s_n = Σ_k w^(n−k)·(1−w)·y_k / (1 − w^n) over the first n values, summed directly. */
    private static double closedForm(double[] y, int n, double w) {
        double sum = 0;
        for (int k = 1; k <= n; k++) {
            sum += Math.pow(w, n - k) * (1 - w) * y[k - 1];
        }
        return sum / (1 - Math.pow(w, n));
    }

    @Test
    void matchesTheClosedFormOnNoisyCurves() {
        SplittableRandom r = new SplittableRandom(7);
        for (double w : new double[] {0.1, 0.6, 0.9, 0.99}) {
            double[] y = new double[300];
            for (int i = 0; i < y.length; i++) {
                y[i] = 100 * Math.exp(-i / 80.0) + r.nextGaussian() * 5;
            }
            double[] s = LossSmoothing.ema(y, w);
            for (int n = 1; n <= y.length; n++) {
                assertEquals(closedForm(y, n, w), s[n - 1], 1e-9 * Math.max(1, Math.abs(s[n - 1])), "w=" + w + " n=" + n);
            }
        }
    }

    @Test
    void handWorkedValuesAndTheEdges() {
        // w = 0.5: last = 0.5 → 0.5/0.5 = 1; last = 0.25 + 1 = 1.25 → 1.25/0.75
        assertArrayEquals(new double[] {1, 1.25 / 0.75}, LossSmoothing.ema(new double[] {1, 2}, 0.5), 1e-12);
        double[] y = {3, 1, 4, 1, 5};
        assertArrayEquals(y, LossSmoothing.ema(y, 0), "no smoothing leaves the curve as it is");
        double[] flat = LossSmoothing.ema(new double[] {2.5, 2.5, 2.5, 2.5}, 0.9);
        for (double v : flat) {
            assertEquals(2.5, v, 1e-12, "the debiasing keeps a constant curve where it is from the first point");
        }
        assertEquals(0, LossSmoothing.ema(new double[0], 0.5).length);
        assertThrows(IllegalArgumentException.class, () -> LossSmoothing.ema(y, 1));
        assertThrows(IllegalArgumentException.class, () -> LossSmoothing.ema(y, -0.1));
    }

    @Test
    void aNonFiniteValueIsPassedThroughAndLeftOutOfTheAverage() {
        double[] s = LossSmoothing.ema(new double[] {1, Double.NaN, 2, Double.POSITIVE_INFINITY}, 0.5);
        assertEquals(1, s[0], 1e-12);
        assertTrue(Double.isNaN(s[1]));
        assertEquals(1.25 / 0.75, s[2], 1e-12, "the same as smoothing 1, 2");
        assertEquals(Double.POSITIVE_INFINITY, s[3]);
    }
}
