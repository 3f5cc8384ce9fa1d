package org.latentexplorer.divergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The Fig 2 objectives against independent computations: the per-dimension closed forms of the VAE terms,
 * adaptive Gauss–Kronrod quadrature in 2-D, and central finite differences for every gradient.
 */
class MixtureFitObjectivesTest {
    private static final GaussianMixture2d THREE = new GaussianMixture2d(new double[] {0.5, 0.3, 0.2},
            new double[] {-1, 1.5, 0.2}, new double[] {0.5, 0.8, -1.7}, new double[] {0.4, 0.9, 0.3});

    /** ∫∫ f over a square by nested adaptive Gauss–Kronrod. */
    private static double quad2(DoubleBinaryOperator f, double lo, double hi) {
        return GaussKronrod.integrate(x -> GaussKronrod.integrate(y -> f.applyAsDouble(x, y), lo, hi, 1e-11), lo, hi, 1e-11);
    }

    @Test
    void klMatchesTheGaussianClosedFormWhenTheDataIsOneGaussian() {
        // KL(N(m1, v1 I) ‖ N(m2, v2 I)) in 2-D: the sum of two 1-D KLs (docs/method.md §1.0)
        GaussianMixture2d data = GaussianMixture2d.single(0.7, -0.4, 0.6);
        IsotropicGaussian2d fit = new IsotropicGaussian2d(-0.3, 0.5, Math.log(1.3));
        MixtureFitObjectives o = new MixtureFitObjectives(data, fit, 1);
        double v1 = 0.6;
        double v2 = fit.variance();
        double kl = 0.5 * (Math.log(v2 / v1) + (v1 + 1.0 * 1.0) / v2 - 1) + 0.5 * (Math.log(v2 / v1) + (v1 + 0.9 * 0.9) / v2 - 1);
        assertEquals(kl, o.evaluate(FitObjective.KL_DATA_FIT, FitForm.TEXTBOOK, 0.5, fit).value(), 1e-7);
        double rkl = 0.5 * (Math.log(v1 / v2) + (v2 + 1.0) / v1 - 1) + 0.5 * (Math.log(v1 / v2) + (v2 + 0.81) / v1 - 1);
        assertEquals(rkl, o.evaluate(FitObjective.KL_FIT_DATA, FitForm.TEXTBOOK, 0.5, fit).value(), 1e-7);
    }

    @Test
    void skewGeometricJsAndItsDualMatchTheVaeClosedForms() {
        // data N(μ, v I) first, fit N(0, I) second: the VAE's q(z|x) and prior, summed over the two dimensions
        double mux = 0.5;
        double muy = -1.2;
        double v = 0.64;
        GaussianMixture2d data = GaussianMixture2d.single(mux, muy, v);
        IsotropicGaussian2d prior = new IsotropicGaussian2d(0, 0, 0);
        MixtureFitObjectives o = new MixtureFitObjectives(data, prior, 1);
        for (double a : new double[] {0, 0.1, 0.5, 0.9, 1}) {
            DivergenceSpec js = DivergenceSpec.of(DivergenceKind.JSG, a);
            DivergenceSpec dual = DivergenceSpec.of(DivergenceKind.JSG_DUAL, a);
            double expected = Divergences.terms(js, mux, Math.log(v)).value() + Divergences.terms(js, muy, Math.log(v)).value();
            double expectedDual = Divergences.terms(dual, mux, Math.log(v)).value() + Divergences.terms(dual, muy, Math.log(v)).value();
            assertEquals(expected, o.evaluate(FitObjective.SKEW_GJS, FitForm.TEXTBOOK, a, prior).value(), 1e-7, "alpha " + a);
            assertEquals(expectedDual, o.evaluate(FitObjective.DUAL_SKEW_GJS, FitForm.TEXTBOOK, a, prior).value(), 1e-7,
                    "dual, alpha " + a);
        }
    }

    @Test
    void jsAndTheNotebookFormsMatchQuadrature() {
        IsotropicGaussian2d fit = new IsotropicGaussian2d(0.4, -0.2, Math.log(0.9));
        MixtureFitObjectives o = new MixtureFitObjectives(THREE, fit, 1);
        double lo = -9;
        double hi = 9;
        double js = quad2((x, y) -> {
            double p = Math.exp(THREE.logDensity(x, y));
            double q = Math.exp(fit.logDensity(x, y));
            double m = (p + q) / 2;
            return 0.5 * (p > 0 ? p * Math.log(p / m) : 0) + 0.5 * (q > 0 ? q * Math.log(q / m) : 0);
        }, lo, hi);
        assertEquals(js, o.evaluate(FitObjective.JS, FitForm.TEXTBOOK, 0.5, fit).value(), 1e-7);
        double klNotebook = quad2((x, y) -> {
            double lp = THREE.logDensity(x, y);
            return Math.exp(2 * lp) * (lp - fit.logDensity(x, y));
        }, lo, hi);
        double rklNotebook = quad2((x, y) -> {
            double lq = fit.logDensity(x, y);
            return Math.exp(2 * lq) * (lq - THREE.logDensity(x, y));
        }, lo, hi);
        assertEquals(klNotebook, o.evaluate(FitObjective.KL_DATA_FIT, FitForm.NOTEBOOK, 0.3, fit).value(), 1e-8);
        assertEquals(rklNotebook, o.evaluate(FitObjective.KL_FIT_DATA, FitForm.NOTEBOOK, 0.3, fit).value(), 1e-8);
        assertEquals(0.49 * klNotebook + 0.09 * rklNotebook, o.evaluate(FitObjective.SKEW_GJS, FitForm.NOTEBOOK, 0.3, fit).value(),
                1e-8);
        // the textbook skew G-JS on a mixture: (1−α)KL(p‖G) + αKL(q‖G) with G normalised by quadrature
        double a = 0.3;
        double z = quad2((x, y) -> Math.exp(a * THREE.logDensity(x, y) + (1 - a) * fit.logDensity(x, y)), lo, hi);
        double gjs = quad2((x, y) -> {
            double lp = THREE.logDensity(x, y);
            double lq = fit.logDensity(x, y);
            double lg = a * lp + (1 - a) * lq - Math.log(z);
            return (1 - a) * Math.exp(lp) * (lp - lg) + a * Math.exp(lq) * (lq - lg);
        }, lo, hi);
        assertEquals(gjs, o.evaluate(FitObjective.SKEW_GJS, FitForm.TEXTBOOK, a, fit).value(), 1e-7);
        double dual = quad2((x, y) -> {
            double lp = THREE.logDensity(x, y);
            double lq = fit.logDensity(x, y);
            double lg = a * lp + (1 - a) * lq - Math.log(z);
            return Math.exp(lg) * ((1 - a) * (lg - lp) + a * (lg - lq));
        }, lo, hi);
        assertEquals(dual, o.evaluate(FitObjective.DUAL_SKEW_GJS, FitForm.TEXTBOOK, a, fit).value(), 1e-7);
    }

    @Test
    void mmdClosedFormMatchesQuadratureOfTheKernelExpectations() {
        // for one-component data every expectation factorises over the axes: E k = Π_axis ∫∫ N N exp(−(x−y)²/(2ℓ²))
        double l = 0.8;
        GaussianMixture2d data = GaussianMixture2d.single(0.6, -0.5, 0.5);
        IsotropicGaussian2d fit = new IsotropicGaussian2d(-0.4, 0.3, Math.log(1.2));
        MixtureFitObjectives o = new MixtureFitObjectives(data, fit, l);
        double kpp = axis(0.6, 0.5, 0.6, 0.5, l) * axis(-0.5, 0.5, -0.5, 0.5, l);
        double kqq = axis(-0.4, fit.variance(), -0.4, fit.variance(), l) * axis(0.3, fit.variance(), 0.3, fit.variance(), l);
        double kpq = axis(0.6, 0.5, -0.4, fit.variance(), l) * axis(-0.5, 0.5, 0.3, fit.variance(), l);
        assertEquals(kpp - 2 * kpq + kqq, o.evaluate(FitObjective.MMD, FitForm.TEXTBOOK, 0.5, fit).value(), 1e-9);
    }

    private static double axis(double m1, double v1, double m2, double v2, double l) {
        return quad2((x, y) -> Math.exp(-(x - m1) * (x - m1) / (2 * v1) - (y - m2) * (y - m2) / (2 * v2)
                - (x - y) * (x - y) / (2 * l * l)) / (2 * Math.PI * Math.sqrt(v1 * v2)), -12, 12);
    }

    @Test
    void gradientsAgreeWithFiniteDifferences() {
        IsotropicGaussian2d at = new IsotropicGaussian2d(0.3, 0.1, Math.log(0.8));
        MixtureFitObjectives o = new MixtureFitObjectives(THREE, at, 0.9);
        double eps = 1e-5;
        for (FitObjective obj : FitObjective.values()) {
            for (FitForm form : FitForm.values()) {
                for (double a : new double[] {0.2, 0.75}) {
                    double[] g = o.evaluate(obj, form, a, at).gradient();
                    for (int d = 0; d < 3; d++) {
                        double[] plus = at.parameters();
                        double[] minus = at.parameters();
                        plus[d] += eps;
                        minus[d] -= eps;
                        double fd = (o.evaluate(obj, form, a, new IsotropicGaussian2d(plus[0], plus[1], plus[2])).value()
                                - o.evaluate(obj, form, a, new IsotropicGaussian2d(minus[0], minus[1], minus[2])).value()) / (2 * eps);
                        assertEquals(fd, g[d], 1e-6 + 1e-5 * Math.abs(fd), obj + " " + form + " alpha " + a + " parameter " + d);
                    }
                }
            }
        }
    }

    @Test
    void mixtureMomentsMatchQuadrature() {
        double[] mean = THREE.mean();
        double[] var = THREE.axisVariance();
        double ex = quad2((x, y) -> x * Math.exp(THREE.logDensity(x, y)), -10, 10);
        double ey = quad2((x, y) -> y * Math.exp(THREE.logDensity(x, y)), -10, 10);
        double vx = quad2((x, y) -> (x - ex) * (x - ex) * Math.exp(THREE.logDensity(x, y)), -10, 10);
        double vy = quad2((x, y) -> (y - ey) * (y - ey) * Math.exp(THREE.logDensity(x, y)), -10, 10);
        assertEquals(ex, mean[0], 1e-9);
        assertEquals(ey, mean[1], 1e-9);
        assertEquals(vx, var[0], 1e-9);
        assertEquals(vy, var[1], 1e-9);
    }

    @Test
    void badInputIsRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GaussianMixture2d(new double[] {0.5, 0.6}, new double[2], new double[2], new double[] {1, 1}));
        assertTrue(e.getMessage().contains("1.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MixtureFitObjectives(THREE, new IsotropicGaussian2d(0, 0, 0), -1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        MixtureFitObjectives o = new MixtureFitObjectives(THREE, new IsotropicGaussian2d(0, 0, 0), 1);
        e = assertThrows(IllegalArgumentException.class,
                () -> o.evaluate(FitObjective.SKEW_GJS, FitForm.TEXTBOOK, 1.5, new IsotropicGaussian2d(0, 0, 0)));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    }
}
