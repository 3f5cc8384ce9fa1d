package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The log axis' ticks: round numbers in range, not too many, evenly spaced within a decade. */
class LossLogAxisTest {
    @Test
    void handWorkedRanges() {
        // 398 over at most 8 ticks: 57 apart at least, the next round step is 100
        assertArrayEquals(new double[] {1100, 1200, 1300, 1400}, LossLogAxis.ticks(1047, 1445, 8), 1e-9);
        assertArrayEquals(new double[] {0.1, 0.2, 0.5, 1, 2, 5, 10, 20}, LossLogAxis.ticks(0.1, 31.6, 8), 1e-12);
        assertArrayEquals(new double[] {0.1, 1, 10}, LossLogAxis.ticks(0.1, 31.6, 4), 1e-12, "only the powers of ten fit");
        assertArrayEquals(new double[] {1e-6, 1e-4, 1e-2, 1}, LossLogAxis.ticks(1e-6, 1, 4), 1e-18, "every second power");
        assertEquals(0, LossLogAxis.ticks(0, 10, 8).length);
        assertEquals(0, LossLogAxis.ticks(5, 5, 8).length);
        assertEquals("1,100", LossLogAxis.label(1100));
        assertEquals("0.25", LossLogAxis.label(0.25));
        assertEquals("1.00e-05", LossLogAxis.label(1e-5));
    }

    @Test
    void ticksAreInRangeRoundAndFew() {
        SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 500; trial++) {
            double lo = Math.pow(10, r.nextDouble() * 8 - 4);
            double hi = lo * Math.pow(10, r.nextDouble() * 5 + 0.01);
            int max = 3 + r.nextInt(12);
            double[] t = LossLogAxis.ticks(lo, hi, max);
            String at = "trial " + trial + ": [" + lo + ", " + hi + "] max " + max;
            assertTrue(t.length <= max, at + " gave " + t.length);
            for (int i = 0; i < t.length; i++) {
                assertTrue(t[i] >= lo * (1 - 1e-9) && t[i] <= hi * (1 + 1e-9), at);
                double mantissa = t[i] / Math.pow(10, Math.floor(Math.log10(t[i]) + 1e-12));
                assertTrue(i == 0 || t[i] > t[i - 1], at);
                if (Math.log10(hi / lo) >= 1) {
                    assertTrue(Math.abs(mantissa - 1) < 1e-9 || Math.abs(mantissa - 2) < 1e-9 || Math.abs(mantissa - 5) < 1e-9,
                            at + " tick " + t[i]);
                }
            }
            if (Math.log10(hi / lo) < 1 && t.length >= 3) {
                double step = t[1] - t[0];
                for (int i = 2; i < t.length; i++) {
                    assertEquals(step, t[i] - t[i - 1], 1e-9 * step, at);
                }
            }
            assertTrue(t.length >= 2 || max < 3, at + " gave " + t.length);
        }
    }
}
