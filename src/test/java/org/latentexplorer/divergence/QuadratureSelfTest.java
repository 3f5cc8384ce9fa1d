package org.latentexplorer.divergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The test-side quadrature itself, on integrals with known values (so that its errors are not blamed on the closed forms). */
class QuadratureSelfTest {
    @Test
    void ruleWeightsIntegrateConstantsExactly() {
        double k = GaussKronrod.WGK[7];
        for (int j = 0; j < 7; j++) {
            k += 2 * GaussKronrod.WGK[j];
        }
        double g = GaussKronrod.WG[3] + 2 * (GaussKronrod.WG[0] + GaussKronrod.WG[1] + GaussKronrod.WG[2]);
        assertEquals(2.0, k, 1e-15);
        assertEquals(2.0, g, 1e-15);
    }

    @Test
    void polynomialsUpToDegree22AreExactOnOneInterval() {
        // K15 is exact to degree 22: ∫_{-1}^{2} x^n = (2^{n+1} − (−1)^{n+1}) / (n+1).
        for (int n = 0; n <= 22; n++) {
            int p = n;
            double exact = (Math.pow(2, n + 1) - Math.pow(-1, n + 1)) / (n + 1);
            double r = GaussKronrod.integrate(x -> Math.pow(x, p), new double[] {-1, 2}, 1e-300).value();
            assertEquals(exact, r, 1e-13 * Math.abs(exact), "degree " + n);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-3, 0.01, 0.1, 0.5, 0.8, 1, 2, 5, 10})
    void gaussianMomentsForSharpAndWideDensities(double sigma) {
        for (double mu : new double[] {0, 0.5, -1.3, 2, 5}) {
            GaussianPair c = new GaussianPair(mu, sigma);
            // The integration variable is u = z − μ.
            double mass = c.integrate(u -> Math.exp(c.logQ(u)));
            double mean = c.integrate(u -> u * Math.exp(c.logQ(u)));
            double second = c.integrate(u -> u * u * Math.exp(c.logQ(u)));
            double prior = c.integrate(u -> Math.exp(c.logP(u)));
            double priorMean = c.integrate(u -> (mu + u) * Math.exp(c.logP(u)));
            double priorSecond = c.integrate(u -> (mu + u) * (mu + u) * Math.exp(c.logP(u)));
            String at = " sigma=" + sigma + " mu=" + mu;
            assertEquals(1.0, mass, 1e-14, "mass" + at);
            assertEquals(1.0, prior, 1e-14, "prior mass" + at);
            assertEquals(0.0, mean, 1e-14 * sigma, "mean" + at);
            assertEquals(sigma * sigma, second, 1e-14 * sigma * sigma, "variance" + at);
            assertEquals(0.0, priorMean, 1e-14 * Math.max(1, Math.abs(mu)), "prior mean" + at);
            assertEquals(1.0, priorSecond, 1e-14 * Math.max(1, mu * mu), "prior variance" + at);
        }
    }

    @Test
    void gaussianKlOfTwoArbitraryGaussiansMatchesTheTextbookFormula() {
        // Validates kl() on a pair unrelated to the code: KL(N(m1,v1)‖N(m2,v2)) = ½[ln(v2/v1) + (v1+(m1−m2)²)/v2 − 1].
        double m1 = 1.25;
        double s1 = 0.01;
        GaussianPair c = new GaussianPair(m1, s1);
        double m2 = -2;
        double s2 = 3;
        double kl = c.integrate(u -> {
            double lq = c.logQ(u);
            double d = (m1 + u - m2) / s2;
            double lr = -0.5 * d * d - Math.log(s2) - 0.5 * Math.log(2 * Math.PI);
            return lq < -745 ? 0 : Math.exp(lq) * (lq - lr);
        });
        double exact = 0.5 * (Math.log(s2 * s2 / (s1 * s1)) + (s1 * s1 + (m1 - m2) * (m1 - m2)) / (s2 * s2) - 1);
        assertEquals(exact, kl, 1e-12 * exact);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-3, 0.1, 0.8, 1, 10})
    void logNormaliserAgreesWithThePlainIntegralAndIsAtMostZero(double sigma) {
        for (double mu : new double[] {0, -1.3, 5}) {
            GaussianPair c = new GaussianPair(mu, sigma);
            for (double w : new double[] {0, 1e-3, 0.1, 0.5, 0.9, 0.999, 1}) {
                double lnZ = c.logZ(w);
                assertEquals(Math.log(c.plainZ(w)), lnZ, 1e-14 * Math.max(1, Math.abs(lnZ)), "w=" + w);
                assertEquals(true, lnZ <= 1e-15, "ln Z_w <= 0 (skew Bhattacharyya coefficient), got " + lnZ);
                if (w == 0 || w == 1) {
                    assertEquals(0.0, lnZ, 1e-15);
                }
            }
        }
    }

    @Test
    void nonFiniteIntegrandsAreReportedNotIntegrated() {
        assertThrows(IllegalStateException.class,
                () -> GaussKronrod.integrate(x -> 1 / x, new double[] {-1, 0.5}, 1e-10));
    }
}
