package org.latentexplorer.teaching;

import java.util.Random;
import org.latentexplorer.divergence.GaussianMixture2d;

/**
 * The data of the Fig 2 teaching figure: a 2-D Gaussian mixture and points drawn from it. The generator follows
 * the paper's notebook (docs/method.md §6): weights ~ Dirichlet(c·1), component variances 1/(U+1)² with
 * U ~ U(0, 1), means ~ N(0, 1.5²) per axis. It uses {@link java.util.Random} (whose sequence the Java
 * specification fixes), not numpy's generator, so seed 22 gives a different mixture from the paper's picture,
 * the same one on every machine. Immutable.
 */
public final class FitDemoData {
    /** Bandwidth of the bumps that turn clicked points into a density. */
    public static final double DRAWN_BANDWIDTH = 0.35;

    private final GaussianMixture2d mixture;
    private final double[] xs;
    private final double[] ys;
    private final String description;

    private FitDemoData(GaussianMixture2d mixture, double[] xs, double[] ys, String description) {
        this.mixture = mixture;
        this.xs = xs;
        this.ys = ys;
        this.description = description;
    }

    /** The mixture of {@code settings} and its N points. */
    public static FitDemoData generate(FitDemoSettings settings) {
        Random rng = new Random(settings.seed());
        int k = settings.components();
        double[] w = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            w[i] = gamma(rng, settings.concentration());
            sum += w[i];
        }
        if (!(sum > 0)) {
            // every gamma draw underflowed (tiny concentration): fall back to one component
            w[0] = 1;
            sum = 1;
        }
        double[] v = new double[k];
        double[] mx = new double[k];
        double[] my = new double[k];
        double total = 0;
        for (int i = 0; i < k; i++) {
            w[i] /= sum;
            total += w[i];
            double u = rng.nextDouble();
            v[i] = 1 / ((u + 1) * (u + 1));
        }
        w[0] += 1 - total;
        for (int i = 0; i < k; i++) {
            mx[i] = 1.5 * rng.nextGaussian();
            my[i] = 1.5 * rng.nextGaussian();
        }
        GaussianMixture2d m = new GaussianMixture2d(w, mx, my, v);
        double[][] pts = sample(m, settings.points(), rng);
        return new FitDemoData(m, pts[0], pts[1], String.format(java.util.Locale.ROOT,
                "mixture of %d Gaussians (Dirichlet(%s) weights, seed %d), %,d points", k, settings.concentration(), settings.seed(),
                settings.points()));
    }

    /** Clicked points, each a bump N(point, {@value #DRAWN_BANDWIDTH}²·I): the density the fits see. */
    public static FitDemoData drawn(double[] xs, double[] ys) {
        GaussianMixture2d m = GaussianMixture2d.ofPoints(xs, ys, DRAWN_BANDWIDTH);
        return new FitDemoData(m, xs.clone(), ys.clone(), xs.length + " drawn points, each a Gaussian bump of σ = "
                + DRAWN_BANDWIDTH);
    }

    /** {@code n} points from {@code m}. */
    static double[][] sample(GaussianMixture2d m, int n, Random rng) {
        double[] cumulative = new double[m.components()];
        double c = 0;
        for (int i = 0; i < cumulative.length; i++) {
            c += m.weight(i);
            cumulative[i] = c;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble() * c;
            int k = 0;
            while (k < cumulative.length - 1 && u >= cumulative[k]) {
                k++;
            }
            double s = Math.sqrt(m.variance(k));
            x[i] = m.meanX(k) + s * rng.nextGaussian();
            y[i] = m.meanY(k) + s * rng.nextGaussian();
        }
        return new double[][] {x, y};
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang, boosted by U^(1/shape) for shape < 1. */
    static double gamma(Random rng, double shape) {
        if (shape < 1) {
            return gamma(rng, shape + 1) * Math.pow(rng.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rng.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    public GaussianMixture2d mixture() {
        return mixture;
    }

    public int size() {
        return xs.length;
    }

    public double x(int i) {
        return xs[i];
    }

    public double y(int i) {
        return ys[i];
    }

    public String description() {
        return description;
    }
}
