package org.latentexplorer.latent;

import java.util.Arrays;
import java.util.Objects;

/**
 * One example's diagonal Gaussian posterior q(z|x) = N(μ, diag exp(logvar)). Arrays are copied in and out.
 */
public record Posterior(float[] mean, float[] logVariance) {
    public Posterior {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(logVariance, "logVariance");
        if (mean.length == 0 || mean.length != logVariance.length) {
            throw new IllegalArgumentException("posterior needs as many log-variances as means (>0), got "
                    + mean.length + " and " + logVariance.length);
        }
        mean = mean.clone();
        logVariance = logVariance.clone();
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] logVariance() {
        return logVariance.clone();
    }

    public int latentSize() {
        return mean.length;
    }

    public double mean(int d) {
        return mean[d];
    }

    /** σ_d = exp(½·logvar_d). */
    public double sigma(int d) {
        return Math.exp(0.5 * logVariance[d]);
    }

    /** Encodes one image (H×W row-major, values in [0,1]) with one encoder call. */
    public static Posterior encode(LatentEncoder encoder, float[] image) {
        return PosteriorBatch.encode(encoder, image, 1).get(0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Posterior p && Arrays.equals(mean, p.mean) && Arrays.equals(logVariance, p.logVariance);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(logVariance);
    }

    @Override
    public String toString() {
        return "Posterior[mean=" + Arrays.toString(mean) + ", logVariance=" + Arrays.toString(logVariance) + "]";
    }
}
