package org.latentexplorer.divergence;

/** A one-dimensional Gaussian N(mean, variance); the second parameter is a variance, not a std. */
public record Gaussian1d(double mean, double variance) {
    public Gaussian1d {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("Gaussian mean must be finite, got " + mean);
        }
        if (!(variance > 0) || !Double.isFinite(variance)) {
            throw new IllegalArgumentException("Gaussian variance must be positive and finite, got " + variance);
        }
    }

    public double std() {
        return Math.sqrt(variance);
    }

    public double logDensity(double x) {
        double d = x - mean;
        return -0.5 * (Math.log(2 * Math.PI * variance) + d * d / variance);
    }

    public double density(double x) {
        return Math.exp(logDensity(x));
    }

    /** KL(this ‖ other) = ½[ln(v₂/v₁) + (v₁ + (m₁−m₂)²)/v₂ − 1] (docs/method.md §1.0). */
    public double klTo(Gaussian1d other) {
        double d = mean - other.mean;
        return 0.5 * (Math.log(other.variance / variance) + (variance + d * d) / other.variance - 1);
    }

    /**
     * The normalised geometric mean G ∝ p^(1−w)·q^w with p = {@code this}, weight w on q:
     * precision τ = w/v_q + (1−w)/v_p, mean (w·μ_q/v_q + (1−w)·μ_p/v_p)/τ (docs/method.md §1.0 with q the posterior).
     *
     * @throws IllegalArgumentException unless 0 ≤ w ≤ 1
     */
    public Gaussian1d geometricMean(Gaussian1d q, double w) {
        if (!(w >= 0 && w <= 1)) {
            throw new IllegalArgumentException("geometric-mean weight must lie in [0, 1], got " + w);
        }
        double tau = w / q.variance + (1 - w) / variance;
        double m = (w * q.mean / q.variance + (1 - w) * mean / variance) / tau;
        return new Gaussian1d(m, 1 / tau);
    }
}
