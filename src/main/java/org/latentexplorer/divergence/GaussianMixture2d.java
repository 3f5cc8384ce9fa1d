package org.latentexplorer.divergence;

import java.util.Arrays;

/**
 * A mixture of isotropic 2-D Gaussians, {@code p(x) = Σ_k w_k N(x; m_k, v_k I)}: the data of the Fig 2
 * teaching figure (docs/method.md §6). Invariants, checked on construction: at least one component,
 * equal-length arrays, finite means, variances {@code > 0}, weights {@code ≥ 0} summing to 1 within 1e-9.
 * Arrays are copied in and out, so an instance never changes.
 */
public final class GaussianMixture2d {
    private final double[] weight;
    private final double[] meanX;
    private final double[] meanY;
    private final double[] variance;

    public GaussianMixture2d(double[] weight, double[] meanX, double[] meanY, double[] variance) {
        int k = weight.length;
        if (k == 0) {
            throw new IllegalArgumentException("a mixture needs at least one component, got 0");
        }
        if (meanX.length != k || meanY.length != k || variance.length != k) {
            throw new IllegalArgumentException("mixture arrays differ in length: weights " + k + ", x means " + meanX.length
                    + ", y means " + meanY.length + ", variances " + variance.length);
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            if (!(weight[i] >= 0) || !Double.isFinite(weight[i])) {
                throw new IllegalArgumentException("mixture weight " + i + " must be finite and >= 0, got " + weight[i]);
            }
            if (!Double.isFinite(meanX[i]) || !Double.isFinite(meanY[i])) {
                throw new IllegalArgumentException("mixture mean " + i + " must be finite, got (" + meanX[i] + ", " + meanY[i] + ")");
            }
            if (!(variance[i] > 0) || !Double.isFinite(variance[i])) {
                throw new IllegalArgumentException("mixture variance " + i + " must be finite and > 0, got " + variance[i]);
            }
            sum += weight[i];
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("mixture weights must sum to 1, got " + sum);
        }
        this.weight = weight.clone();
        this.meanX = meanX.clone();
        this.meanY = meanY.clone();
        this.variance = variance.clone();
    }

    /** One isotropic Gaussian N((mx, my), variance·I) as a one-component mixture. */
    public static GaussianMixture2d single(double mx, double my, double variance) {
        return new GaussianMixture2d(new double[] {1}, new double[] {mx}, new double[] {my}, new double[] {variance});
    }

    /** Equal-weight bumps N(point, bandwidth²·I) at the given points: "draw your own" data as a density. */
    public static GaussianMixture2d ofPoints(double[] xs, double[] ys, double bandwidth) {
        if (xs.length != ys.length || xs.length == 0) {
            throw new IllegalArgumentException("need at least one point and as many x as y, got " + xs.length + " and " + ys.length);
        }
        if (!(bandwidth > 0)) {
            throw new IllegalArgumentException("bandwidth must be > 0, got " + bandwidth);
        }
        double[] w = new double[xs.length];
        double[] v = new double[xs.length];
        Arrays.fill(w, 1.0 / xs.length);
        Arrays.fill(v, bandwidth * bandwidth);
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        w[0] += 1 - sum;
        return new GaussianMixture2d(w, xs, ys, v);
    }

    public int components() {
        return weight.length;
    }

    public double weight(int k) {
        return weight[k];
    }

    public double meanX(int k) {
        return meanX[k];
    }

    public double meanY(int k) {
        return meanY[k];
    }

    public double variance(int k) {
        return variance[k];
    }

    /** ln p(x, y), by log-sum-exp over the components (finite everywhere). */
    public double logDensity(double x, double y) {
        double max = Double.NEGATIVE_INFINITY;
        double[] terms = new double[weight.length];
        for (int k = 0; k < weight.length; k++) {
            double dx = x - meanX[k];
            double dy = y - meanY[k];
            terms[k] = weight[k] == 0 ? Double.NEGATIVE_INFINITY
                    : Math.log(weight[k]) - Math.log(2 * Math.PI * variance[k]) - (dx * dx + dy * dy) / (2 * variance[k]);
            max = Math.max(max, terms[k]);
        }
        double s = 0;
        for (double t : terms) {
            s += Math.exp(t - max);
        }
        return max + Math.log(s);
    }

    /** The mixture's mean {x, y}: {@code Σ w_k m_k}. */
    public double[] mean() {
        double x = 0;
        double y = 0;
        for (int k = 0; k < weight.length; k++) {
            x += weight[k] * meanX[k];
            y += weight[k] * meanY[k];
        }
        return new double[] {x, y};
    }

    /** The mixture's per-axis variances {Var x, Var y}: {@code Σ w_k (v_k + m_k²) − mean²}. */
    public double[] axisVariance() {
        double[] m = mean();
        double xx = 0;
        double yy = 0;
        for (int k = 0; k < weight.length; k++) {
            xx += weight[k] * (variance[k] + meanX[k] * meanX[k]);
            yy += weight[k] * (variance[k] + meanY[k] * meanY[k]);
        }
        return new double[] {xx - m[0] * m[0], yy - m[1] * m[1]};
    }

    /** The smallest component standard deviation. */
    public double minStd() {
        double v = Double.POSITIVE_INFINITY;
        for (double x : variance) {
            v = Math.min(v, x);
        }
        return Math.sqrt(v);
    }
}
