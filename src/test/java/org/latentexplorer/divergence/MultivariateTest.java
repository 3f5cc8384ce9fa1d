package org.latentexplorer.divergence;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Factorisation over latent dimensions: {@link Divergences#value} is the sum of the 1-D
 * definitions, and {@link Divergences#perDimension} gives per-dimension batch means.
 */
class MultivariateTest {
    private static final double[] MU = {0.5, -1.3, 2, 0};
    private static final double[] SIGMA = {0.8, 0.01, 5, 1};

    /** A batch of 3 samples × 2 dimensions (row-major), values exactly representable as floats. */
    private static final float[] BATCH_MU = {0.5f, 0f, -1.25f, 2f, 0.25f, 5f};
    private static final float[] BATCH_LOGVAR = {0f, -1f, 1f, 0.5f, -2f, -6f};

    @Test
    void valueIsTheSumOfOneDimensionalDefinitions() {
        List<Executable> checks = new ArrayList<>();
        for (DivergenceKind kind : DivergenceKind.values()) {
            if (!kind.isPerDimension()) {
                continue;
            }
            for (double alpha : kind.isSkewJs() ? new double[] {0, 0.3, 0.5, 0.999} : new double[] {0.5}) {
                DivergenceSpec spec = new DivergenceSpec(kind, alpha, 0.25);
                double sum = 0;
                for (int d = 0; d < MU.length; d++) {
                    sum += new GaussianPair(MU[d], SIGMA[d]).definition(kind, alpha, 0.25)[0];
                }
                double expected = sum;
                checks.add(() -> assertEquals(expected, Divergences.value(spec, MU, SIGMA), 1e-8 * expected + 1e-12, spec.describe()));
            }
        }
        assertAll(checks);
    }

    @Test
    void perDimensionGivesBatchMeansOfValueAndKlTerms() {
        int n = 3;
        int latents = 2;
        List<Executable> checks = new ArrayList<>();
        for (DivergenceKind kind : DivergenceKind.values()) {
            if (!kind.isPerDimension()) {
                continue;
            }
            DivergenceSpec spec = new DivergenceSpec(kind, 0.3, 4);
            double[][][] ref = new double[n][latents][];
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < latents; d++) {
                    double mu = BATCH_MU[i * latents + d];
                    double sigma = Math.exp(0.5 * BATCH_LOGVAR[i * latents + d]);
                    ref[i][d] = new GaussianPair(mu, sigma).definition(kind, 0.3, 4);
                }
            }
            Divergences.PerDimension pd = Divergences.perDimension(spec, BATCH_MU, BATCH_LOGVAR, n, latents);
            checks.add(() -> assertEquals(latents, pd.dimensions()));
            double total = 0;
            for (int d = 0; d < latents; d++) {
                // Hand-computed means over the 3 samples.
                double mean = (ref[0][d][0] + ref[1][d][0] + ref[2][d][0]) / 3;
                double kl1 = (ref[0][d][1] + ref[1][d][1] + ref[2][d][1]) / 3;
                double kl2 = (ref[0][d][2] + ref[1][d][2] + ref[2][d][2]) / 3;
                total += mean;
                int dd = d;
                String what = spec.describe() + " dim " + d;
                checks.add(() -> assertEquals(mean, pd.value()[dd], 1e-8 * mean, "value " + what));
                if (kind.isSkewJs()) {
                    checks.add(() -> assertEquals(kl1, pd.kl1()[dd], 1e-8 * kl1, "kl1 " + what));
                    checks.add(() -> assertEquals(kl2, pd.kl2()[dd], 1e-8 * kl2, "kl2 " + what));
                } else {
                    checks.add(() -> assertTrue(Double.isNaN(pd.kl1()[dd]) && Double.isNaN(pd.kl2()[dd]), "NaN terms " + what));
                }
            }
            double expectedTotal = total;
            checks.add(() -> assertEquals(expectedTotal, pd.total(), 1e-8 * expectedTotal, "total " + spec.describe()));
            if (kind.isSkewJs()) {
                checks.add(() -> assertEquals(pd.kl1()[0] + pd.kl1()[1], pd.kl1Total(), 1e-15 * pd.kl1Total()));
                checks.add(() -> assertEquals(pd.kl2()[0] + pd.kl2()[1], pd.kl2Total(), 1e-15 * pd.kl2Total()));
                // Per-dimension composition: value = (1−α)·kl1 + α·kl2 also after averaging.
                checks.add(() -> assertEquals(0.7 * pd.kl1Total() + 0.3 * pd.kl2Total(), pd.total(), 1e-13 * pd.total()));
            }
        }
        assertAll(checks);
    }

    @Test
    void perDimensionOfASingleSampleEqualsValue() {
        DivergenceSpec spec = DivergenceSpec.of(DivergenceKind.JSG_DUAL, 0.2);
        float[] mu = {0.5f, -1.25f};
        float[] lv = {-1f, 2f};
        double[] sigma = {Math.exp(-0.5), Math.exp(1)};
        double[] muD = {0.5, -1.25};
        assertEquals(Divergences.value(spec, muD, sigma), Divergences.perDimension(spec, mu, lv, 1, 2).total(), 1e-13);
    }
}
