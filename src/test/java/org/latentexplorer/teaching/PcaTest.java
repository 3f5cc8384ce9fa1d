package org.latentexplorer.teaching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** PCA on data whose structure is known by construction. */
class PcaTest {
    /** n points x = 3·a·u + 1·b·w + 0.1·noise in 5-D, with orthonormal u, w: the components are u, then w. */
    private static float[] planted(int n, double[] u, double[] w, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * 5];
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian();
            double b = r.nextGaussian();
            for (int j = 0; j < 5; j++) {
                x[i * 5 + j] = (float) (2 + 3 * a * u[j] + b * w[j] + 0.05 * r.nextGaussian());
            }
        }
        return x;
    }

    @Test
    void findsThePlantedDirectionsInOrderWithFixedSigns() {
        double[] u = {-0.8, 0, 0.6, 0, 0};
        double[] w = {0, 0.6, 0, -0.8, 0};
        Pca p = Pca.fit(planted(4000, u, w, 3), 4000, 5);
        // sign rule: the largest-magnitude entry positive (−0.8 flips u, and flips w)
        assertArrayEquals(new double[] {0.8, 0, -0.6, 0, 0}, p.component(0), 0.01);
        assertArrayEquals(new double[] {0, -0.6, 0, 0.8, 0}, p.component(1), 0.01);
        assertEquals(9, p.variance(0), 0.6);
        assertEquals(1, p.variance(1), 0.1);
        assertEquals(9 / (10 + 5 * 0.0025), p.explained(0), 0.02);
    }

    @Test
    void diagonalDataGivesTheAxesAndProjectionsAreCentred() {
        // variance 4 on dimension 2, 1 on dimension 0, none elsewhere
        float[] x = {1, 0, -2, -1, 0, 2, 1, 0, 2, -1, 0, -2};
        Pca p = Pca.fit(x, 4, 3);
        assertArrayEquals(new double[] {0, 0, 1}, p.component(0), 1e-12);
        assertArrayEquals(new double[] {1, 0, 0}, p.component(1), 1e-12);
        double[][] xy = p.project2(x, 4);
        assertArrayEquals(new double[] {-2, 2, 2, -2}, xy[0], 1e-12);
        assertArrayEquals(new double[] {1, -1, 1, -1}, xy[1], 1e-12);
    }

    @Test
    void isDeterministicAndRejectsBadInput() {
        double[] u = {0, 1, 0, 0, 0};
        double[] w = {0, 0, 0, 0, 1};
        float[] x = planted(500, u, w, 9);
        double[][] a = Pca.fit(x, 500, 5).project2(x, 500);
        double[][] b = Pca.fit(x.clone(), 500, 5).project2(x, 500);
        assertArrayEquals(a[0], b[0]);
        assertArrayEquals(a[1], b[1]);
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(new float[5], 2, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pca.fit(new float[] {1, Float.NaN}, 1, 2));
        assertEquals(true, e.getMessage().contains("NaN"));
    }
}
