package org.latentexplorer.divergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentexplorer.divergence.DualArithmetic.Dual;

/**
 * The divergence gradients of the native training step (docs/method.md §2.1) against central finite
 * differences in double: every per-dimension closed form evaluated on {@link DualArithmetic}, and MMD's
 * analytic gradient ({@link Mmd#valueAndGradient}).
 */
class DivergenceGradientTest {
    private static final double H = 1e-5;

    @Test
    void dualNumbersGiveTheClosedFormsValueAndItsFiniteDifferenceGradient() {
        SplittableRandom random = new SplittableRandom(4);
        for (DivergenceKind kind : DivergenceKind.values()) {
            if (kind == DivergenceKind.MMD) {
                continue;
            }
            for (double alpha : new double[] {0.0, 0.3, 0.5, 0.9, 1.0}) {
                DivergenceSpec spec = new DivergenceSpec(kind, alpha, 2.5);
                for (int t = 0; t < 20; t++) {
                    double mu = 3 * random.nextGaussian();
                    double logvar = 2 * random.nextGaussian();
                    ClosedForms.Terms<Dual> dual = ClosedForms.perDimension(DualArithmetic.INSTANCE, spec, Dual.mu(mu), Dual.logvar(logvar));
                    double value = value(spec, mu, logvar);
                    assertEquals(value, dual.value().value(), 1e-12 * (1 + Math.abs(value)), spec.describe());
                    double dMu = (value(spec, mu + H, logvar) - value(spec, mu - H, logvar)) / (2 * H);
                    double dLogvar = (value(spec, mu, logvar + H) - value(spec, mu, logvar - H)) / (2 * H);
                    String where = spec.describe() + " at mu=" + mu + ", logvar=" + logvar;
                    assertEquals(dMu, dual.value().dMu(), 1e-6 * (1 + Math.abs(dMu)), "d/dmu of " + where);
                    assertEquals(dLogvar, dual.value().dLogvar(), 1e-6 * (1 + Math.abs(dLogvar)), "d/dlogvar of " + where);
                }
            }
        }
    }

    @Test
    void klQpGradientIsTheTextbookOne() {
        // ∂KL(q‖p)/∂μ = μ, ∂KL(q‖p)/∂ℓ = ½(e^ℓ − 1) (§2.1)
        ClosedForms.Terms<Dual> t = ClosedForms.perDimension(DualArithmetic.INSTANCE, DivergenceSpec.of(DivergenceKind.KL_QP),
                Dual.mu(0.7), Dual.logvar(-0.4));
        assertEquals(0.7, t.value().dMu(), 1e-15);
        assertEquals(0.5 * (Math.exp(-0.4) - 1), t.value().dLogvar(), 1e-15);
    }

    private static double value(DivergenceSpec spec, double mu, double logvar) {
        return ClosedForms.perDimension(DoubleArithmetic.INSTANCE, spec, mu, logvar).value();
    }

    @Test
    void mmdGradientMatchesFiniteDifferencesAndItsValueTheExistingOne() {
        SplittableRandom random = new SplittableRandom(8);
        int n = 7;
        int m = 30;
        int dim = 6;
        double[] points = new double[n * dim];
        float[] pointsFloat = new float[n * dim];
        for (int i = 0; i < points.length; i++) {
            pointsFloat[i] = (float) (0.8 * random.nextGaussian());
            points[i] = pointsFloat[i];
        }
        float[] prior = new float[m * dim];
        for (int i = 0; i < prior.length; i++) {
            prior[i] = (float) random.nextGaussian();
        }
        double[] gradient = new double[n * dim];
        double value = Mmd.valueAndGradient(points, n, prior, m, dim, gradient);
        // the existing form computes distances as ‖a‖² + ‖b‖² − 2a·b, this one as ‖a − b‖²: equal to rounding
        assertEquals(Mmd.value(pointsFloat, n, prior, m, dim), value, 1e-8);
        double[] scratch = new double[n * dim];
        double norm = 0;
        for (int i = 0; i < points.length; i++) {
            double keep = points[i];
            points[i] = keep + H;
            double up = Mmd.valueAndGradient(points, n, prior, m, dim, scratch);
            points[i] = keep - H;
            double down = Mmd.valueAndGradient(points, n, prior, m, dim, scratch);
            points[i] = keep;
            double fd = (up - down) / (2 * H);
            assertEquals(fd, gradient[i], 1e-8, "element " + i);
            norm += fd * fd;
        }
        assertTrue(norm > 1e-8, "the case has a gradient to check");
    }
}
