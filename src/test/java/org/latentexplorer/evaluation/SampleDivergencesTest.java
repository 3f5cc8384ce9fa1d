package org.latentexplorer.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.divergence.Divergences;
import org.latentexplorer.divergence.Gaussian1d;
import org.latentexplorer.latent.PosteriorBatch;
import org.latentexplorer.render.chart.GaussianTeaching;

/** The α-explorer's numbers: teaching-view divergences and model curves agree with the closed forms. */
class SampleDivergencesTest {
    private static final DivergenceKind[] ORDER = {DivergenceKind.KL_QP, DivergenceKind.KL_PQ, DivergenceKind.JSG,
            DivergenceKind.JSG_DUAL, DivergenceKind.JSG_NIELSEN, DivergenceKind.JSG_NIELSEN_DUAL};

    @Test
    void teachingDivergencesWithStandardNormalPriorAreTheClosedForms() {
        double mu = 0.7;
        double logvar = Math.log(0.3);
        for (double alpha : new double[] {0, 0.2, 0.5, 0.9, 1}) {
            List<GaussianTeaching.NamedValue> values = GaussianTeaching.divergences(new Gaussian1d(0, 1),
                    new Gaussian1d(mu, Math.exp(logvar)), alpha);
            assertEquals(ORDER.length, values.size());
            for (int i = 0; i < ORDER.length; i++) {
                double expected = Divergences.terms(DivergenceSpec.of(ORDER[i], alpha), mu, logvar).value();
                assertEquals(expected, values.get(i).value(), 1e-12, values.get(i).name() + " at alpha " + alpha);
            }
        }
    }

    @Test
    void teachingDivergencesVanishForEqualGaussians() {
        Gaussian1d g = new Gaussian1d(1.5, 2.0);
        for (GaussianTeaching.NamedValue v : GaussianTeaching.divergences(g, g, 0.3)) {
            assertEquals(0.0, v.value(), 1e-12, v.name());
        }
    }

    @Test
    void sampleCurvesAreBatchMeansOfTheClosedForms() {
        float[] encoded = {0.5f, -1f, -0.2f, 0.1f, /* example 2 */ -0.3f, 2f, 0.4f, -1.5f};
        PosteriorBatch batch = new PosteriorBatch(encoded, 2);
        double[] alphas = {0, 0.25, 1};
        DivergenceCurves c = DivergenceCurves.fromSample(batch, alphas, OptionalDouble.of(0.25));
        float[] mu = {0.5f, -1f, -0.3f, 2f};
        float[] logvar = {-0.2f, 0.1f, 0.4f, -1.5f};
        for (int a = 0; a < alphas.length; a++) {
            assertEquals(Divergences.perDimension(DivergenceSpec.of(DivergenceKind.JSG, alphas[a]), mu, logvar, 2, 2).total(),
                    c.jsPrime()[a], 1e-12);
            assertEquals(Divergences.perDimension(DivergenceSpec.of(DivergenceKind.JSG_NIELSEN_DUAL, alphas[a]), mu, logvar, 2, 2)
                    .total(), c.dualNielsen()[a], 1e-12);
        }
        double klQp = 0;
        for (int i = 0; i < 4; i++) {
            klQp += 0.5 * (Math.exp(logvar[i]) + mu[i] * mu[i] - 1 - logvar[i]);
        }
        assertEquals(klQp / 2, c.klQp(), 1e-6);
        assertTrue(c.trainedAlpha().isPresent());
    }
}
