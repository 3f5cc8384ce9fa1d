package org.latentexplorer.divergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** MMD of docs/method.md §1.9: k(a,b) = exp(−‖a−b‖²/dim²), MMD = mean K_XX + mean K_ZZ − 2 mean K_XZ (V-statistic). */
class MmdTest {
    @Test
    void oneAgainstOneInTwoDimensionsByHand() {
        // z = (μ, log σ²) = (0.5, −1); prior sample x = (−0.25, 1.5).
        // ‖z − x‖² = 0.75² + 2.5² = 6.8125; dim² = 4; K_XX = K_ZZ = 1 (diagonals included).
        float[] z = {0.5f, -1f};
        float[] x = {-0.25f, 1.5f};
        double expected = 2 - 2 * Math.exp(-6.8125 / 4);
        assertEquals(expected, Mmd.value(z, 1, x, 1, 2), 1e-15);
    }

    @Test
    void twoPointsAgainstOneByHandWithDimensionFour() {
        // dim = 4 (D = 2): bandwidth denominator 16, not 4 and not 2·4.
        float[] z = {0f, 0f, 0f, 0f, 1f, 1f, 1f, 1f};
        float[] x = {0f, 0f, 0f, 2f};
        double kz1z2 = Math.exp(-4.0 / 16); // ‖(1,1,1,1)‖² = 4
        double kxz1 = Math.exp(-4.0 / 16); // ‖(0,0,0,2)‖² = 4
        double kxz2 = Math.exp(-4.0 / 16); // ‖(1,1,1,−1)‖² = 4
        double meanZZ = (1 + 1 + 2 * kz1z2) / 4;
        double meanXX = 1;
        double meanXZ = (kxz1 + kxz2) / 2;
        assertEquals(meanXX + meanZZ - 2 * meanXZ, Mmd.value(z, 2, x, 1, 4), 1e-15);

        float[] x2 = {3f, 0f, 0f, 0f};
        // ‖x2 − z1‖² = 9, ‖x2 − z2‖² = 4 + 1 + 1 + 1 = 7.
        double expected2 = 1 + meanZZ - (Math.exp(-9.0 / 16) + Math.exp(-7.0 / 16));
        assertEquals(expected2, Mmd.value(z, 2, x2, 1, 4), 1e-15);
    }

    @Test
    void identicalPointSetsGiveZero() {
        float[] z = {0.3f, -1f, 2f, 0.5f, -0.7f, 0.1f};
        assertEquals(0.0, Mmd.value(z, 3, z.clone(), 3, 2), 1e-15);
        float[] single = {0.25f, -3f, 1f, 8f};
        assertEquals(0.0, Mmd.value(single, 1, single.clone(), 1, 4), 1e-15);
    }

    @Test
    void symmetricNonNegativeAndPermutationInvariant() {
        Random rnd = new Random(42);
        int dim = 6;
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + rnd.nextInt(7);
            int m = 1 + rnd.nextInt(9);
            float[] z = new float[n * dim];
            float[] x = new float[m * dim];
            for (int i = 0; i < z.length; i++) {
                z[i] = (float) (rnd.nextGaussian() * 2 + 0.5);
            }
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rnd.nextGaussian();
            }
            double v = Mmd.value(z, n, x, m, dim);
            assertEquals(v, Mmd.value(x, m, z, n, dim), 1e-14, "symmetry");
            assertTrue(v >= -1e-14, "V-statistic MMD with a p.d. kernel is >= 0, got " + v);
            // Reverse the order of the rows of z.
            float[] zr = new float[z.length];
            for (int i = 0; i < n; i++) {
                System.arraycopy(z, i * dim, zr, (n - 1 - i) * dim, dim);
            }
            assertEquals(v, Mmd.value(zr, n, x, m, dim), 1e-14, "row order");
        }
    }

    @Test
    void duplicatingBothSetsLeavesTheVStatisticUnchanged() {
        float[] z = {0.5f, -1f, 2f, 0.25f};
        float[] x = {0f, 0f, 1f, -1f, 0.5f, 0.5f};
        float[] zz = {0.5f, -1f, 2f, 0.25f, 0.5f, -1f, 2f, 0.25f};
        assertEquals(Mmd.value(z, 2, x, 3, 2), Mmd.value(zz, 4, x, 3, 2), 1e-15);
    }

    @Test
    void isNotAPerDimensionClosedForm() {
        assertThrows(IllegalArgumentException.class,
                () -> ClosedForms.perDimension(DoubleArithmetic.INSTANCE, DivergenceSpec.of(DivergenceKind.MMD), 0.0, 0.0));
        assertTrue(!DivergenceKind.MMD.isPerDimension());
    }
}
