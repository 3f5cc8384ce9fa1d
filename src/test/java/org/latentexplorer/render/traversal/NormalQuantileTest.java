package org.latentexplorer.render.traversal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NormalQuantileTest {

    @Test
    void paperTraversalHalfWidth() {
        assertEquals(1.959963985, NormalQuantile.inverseCdf(0.975), 1e-9);
        assertEquals(1.959963984540054, NormalQuantile.inverseCdf(0.975), 1e-14);
        assertEquals(-1.959963984540054, NormalQuantile.inverseCdf(0.025), 1e-14);
    }

    @Test
    void knownValuesInAllThreeRegions() {
        assertEquals(0.0, NormalQuantile.inverseCdf(0.5), 0.0);
        assertEquals(1.0, NormalQuantile.inverseCdf(0.8413447460685429), 1e-12);
        assertEquals(-6.361340902404056, NormalQuantile.inverseCdf(1e-10), 1e-9);
        assertEquals(2.3263478740408408, NormalQuantile.inverseCdf(0.99), 1e-12);
        assertEquals(-8.222082216130435, NormalQuantile.inverseCdf(1e-16), 1e-9);
    }

    @Test
    void antisymmetric() {
        for (double p : new double[]{0x1p-40, 0x1p-17, 0.0078125, 0.2, 0.4, 0.49}) { // 1 − p is exact
            assertEquals(-NormalQuantile.inverseCdf(p), NormalQuantile.inverseCdf(1 - p), 1e-9 * Math.abs(NormalQuantile.inverseCdf(p)) + 1e-12);
        }
    }

    /** Φ by independent composite Simpson quadrature of the density from 0 to z. */
    private static double phi(double z) {
        int n = 20000;
        double h = z / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double x = i * h;
            double f = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
            sum += f * (i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2));
        }
        return 0.5 + sum * h / 3;
    }

    @Test
    void roundTripsThroughAnIndependentCdf() {
        for (double p : new double[]{0.51, 0.6, 0.75, 0.9, 0.95, 0.975, 0.99, 0.999, 0.3, 0.05, 0.001}) {
            assertEquals(p, phi(NormalQuantile.inverseCdf(p)), 1e-13, "p=" + p);
        }
    }

    @Test
    void rejectsProbabilitiesOutsideTheOpenInterval() {
        for (double p : new double[]{0, 1, -0.1, 1.5, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> NormalQuantile.inverseCdf(p));
        }
    }
}
