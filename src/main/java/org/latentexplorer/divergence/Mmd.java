package org.latentexplorer.divergence;

/**
 * MMD exactly as the paper's code computes it (spec §a.9), in double precision: points are the
 * encoder outputs {@code concat(μ, log σ²)} (dimension 2D), compared with prior samples from
 * N(0, I_{2D}) under the kernel {@code k(a,b) = exp(−‖a−b‖²/dim²)}, with the biased V-statistic
 * {@code mean(K_XX) + mean(K_ZZ) − 2·mean(K_XZ)} (diagonals included, no square root).
 * The training graph computes the same statistic in SameDiff; tests compare the two.
 */
public final class Mmd {
    /** Number of prior samples drawn per call in the paper's code. */
    public static final int PRIOR_SAMPLES = 200;

    private Mmd() {
    }

    /**
     * @param z     {@code n×dim} row-major points (μ then log σ² per row)
     * @param prior {@code m×dim} row-major prior samples
     */
    public static double value(float[] z, int n, float[] prior, int m, int dim) {
        return meanKernel(prior, m, prior, m, dim) + meanKernel(z, n, z, n, dim) - 2.0 * meanKernel(prior, m, z, n, dim);
    }

    static double meanKernel(float[] a, int na, float[] b, int nb, int dim) {
        double denominator = (double) dim * dim;
        double sum = 0;
        for (int i = 0; i < na; i++) {
            for (int j = 0; j < nb; j++) {
                double sq = 0;
                for (int k = 0; k < dim; k++) {
                    double diff = (double) a[i * dim + k] - b[j * dim + k];
                    sq += diff * diff;
                }
                sum += Math.exp(-sq / denominator);
            }
        }
        return sum / ((double) na * nb);
    }
}
