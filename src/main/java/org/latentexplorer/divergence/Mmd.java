package org.latentexplorer.divergence;

/**
 * MMD exactly as the paper's code computes it (docs/method.md §1.9): points are the encoder outputs
 * {@code concat(μ, log σ²)} (dimension 2D), compared with prior samples from N(0, I_{2D}) under the kernel
 * {@code k(a,b) = exp(−‖a−b‖²/dim²)}, with the biased V-statistic
 * {@code mean(K_XX) + mean(K_ZZ) − 2·mean(K_XZ)} (diagonals included, no square root).
 * Written once over {@link KernelArithmetic}: in double precision here, as float SameDiff ops in the training
 * graph; tests compare the two.
 */
public final class Mmd {
    /** Number of prior samples drawn per call in the paper's code. */
    public static final int PRIOR_SAMPLES = 200;

    private Mmd() {
    }

    /**
     * The statistic in any arithmetic.
     *
     * @param points n×dim points (μ then log σ² per row)
     * @param prior  m×dim prior samples
     * @param dim    the points' dimension, 2D
     */
    public static <T> T value(KernelArithmetic<T> a, T points, T prior, int dim) {
        T priorPrior = meanKernel(a, prior, prior, dim);
        T pointsPoints = meanKernel(a, points, points, dim);
        T priorPoints = meanKernel(a, prior, points, dim);
        return a.sub(a.add(priorPrior, pointsPoints), a.scale(priorPoints, 2.0));
    }

    /** mean over all pairs of k(a_i, b_j) = exp(−‖a_i − b_j‖²/dim²). */
    static <T> T meanKernel(KernelArithmetic<T> a, T x, T y, int dim) {
        return a.mean(a.exp(a.scale(a.squaredDistances(x, y), -1.0 / ((double) dim * dim))));
    }

    /**
     * In double precision.
     *
     * @param z     {@code n×dim} row-major points (μ then log σ² per row)
     * @param prior {@code m×dim} row-major prior samples
     */
    public static double value(float[] z, int n, float[] prior, int m, int dim) {
        DoubleMatrixArithmetic a = DoubleMatrixArithmetic.INSTANCE;
        return value(a, DoubleMatrixArithmetic.Matrix.of(z, n, dim), DoubleMatrixArithmetic.Matrix.of(prior, m, dim), dim)
                .scalar();
    }
}
