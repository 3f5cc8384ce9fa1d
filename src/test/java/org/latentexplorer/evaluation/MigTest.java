package org.latentexplorer.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The MIG on hand-built codes whose mutual information is known analytically, and MI against a brute-force count. */
class MigTest {
    private static final List<String> TWO = List.of("a", "b");

    /** All combinations of a (4 classes) and b (6 classes), each `repeat` times: a uniform factor grid. */
    private static int[][] grid(int repeat) {
        int[][] v = new int[4 * 6 * repeat][];
        int i = 0;
        for (int r = 0; r < repeat; r++) {
            for (int a = 0; a < 4; a++) {
                for (int b = 0; b < 6; b++) {
                    v[i++] = new int[] {a, b};
                }
            }
        }
        return v;
    }

    @Test
    void latentsEqualToTheFactorsGiveNormalisedMiOneAndMigOne() {
        int[][] v = grid(5);
        double[][] z = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            // a scaled copy of each factor, plus a constant latent
            z[i] = new double[] {0.3 * v[i][1] - 7, 2.5 * v[i][0], 1.0};
        }
        Mig.Result r = Mig.compute(z, v, TWO, Mig.DEFAULT_BINS);
        assertEquals(1.0, r.mig(), 1e-12);
        assertEquals(1.0, r.normalizedMi()[0][1], 1e-12);
        assertEquals(1.0, r.normalizedMi()[1][0], 1e-12);
        assertEquals(0.0, r.normalizedMi()[0][0], 1e-12); // b's copy says nothing about a: the grid is balanced
        assertEquals(0.0, r.normalizedMi()[0][2], 1e-12);
        assertArrayEquals(new int[] {1, 0}, r.bestLatent());
        assertArrayEquals(new double[] {Math.log(4), Math.log(6)}, r.factorEntropy(), 1e-12);
        assertEquals(List.of("a", "b"), r.factors());
    }

    @Test
    void aLatentThatMergesPairsOfClassesCarriesHalfTheEntropy() {
        int[][] v = grid(3);
        double[][] z = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            // floor(a / 2): 2 equally likely values, I = log 2 of H = log 4; the second latent is b
            z[i] = new double[] {Math.floor(v[i][0] / 2.0), v[i][1]};
        }
        Mig.Result r = Mig.compute(z, v, TWO, Mig.DEFAULT_BINS);
        assertEquals(0.5, r.normalizedMi()[0][0], 1e-12);
        assertEquals(0.5, r.gaps()[0], 1e-12);
        assertEquals(1.0, r.gaps()[1], 1e-12);
        assertEquals(0.75, r.mig(), 1e-12);
    }

    @Test
    void aDuplicatedLatentLeavesNoGap() {
        int[][] v = grid(2);
        double[][] z = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            z[i] = new double[] {v[i][0], v[i][1], -v[i][0]}; // latent 2 is a (reversed) copy of latent 0
        }
        Mig.Result r = Mig.compute(z, v, TWO, Mig.DEFAULT_BINS);
        assertEquals(0.0, r.gaps()[0], 1e-12);
        assertEquals(1.0, r.gaps()[1], 1e-12);
        assertEquals(0.5, r.mig(), 1e-12);
    }

    @Test
    void independentLatentsCarryAlmostNoInformation() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 24_000;
        int[][] v = new int[n][];
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            v[i] = new int[] {random.nextInt(4), random.nextInt(6)};
            z[i] = new double[] {random.nextGaussian(), random.nextDouble(), random.nextGaussian()};
        }
        Mig.Result r = Mig.compute(z, v, TWO, Mig.DEFAULT_BINS);
        // the plug-in estimate's bias is about (bins-1)(classes-1)/(2n) nats: < 0.003 here
        for (double[] row : r.normalizedMi()) {
            for (double m : row) {
                assertTrue(m >= 0 && m < 0.005, "normalised MI " + m);
            }
        }
        assertTrue(r.mig() < 0.005, "MIG " + r.mig());
    }

    @Test
    void constantFactorsAreLeftOut() {
        int[][] v = grid(1);
        int[][] withColor = new int[v.length][];
        double[][] z = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            withColor[i] = new int[] {0, v[i][0], v[i][1]};
            z[i] = new double[] {v[i][0], v[i][1]};
        }
        Mig.Result r = Mig.compute(z, withColor, List.of("color", "a", "b"), Mig.DEFAULT_BINS);
        assertEquals(List.of("a", "b"), r.factors());
        assertEquals(1.0, r.mig(), 1e-12);
        double[][] oneLatent = {{1}, {2}};
        assertThrows(IllegalArgumentException.class, () -> Mig.compute(oneLatent, new int[][] {{0}, {1}}, List.of("a"), 20));
        double[][] two = {{1, 2}, {2, 3}};
        assertThrows(IllegalArgumentException.class, () -> Mig.compute(two, new int[][] {{0}, {0}}, List.of("c"), 20));
    }

    @Test
    void discretisationFollowsNumpysHistogramAndDigitize() {
        // edges linspace(0, 20, 21) = 0, 1, …, 20; digitize against the first 20: the maximum joins bin 19
        double[] x = {0, 0.5, 1, 18.999, 19, 20};
        assertArrayEquals(new int[] {0, 0, 1, 18, 19, 19}, Mig.discretize(x, 20));
        // a constant column: edges from c - 0.5 to c + 0.5, every value in one bin (np.digitize gives 11 of 1..20)
        assertArrayEquals(new int[] {10, 10}, Mig.discretize(new double[] {3, 3}, 20));
        // 32 equally spaced values in 20 bins: every bin is used, and neighbouring values never skip a bin
        double[] pos = new double[32];
        for (int i = 0; i < 32; i++) {
            pos[i] = i / 31.0;
        }
        int[] b = Mig.discretize(pos, 20);
        assertEquals(0, b[0]);
        assertEquals(19, b[31]);
        for (int i = 1; i < 32; i++) {
            assertTrue(b[i] - b[i - 1] == 0 || b[i] - b[i - 1] == 1);
        }
        assertThrows(IllegalArgumentException.class, () -> Mig.discretize(new double[] {0, Double.NaN}, 20));
    }

    @Test
    void mutualInformationMatchesEntropiesOfAHashedJointTable() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 20; trial++) {
            int n = 50 + random.nextInt(500);
            int[] a = new int[n];
            int[] b = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = random.nextInt(7) * 13 - 40; // sparse, negative labels
                b[i] = random.nextDouble() < 0.6 ? a[i] % 5 : random.nextInt(9); // dependent on a
            }
            // I(a; b) = H(a) + H(b) - H(a, b), each entropy from a hash map of counts
            Map<Long, Integer> joint = new HashMap<>();
            Map<Long, Integer> ma = new HashMap<>();
            Map<Long, Integer> mb = new HashMap<>();
            for (int i = 0; i < n; i++) {
                joint.merge(((long) a[i] << 32) ^ (b[i] & 0xffffffffL), 1, Integer::sum);
                ma.merge((long) a[i], 1, Integer::sum);
                mb.merge((long) b[i], 1, Integer::sum);
            }
            double expected = h(ma, n) + h(mb, n) - h(joint, n);
            assertEquals(expected, Mig.mutualInformation(a, b), 1e-12);
            assertEquals(h(ma, n), Mig.entropy(a), 1e-12);
            assertEquals(h(ma, n), Mig.mutualInformation(a, a), 1e-12);
        }
    }

    private static double h(Map<Long, Integer> counts, int n) {
        double s = 0;
        for (int c : counts.values()) {
            double p = c / (double) n;
            s -= p * Math.log(p);
        }
        return s;
    }
}
