package org.latentexplorer.divergence;

import org.latentexplorer.common.UserInputException;

/**
 * Double-precision evaluation of the per-dimension divergences (docs/method.md §1) for one posterior or a
 * batch, reduced as in §2: per-sample per-dimension closed form, batch mean per dimension, then
 * a sum over dimensions. Everything here delegates to {@link ClosedForms}, the one definition.
 */
public final class Divergences {
    private Divergences() {
    }

    /**
     * Per-dimension values, batch-averaged. {@code kl1}/{@code kl2} are the two unweighted KL terms
     * of a JS composition (NaN for divergences without them).
     */
    public record PerDimension(double[] value, double[] kl1, double[] kl2) {
        public double total() {
            return sum(value);
        }

        public double kl1Total() {
            return sum(kl1);
        }

        public double kl2Total() {
            return sum(kl2);
        }

        public int dimensions() {
            return value.length;
        }
    }

    /** One term of {@code spec} at (μ, log σ²) in double precision. */
    public static ClosedForms.Terms<Double> terms(DivergenceSpec spec, double mu, double logvar) {
        return ClosedForms.perDimension(DoubleArithmetic.INSTANCE, spec, mu, logvar);
    }

    /**
     * The smallest σ accepted by {@link #value}: the closed forms use exp(−log σ²), which overflows
     * double precision below about 1.5e-154.
     */
    public static final double MIN_SIGMA = 1e-150;

    /** The divergence of q = N(μ, diag σ²) from p = N(0, I): the sum over dimensions. */
    public static double value(DivergenceSpec spec, double[] mu, double[] sigma) {
        checkSameLength(mu, sigma);
        double total = 0;
        for (int d = 0; d < mu.length; d++) {
            if (!(sigma[d] > 0) || Double.isInfinite(sigma[d])) {
                throw new UserInputException("sigma must be finite and > 0, got " + sigma[d] + " in dimension " + d);
            }
            if (sigma[d] < MIN_SIGMA || sigma[d] > 1 / MIN_SIGMA) {
                throw new UserInputException("sigma must be within [" + MIN_SIGMA + ", " + 1 / MIN_SIGMA + "], got " + sigma[d]
                        + " in dimension " + d + " (its variance 1/σ² would overflow double precision)");
            }
            if (!Double.isFinite(mu[d])) {
                throw new UserInputException("mu must be finite, got " + mu[d] + " in dimension " + d);
            }
            total += terms(spec, mu[d], 2.0 * Math.log(sigma[d])).value();
        }
        return total;
    }

    /**
     * Batch-averaged per-dimension values for a batch of posteriors given as {@code n×D} row-major
     * arrays of means and log-variances.
     */
    public static PerDimension perDimension(DivergenceSpec spec, float[] mu, float[] logvar, int n, int latents) {
        if (n <= 0 || latents <= 0) {
            throw new IllegalArgumentException("per-dimension values need at least one posterior and one dimension, got n="
                    + n + ", D=" + latents);
        }
        if (mu.length != (long) n * latents || logvar.length != mu.length) {
            throw new IllegalArgumentException("expected " + n + "×" + latents + " means and log-variances");
        }
        double[] value = new double[latents];
        double[] kl1 = new double[latents];
        double[] kl2 = new double[latents];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < latents; d++) {
                ClosedForms.Terms<Double> t = terms(spec, mu[i * latents + d], logvar[i * latents + d]);
                value[d] += t.value();
                kl1[d] += t.kl1() == null ? Double.NaN : t.kl1();
                kl2[d] += t.kl2() == null ? Double.NaN : t.kl2();
            }
        }
        for (int d = 0; d < latents; d++) {
            value[d] /= n;
            kl1[d] /= n;
            kl2[d] /= n;
        }
        return new PerDimension(value, kl1, kl2);
    }

    static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static void checkSameLength(double[] mu, double[] sigma) {
        if (mu.length == 0) {
            throw new UserInputException("at least one dimension is needed (mu is empty)");
        }
        if (mu.length != sigma.length) {
            throw new UserInputException("mu has " + mu.length + " values but sigma has " + sigma.length
                    + "; give one sigma per dimension");
        }
    }
}
