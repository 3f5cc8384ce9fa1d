package org.latentexplorer.teaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentexplorer.divergence.FitForm;
import org.latentexplorer.divergence.FitObjective;
import org.latentexplorer.divergence.GaussianMixture2d;
import org.latentexplorer.divergence.IsotropicGaussian2d;
import org.latentexplorer.divergence.MixtureFitObjectives;

/** The Fig 2 fits converge to the answers known in closed form. */
class GaussianFitterTest {
    @Test
    void everyTextbookObjectiveRecoversASingleGaussian() {
        GaussianMixture2d target = GaussianMixture2d.single(1.2, -0.7, 0.8 * 0.8);
        IsotropicGaussian2d start = new IsotropicGaussian2d(-1, 1, Math.log(1.5));
        MixtureFitObjectives o = new MixtureFitObjectives(target, start, 1);
        GaussianFitter f = new GaussianFitter(o, List.of(FitObjective.values()), FitForm.TEXTBOOK, 0.3, 1000, 0.05, start);
        GaussianFitter.Frame frame = f.advance(Integer.MAX_VALUE, () -> false);
        assertTrue(frame.done());
        for (GaussianFitter.Fit fit : frame.fits()) {
            String what = fit.objective().toString();
            assertEquals(1.2, fit.gaussian().meanX(), 2e-3, what);
            assertEquals(-0.7, fit.gaussian().meanY(), 2e-3, what);
            assertEquals(0.8, fit.gaussian().sigma(), 2e-3, what);
        }
    }

    @Test
    void theNotebookKlIsNoDivergence() {
        // ∫p² ln(p/q) is minimised by moment matching p²/∫p², which for p = N(m, v) is N(m, v/2): σ/√2, not σ
        GaussianMixture2d target = GaussianMixture2d.single(1.2, -0.7, 0.8 * 0.8);
        IsotropicGaussian2d start = new IsotropicGaussian2d(-1, 1, Math.log(1.5));
        MixtureFitObjectives o = new MixtureFitObjectives(target, start, 1);
        GaussianFitter f = new GaussianFitter(o, List.of(FitObjective.KL_DATA_FIT), FitForm.NOTEBOOK, 0.3, 1000, 0.05, start);
        IsotropicGaussian2d fit = f.advance(Integer.MAX_VALUE, () -> false).fit(FitObjective.KL_DATA_FIT).gaussian();
        assertEquals(1.2, fit.meanX(), 2e-3);
        assertEquals(-0.7, fit.meanY(), 2e-3);
        assertEquals(0.8 / Math.sqrt(2), fit.sigma(), 2e-3);
    }

    @Test
    void massCoveringKlMatchesTheMixtureMoments() {
        FitDemoSettings s = FitDemoSettings.paper().withPoints(10);
        FitDemoData data = FitDemoData.generate(s);
        GaussianMixture2d mix = data.mixture();
        GaussianFitter f = new GaussianFitter(data, s.withSteps(1500), List.of(FitObjective.KL_DATA_FIT, FitObjective.KL_FIT_DATA));
        GaussianFitter.Frame frame = f.advance(Integer.MAX_VALUE, () -> false);
        IsotropicGaussian2d kl = frame.fit(FitObjective.KL_DATA_FIT).gaussian();
        double[] mean = mix.mean();
        double[] var = mix.axisVariance();
        assertEquals(mean[0], kl.meanX(), 1e-2);
        assertEquals(mean[1], kl.meanY(), 1e-2);
        assertEquals((var[0] + var[1]) / 2, kl.variance(), 1e-2);
        // the mode-seeking fit is narrower than the moment match
        assertTrue(frame.fit(FitObjective.KL_FIT_DATA).gaussian().variance() < kl.variance() * 0.8);
    }

    @Test
    void theSkewMovesTheFitFromMassCoveringToModeSeeking() {
        FitDemoSettings s = FitDemoSettings.paper().withPoints(10).withSteps(600);
        FitDemoData data = FitDemoData.generate(s);
        double small = new GaussianFitter(data, s.withAlpha(0.05), List.of(FitObjective.SKEW_GJS))
                .advance(Integer.MAX_VALUE, () -> false).fit(FitObjective.SKEW_GJS).gaussian().variance();
        double large = new GaussianFitter(data, s.withAlpha(0.95), List.of(FitObjective.SKEW_GJS))
                .advance(Integer.MAX_VALUE, () -> false).fit(FitObjective.SKEW_GJS).gaussian().variance();
        assertTrue(large < small, "variance at alpha 0.95 " + large + " vs at 0.05 " + small);
    }

    @Test
    void advanceStopsWhenCancelledAndAtThePlannedSteps() {
        FitDemoSettings s = FitDemoSettings.paper().withPoints(10).withSteps(30);
        GaussianFitter f = new GaussianFitter(FitDemoData.generate(s), s, List.of(FitObjective.MMD));
        int[] calls = {0};
        GaussianFitter.Frame frame = f.advance(100, () -> ++calls[0] > 5);
        assertEquals(5, frame.step());
        assertEquals(30, f.advance(100, () -> false).step());
        assertEquals(30, f.advance(100, () -> false).step());
    }

    @Test
    void theGeneratorFollowsItsSettingsAndSeed() {
        FitDemoSettings s = FitDemoSettings.paper().withPoints(2000);
        FitDemoData a = FitDemoData.generate(s);
        FitDemoData b = FitDemoData.generate(s);
        FitDemoData c = FitDemoData.generate(s.withSeed(23));
        assertEquals(10, a.mixture().components());
        assertEquals(2000, a.size());
        assertEquals(a.x(17), b.x(17));
        assertNotEquals(a.x(17), c.x(17));
        for (int k = 0; k < 10; k++) {
            assertTrue(a.mixture().variance(k) > 0.25 && a.mixture().variance(k) <= 1, "variance 1/(U+1)^2");
        }
        // the sample mean agrees with the mixture's mean within a few standard errors
        double sx = 0;
        for (int i = 0; i < a.size(); i++) {
            sx += a.x(i);
        }
        double se = Math.sqrt(a.mixture().axisVariance()[0] / a.size());
        assertEquals(a.mixture().mean()[0], sx / a.size(), 5 * se);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.withComponents(0));
        assertTrue(e.getMessage().contains("got 0"));
    }

    @Test
    void gammaDrawsHaveTheirMean() {
        java.util.Random r = new java.util.Random(5);
        double sum = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            sum += FitDemoData.gamma(r, 0.5);
        }
        // Gamma(0.5, 1): mean 0.5, variance 0.5
        assertEquals(0.5, sum / n, 5 * Math.sqrt(0.5 / n));
    }
}
