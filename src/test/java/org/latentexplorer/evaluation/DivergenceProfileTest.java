package org.latentexplorer.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.divergence.Divergences;
import org.latentexplorer.latent.PosteriorBatch;

/** The α curves of a model's posteriors are batch means of the closed forms. */
class DivergenceProfileTest {
    @Test
    void sampleCurvesAreBatchMeansOfTheClosedForms() {
        float[] encoded = {0.5f, -1f, -0.2f, 0.1f, /* example 2 */ -0.3f, 2f, 0.4f, -1.5f};
        PosteriorBatch batch = new PosteriorBatch(encoded, 2);
        double[] alphas = {0, 0.25, 1};
        DivergenceCurves c = DivergenceProfile.of(batch, alphas, OptionalDouble.of(0.25));
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
