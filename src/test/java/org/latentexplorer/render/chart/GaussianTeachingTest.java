package org.latentexplorer.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latentexplorer.common.Linspace;
import org.latentexplorer.divergence.Gaussian1d;
import org.latentexplorer.divergence.TwoGaussians;
import org.latentexplorer.render.export.CurveTable;

public class GaussianTeachingTest {

    /** Trapezoid rule on a uniform grid. */
    private static double integrate(double[] x, double[] f) {
        double s = 0;
        for (int i = 1; i < x.length; i++) {
            s += 0.5 * (f[i] + f[i - 1]) * (x[i] - x[i - 1]);
        }
        return s;
    }

    @Test
    void geometricMeanClosedFormMatchesNumericalNormalisation() {
        Gaussian1d p = new Gaussian1d(-2, 1);
        Gaussian1d q = new Gaussian1d(2, 4);
        double[] x = Linspace.float64(-40, 40, 160_001);
        for (double w : new double[]{0, 0.1, 0.3, 0.5, 0.77, 1}) {
            double[] f = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                f[i] = Math.exp((1 - w) * p.logDensity(x[i]) + w * q.logDensity(x[i]));
            }
            double z = integrate(x, f);
            double[] xf = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                xf[i] = x[i] * f[i] / z;
            }
            double mean = integrate(x, xf);
            double[] vf = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                vf[i] = (x[i] - mean) * (x[i] - mean) * f[i] / z;
            }
            Gaussian1d g = p.geometricMean(q, w);
            assertEquals(mean, g.mean(), 1e-8, "mean at w=" + w);
            assertEquals(integrate(x, vf), g.variance(), 1e-8, "variance at w=" + w);
        }
    }

    @Test
    void handWorkedGeometricMeanUsesVariancesNotStds() {
        Gaussian1d g = GaussianTeaching.PAPER_P.geometricMean(GaussianTeaching.PAPER_Q, 0.5);
        // tau = 0.5/4 + 0.5/1 = 0.625; mean = (0.5·2/4 + 0.5·(−2)/1)/0.625 = −1.2
        assertEquals(1.6, g.variance(), 1e-12);
        assertEquals(-1.2, g.mean(), 1e-12);
        assertEquals(GaussianTeaching.PAPER_P, GaussianTeaching.PAPER_P.geometricMean(GaussianTeaching.PAPER_Q, 0));
        Gaussian1d one = GaussianTeaching.PAPER_P.geometricMean(GaussianTeaching.PAPER_Q, 1);
        assertEquals(2, one.mean(), 1e-12);
        assertEquals(4, one.variance(), 1e-12);
    }

    @Test
    void integrandsIntegrateToTheDivergences() {
        double[] x = Linspace.float64(-40, 40, 80_001);
        for (double a : new double[]{0.5, 0.2}) {
            GaussianTeaching.Result r = GaussianTeaching.compute(GaussianTeaching.PAPER_P, GaussianTeaching.PAPER_Q, x,
                    new double[]{0, 1}, a);
            assertEquals(TwoGaussians.skewGeometricJs(GaussianTeaching.PAPER_P, GaussianTeaching.PAPER_Q, a),
                    integrate(x, r.gjsIntegrand()), 1e-8, "alpha " + a);
            double js = integrate(x, r.jsIntegrand());
            assertTrue(js > 0 && js < Math.log(2), "0 < JS < ln 2, got " + js);
        }
        // identical densities: both integrands vanish; far-apart ones: JS -> ln 2
        Gaussian1d n = new Gaussian1d(0, 1);
        GaussianTeaching.Result same = GaussianTeaching.compute(n, n, x, new double[]{0.5}, 0.5);
        assertEquals(0.0, integrate(x, same.jsIntegrand()), 1e-12);
        assertEquals(0.0, integrate(x, same.gjsIntegrand()), 1e-12);
        double[] wide = Linspace.float64(-80, 80, 160_001);
        GaussianTeaching.Result apart = GaussianTeaching.compute(new Gaussian1d(-30, 1), new Gaussian1d(30, 1), wide,
                new double[]{0.5}, 0.5);
        assertEquals(Math.log(2), integrate(wide, apart.jsIntegrand()), 1e-8);
    }

    /**
     * Fig. 1's setting: p = N(−2, 1), q = N(2, 2²), x = linspace(−5, 5, 500), α ∈ {0, 0.1, …, 1} (i/10),
     * G-JS integrand at α = 0.5.
     */
    public static GaussianTeaching.Result figureOne() {
        double[] alphas = new double[11];
        for (int i = 0; i <= 10; i++) {
            alphas[i] = i / 10.0;
        }
        return GaussianTeaching.compute(GaussianTeaching.PAPER_P, GaussianTeaching.PAPER_Q, Linspace.float64(-5, 5, 500),
                alphas, 0.5);
    }

    @Test
    void figureOneCurves() {
        GaussianTeaching.Result r = figureOne();
        assertEquals(500, r.x().length);
        assertEquals(-5.0, r.x()[0], 0.0);
        assertEquals(5.0, r.x()[499], 0.0);
        assertEquals(11, r.alphas().length);
        assertEquals(0.3, r.alphas()[3], 0.0);
        int i = 123;
        double xi = r.x()[i];
        double p = Math.exp(-0.5 * (xi + 2) * (xi + 2)) / Math.sqrt(2 * Math.PI);
        double q = Math.exp(-0.5 * (xi - 2) * (xi - 2) / 4) / Math.sqrt(2 * Math.PI * 4);
        assertEquals(p, r.pDensity()[i], 1e-15);
        assertEquals(q, r.qDensity()[i], 1e-15);
        assertEquals(0.5 * (p + q), r.mixture()[i], 1e-15);
        assertEquals(r.pDensity()[i], r.geometric()[0][i], 1e-15);
        assertEquals(r.qDensity()[i], r.geometric()[10][i], 1e-15);
        CurveTable t = r.toTable();
        assertEquals(4 + 11 + 2, t.columns().size());
        assertEquals("G_0.5", t.columns().get(4 + 5));
        assertEquals("gjs_integrand_0.5", t.columns().get(16));
        assertEquals(500, t.rowCount());
        assertEquals(r.geometric()[5][i], t.value(i, "G_0.5"), 0.0);
    }

    @Test
    void validation() {
        assertThrows(IllegalArgumentException.class, () -> new Gaussian1d(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Gaussian1d(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> GaussianTeaching.PAPER_P.geometricMean(GaussianTeaching.PAPER_Q, 1.1));
        assertThrows(IllegalArgumentException.class, () -> GaussianTeaching.compute(GaussianTeaching.PAPER_P,
                GaussianTeaching.PAPER_Q, new double[]{0, 1}, new double[]{2}, 0.5));
    }
}
