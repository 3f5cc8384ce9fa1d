package org.latentexplorer.divergence;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * docs/method.md §1.7, "Narrow posteriors": for a posterior variance v much smaller than α, the paper's dual
 * JS_*^{Gα'} is α·KL(q‖p) plus a constant c(α), with an error of order v/α², and so are its derivatives in μ and
 * ln v. λ·JS_*^{Gα'} therefore pulls on each encoded latent like β-VAE's β·KL(q‖p) with β = λα. KL(q‖p), c(α) and
 * the derivatives are computed here (closed form and central differences), not by the code under test.
 */
class NarrowPosteriorTest {
    private static final double[] ALPHAS = {0.1, 0.3, 0.5, 0.7, 0.9};
    private static final double[] MUS = {0, 0.5, -1.3, 2};

    private static double dual(double alpha, double mu, double logvar) {
        return Divergences.terms(DivergenceSpec.of(DivergenceKind.JSG_DUAL, alpha), mu, logvar).value();
    }

    /** c(α) = ½[(1−α)(1/α − 1 + ln α) + α ln α]: KL(G'‖q) and the ln α of KL(G'‖p) at v → 0. */
    static double offset(double alpha) {
        return 0.5 * ((1 - alpha) * (1 / alpha - 1 + Math.log(alpha)) + alpha * Math.log(alpha));
    }

    @Test
    void theDualIsAlphaTimesKlPlusAConstantAndPullsLikeBetaEqualsLambdaAlpha() {
        List<Executable> checks = new ArrayList<>();
        for (double v : new double[] {1e-4, 1e-6}) {
            double lv = Math.log(v);
            for (double a : ALPHAS) {
                for (double mu : MUS) {
                    String at = " alpha=" + a + " mu=" + mu + " v=" + v;
                    double tol = v * (1 + mu * mu + Math.abs(mu)) / (a * a);
                    double klQp = 0.5 * (v + mu * mu - 1 - lv);
                    checks.add(() -> assertEquals(a * klQp + offset(a), dual(a, mu, lv), tol, "value" + at));
                    double h = 1e-5;
                    double dMu = (dual(a, mu + h, lv) - dual(a, mu - h, lv)) / (2 * h);
                    checks.add(() -> assertEquals(a * mu, dMu, tol, "d/dmu" + at));
                    double dLogvar = (dual(a, mu, lv + h) - dual(a, mu, lv - h)) / (2 * h);
                    checks.add(() -> assertEquals(a * 0.5 * (v - 1), dLogvar, tol, "d/dlogvar" + at));
                }
            }
        }
        // c(α) at two settings: α = 0.9 (with λ = 8 it pulls like β = 7.2) and α = ½ (it halves KL(q‖p))
        checks.add(() -> assertEquals(-0.0471, offset(0.9), 5e-4));
        checks.add(() -> assertEquals(-0.0966, offset(0.5), 5e-4));
        assertAll(checks);
    }

    @Test
    void theApproachIsLinearInV() {
        for (double a : ALPHAS) {
            double mu = 0.5;
            double far = dual(a, mu, Math.log(1e-4)) - (a * 0.5 * (1e-4 + mu * mu - 1 - Math.log(1e-4)) + offset(a));
            double near = dual(a, mu, Math.log(1e-6)) - (a * 0.5 * (1e-6 + mu * mu - 1 - Math.log(1e-6)) + offset(a));
            assertEquals(100, far / near, 2, "alpha=" + a + ": 100× smaller v, 100× smaller gap");
        }
    }
}
