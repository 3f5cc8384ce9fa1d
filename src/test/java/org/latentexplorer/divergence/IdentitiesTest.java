package org.latentexplorer.divergence;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exact identities of docs/method.md §1.4–1.7, with ln Z and the expectations computed by quadrature
 * (and KL(q‖p), KL(p‖q) by quadrature too), as further checks of the closed forms:
 * <ul>
 * <li>JS^{Gα'} = (1−α)² KL_qp + α² KL_pq + ln Z_α</li>
 * <li>JS^{Gα} = α(1−α)[KL_qp + KL_pq] + ln Z_{1−α}</li>
 * <li>JS_*^{Gα} = −ln Z_{1−α}</li>
 * <li>JS_*^{Gα'} = (1−α)² E_{G'}[ln p − ln q] + α² E_{G'}[ln q − ln p] − ln Z_α</li>
 * </ul>
 */
class IdentitiesTest {
    private static final double[] MUS = {0, 0.5, -1.3, 2, 5};
    private static final double[] ALPHAS = {0, 1e-3, 0.1, 0.3, 0.5, 0.7, 0.9, 0.999, 1};

    private static double v(DivergenceKind kind, double alpha, double mu, double lv) {
        return Divergences.terms(DivergenceSpec.of(kind, alpha), mu, lv).value();
    }

    @ParameterizedTest(name = "sigma={0}")
    @ValueSource(doubles = {1e-3, 0.01, 0.1, 0.5, 0.8, 1, 2, 5, 10})
    void identitiesWithTheNormaliser(double sigma) {
        List<Executable> checks = new ArrayList<>();
        double lv = 2 * Math.log(sigma);
        for (double mu : MUS) {
            GaussianPair c = new GaussianPair(mu, sigma);
            double qp = c.kl(GaussianPair.Q, GaussianPair.P);
            double pq = c.kl(GaussianPair.P, GaussianPair.Q);
            for (double a : ALPHAS) {
                String at = " alpha=" + a + " mu=" + mu + " sigma=" + sigma;
                double lnZa = c.logZ(a);
                double lnZ1a = c.logZ(1 - a);
                double jsg = (1 - a) * (1 - a) * qp + a * a * pq + lnZa;
                double nielsen = a * (1 - a) * (qp + pq) + lnZ1a;
                double nielsenDual = -lnZ1a;
                GaussianPair.LogDensity g = c.geometricMean(a);
                double eLogPoverQ = c.expectation(g, z -> -c.logRatio(z));
                double jsgDual = (1 - a) * (1 - a) * eLogPoverQ - a * a * eLogPoverQ - lnZa;
                checks.add(close(jsg, v(DivergenceKind.JSG, a, mu, lv), "jsg" + at));
                checks.add(close(nielsen, v(DivergenceKind.JSG_NIELSEN, a, mu, lv), "jsg-nielsen" + at));
                checks.add(close(nielsenDual, v(DivergenceKind.JSG_NIELSEN_DUAL, a, mu, lv), "jsg-nielsen-dual" + at));
                checks.add(close(jsgDual, v(DivergenceKind.JSG_DUAL, a, mu, lv), "jsg-dual" + at));
                // ln Z_w ≤ 0 (skew Bhattacharyya coefficient ≤ 1), hence JS_*^{Gα} ≥ 0.
                checks.add(() -> assertEquals(true, lnZa <= 1e-15 && lnZ1a <= 1e-15, "ln Z <= 0" + at));
            }
        }
        assertAll(checks);
    }

    private static Executable close(double expected, double actual, String what) {
        return () -> assertEquals(expected, actual, 1e-8 * Math.abs(expected) + 1e-12, what);
    }
}
