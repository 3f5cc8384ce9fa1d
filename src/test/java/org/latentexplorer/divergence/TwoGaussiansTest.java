package org.latentexplorer.divergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The general two-Gaussian divergences: the per-dimension closed forms when p = N(0, 1), and reference values. */
class TwoGaussiansTest {
    @Test
    void withAStandardNormalPriorTheyAreTheClosedForms() {
        double mu = 0.7;
        double logvar = Math.log(0.3);
        for (double alpha : new double[] {0, 0.2, 0.5, 0.9, 1}) {
            TwoGaussians.Values v = TwoGaussians.all(new Gaussian1d(0, 1), new Gaussian1d(mu, Math.exp(logvar)), alpha);
            double[] got = {v.klQp(), v.klPq(), v.jsPrime(), v.dualPrime(), v.jsNielsen(), v.dualNielsen()};
            DivergenceKind[] kinds = {DivergenceKind.KL_QP, DivergenceKind.KL_PQ, DivergenceKind.JSG, DivergenceKind.JSG_DUAL,
                    DivergenceKind.JSG_NIELSEN, DivergenceKind.JSG_NIELSEN_DUAL};
            for (int i = 0; i < kinds.length; i++) {
                double expected = Divergences.terms(DivergenceSpec.of(kinds[i], alpha), mu, logvar).value();
                assertEquals(expected, got[i], 1e-12, kinds[i] + " at alpha " + alpha);
            }
        }
    }

    @Test
    void theyVanishForEqualGaussians() {
        Gaussian1d g = new Gaussian1d(1.5, 2.0);
        TwoGaussians.Values v = TwoGaussians.all(g, g, 0.3);
        for (double x : new double[] {v.klQp(), v.klPq(), v.jsPrime(), v.dualPrime(), v.jsNielsen(), v.dualNielsen()}) {
            assertEquals(0.0, x, 1e-12);
        }
    }

    @Test
    void skewGeometricJsIsThePrimeVariantsReferenceValues() {
        // docs/method.md §1.12: q = N(0.5, 0.8²) posterior, p = N(0, 1) prior, the JS^{Gα'} column
        Gaussian1d prior = new Gaussian1d(0, 1);
        Gaussian1d post = new Gaussian1d(0.5, 0.64);
        assertEquals(0.1681435513, TwoGaussians.skewGeometricJs(prior, post, 0), 1e-10);
        assertEquals(0.1675546509, TwoGaussians.skewGeometricJs(prior, post, 0.001), 1e-10);
        assertEquals(0.0549345626, TwoGaussians.skewGeometricJs(prior, post, 0.5), 1e-10);
        assertEquals(0.2527445012, TwoGaussians.skewGeometricJs(prior, post, 0.999), 1e-10);
        assertEquals(0.2534189487, TwoGaussians.skewGeometricJs(prior, post, 1), 1e-10);
    }

    @Test
    void alphaOutsideTheUnitIntervalIsRejected() {
        Gaussian1d g = new Gaussian1d(0, 1);
        assertThrows(IllegalArgumentException.class, () -> TwoGaussians.all(g, g, 1.5));
        assertThrows(IllegalArgumentException.class, () -> TwoGaussians.skewGeometricJs(g, g, -0.1));
    }
}
