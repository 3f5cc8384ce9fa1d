package org.latentexplorer.render.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.latentexplorer.divergence.Gaussian1d;
import org.latentexplorer.divergence.TwoGaussians;
import org.latentexplorer.evaluation.DivergenceCurves;
import org.latentexplorer.render.export.CurveTable;

/**
 * The numbers behind the paper's Fig. 1, computed correctly with variances (docs/method.md §6 caveat, §8.12):
 * two 1-D Gaussians p and q on a grid of x, their arithmetic mixture ½(p+q), the normalised geometric
 * means G_α ∝ p^(1−α)·q^α (weight α on q, the paper's α′ convention of §1.5, so G_0 = p and G_1 = q),
 * and the point-wise integrands of the arithmetic JS and the skew geometric JS.
 * <p>
 * Integrands: JS(x) = ½p·ln(p/M) + ½q·ln(q/M) with M = ½(p+q); G-JS_α(x) = (1−α)·q·ln(q/G_α) +
 * α·p·ln(p/G_α), i.e. the integrand of JS^{Gα′}(q‖p) = (1−α)KL(q‖G′_α) + αKL(p‖G′_α) of §1.5; at α = ½ it is
 * symmetric in p and q. Each integrates to the divergence, and 0·ln 0 is taken as 0.
 */
public final class GaussianTeaching {
    /** The figure's p = N(−2, 1) (std 1). */
    public static final Gaussian1d PAPER_P = new Gaussian1d(-2, 1);
    /** The figure's q = N(2, 4) (std 2). */
    public static final Gaussian1d PAPER_Q = new Gaussian1d(2, 4);

    private GaussianTeaching() {
    }

    /** The curves of p, q, their mixture, their geometric means at each α and the two integrands. */
    public static Result compute(Gaussian1d p, Gaussian1d q, double[] x, double[] alphas, double integrandAlpha) {
        Objects.requireNonNull(p, "p");
        Objects.requireNonNull(q, "q");
        if (x.length < 2) {
            throw new IllegalArgumentException("need at least two x values, got " + x.length);
        }
        for (double a : alphas) {
            if (!(a >= 0 && a <= 1)) {
                throw new IllegalArgumentException("alpha must lie in [0, 1], got " + a);
            }
        }
        if (!(integrandAlpha >= 0 && integrandAlpha <= 1)) {
            throw new IllegalArgumentException("alpha must lie in [0, 1], got " + integrandAlpha);
        }
        int n = x.length;
        double[] pd = new double[n];
        double[] qd = new double[n];
        double[] mix = new double[n];
        double[] js = new double[n];
        double[] gjs = new double[n];
        Gaussian1d gInt = p.geometricMean(q, integrandAlpha);
        double[][] geo = new double[alphas.length][n];
        for (int i = 0; i < n; i++) {
            pd[i] = p.density(x[i]);
            qd[i] = q.density(x[i]);
            mix[i] = 0.5 * (pd[i] + qd[i]);
            double lp = p.logDensity(x[i]);
            double lq = q.logDensity(x[i]);
            double logMix = Math.max(lp, lq) + Math.log1p(Math.exp(-Math.abs(lp - lq))) - Math.log(2);
            js[i] = 0.5 * xlogy(pd[i], lp - logMix) + 0.5 * xlogy(qd[i], lq - logMix);
            double lg = gInt.logDensity(x[i]);
            gjs[i] = (1 - integrandAlpha) * xlogy(qd[i], q.logDensity(x[i]) - lg)
                    + integrandAlpha * xlogy(pd[i], p.logDensity(x[i]) - lg);
        }
        List<Gaussian1d> means = new ArrayList<>();
        for (int a = 0; a < alphas.length; a++) {
            Gaussian1d g = p.geometricMean(q, alphas[a]);
            means.add(g);
            for (int i = 0; i < n; i++) {
                geo[a][i] = g.density(x[i]);
            }
        }
        return new Result(p, q, x.clone(), pd, qd, mix, alphas.clone(), means, geo, integrandAlpha, js, gjs);
    }

    private static double xlogy(double density, double logRatio) {
        return density == 0 ? 0 : density * logRatio;
    }

    /** One named divergence value between the two Gaussians of the teaching view. */
    public record NamedValue(String name, double value) {
    }

    /**
     * Every divergence of the paper between the two 1-D Gaussians, with q in the posterior's role and p
     * in the prior's: KL(q‖p), KL(p‖q), the paper's JS^{Gα'} and JS_*^{Gα'} (G ∝ p^(1−α) q^α) and Nielsen's
     * JS^{Gα} and JS_*^{Gα} (G ∝ p^α q^(1−α)), all with outer weights (1−α) on q and α on p, named for display;
     * the values come from {@link TwoGaussians}.
     */
    public static List<NamedValue> divergences(Gaussian1d p, Gaussian1d q, double alpha) {
        TwoGaussians.Values v = TwoGaussians.all(p, q, alpha);
        return List.of(
                new NamedValue(DivergenceCurves.KL_QP, v.klQp()),
                new NamedValue(DivergenceCurves.KL_PQ, v.klPq()),
                new NamedValue(DivergenceCurves.JS_PRIME, v.jsPrime()),
                new NamedValue(DivergenceCurves.DUAL_PRIME, v.dualPrime()),
                new NamedValue(DivergenceCurves.JS_NIELSEN, v.jsNielsen()),
                new NamedValue(DivergenceCurves.DUAL_NIELSEN, v.dualNielsen()));
    }

    /**
     * Fig. 1's curves. The arrays are shared, not copied: treat them as read-only.
     *
     * @param geometricMeans G_α for each α of {@code alphas}
     * @param geometric      density of G_α on x, one row per α
     */
    public record Result(Gaussian1d p, Gaussian1d q, double[] x, double[] pDensity, double[] qDensity, double[] mixture,
                         double[] alphas, List<Gaussian1d> geometricMeans, double[][] geometric, double integrandAlpha,
                         double[] jsIntegrand, double[] gjsIntegrand) {
        public Result {
            geometricMeans = List.copyOf(geometricMeans);
        }

        /** Columns x, p, q, mixture, G_{α} for each α (named "G_0.1" …), js_integrand, gjs_integrand. */
        public CurveTable toTable() {
            List<String> names = new ArrayList<>(List.of("x", "p", "q", "mixture"));
            List<double[]> cols = new ArrayList<>(List.of(x, pDensity, qDensity, mixture));
            for (int a = 0; a < alphas.length; a++) {
                names.add(geometricName(alphas[a]));
                cols.add(geometric[a]);
            }
            names.add("js_integrand");
            cols.add(jsIntegrand);
            names.add(String.format(Locale.ROOT, "gjs_integrand_%s", shortNumber(integrandAlpha)));
            cols.add(gjsIntegrand);
            return CurveTable.ofColumns(names, cols);
        }

        /** The name of G_α's column and series, e.g. "G_0.1". */
        public static String geometricName(double alpha) {
            return "G_" + shortNumber(alpha);
        }

        private static String shortNumber(double a) {
            String s = String.format(Locale.ROOT, "%.4f", a);
            s = s.replaceAll("0+$", "");
            return s.endsWith(".") ? s + "0" : s;
        }
    }
}
