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

    /**
     * The statistic in double precision and its gradient with respect to the points (docs/method.md §2.1).
     * With {@code k(a,b) = exp(−‖a−b‖²/dim²)}, ∂k(a,b)/∂a = −(2/dim²)·k(a,b)·(a−b), so
     * <pre>
     * ∂/∂x_i mean(K_XX)    = (2/n²)·Σ_j ∂k(x_i,x_j)/∂x_i   (x_i is the first and the second argument)
     * ∂/∂x_i (−2 mean(K_ZX)) = −(2/(mn))·Σ_p ∂k(x_i,z_p)/∂x_i
     * </pre>
     * and mean(K_ZZ) does not depend on the points.
     *
     * @param points   {@code n×dim} row-major points (μ then log σ² per row)
     * @param prior    {@code m×dim} row-major prior samples
     * @param gradient receives the {@code n×dim} gradient of the statistic
     * @return the statistic
     */
    public static double valueAndGradient(double[] points, int n, float[] prior, int m, int dim, double[] gradient) {
        double c = 1.0 / ((double) dim * dim);
        double priorPrior = 0;
        for (int p = 0; p < m; p++) {
            for (int q = 0; q < m; q++) {
                double s = 0;
                for (int k = 0; k < dim; k++) {
                    double d = prior[p * dim + k] - prior[q * dim + k];
                    s += d * d;
                }
                priorPrior += Math.exp(-c * s);
            }
        }
        java.util.Arrays.fill(gradient, 0, n * dim, 0.0);
        double pointsPoints = 0;
        double wXX = 2.0 / ((double) n * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < dim; k++) {
                    double d = points[i * dim + k] - points[j * dim + k];
                    s += d * d;
                }
                double kij = Math.exp(-c * s);
                pointsPoints += kij;
                double g = wXX * (-2.0 * c) * kij;
                for (int k = 0; k < dim; k++) {
                    gradient[i * dim + k] += g * (points[i * dim + k] - points[j * dim + k]);
                }
            }
        }
        double priorPoints = 0;
        double wZX = -2.0 / ((double) m * n);
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < m; p++) {
                double s = 0;
                for (int k = 0; k < dim; k++) {
                    double d = points[i * dim + k] - prior[p * dim + k];
                    s += d * d;
                }
                double kip = Math.exp(-c * s);
                priorPoints += kip;
                double g = wZX * (-2.0 * c) * kip;
                for (int k = 0; k < dim; k++) {
                    gradient[i * dim + k] += g * (points[i * dim + k] - prior[p * dim + k]);
                }
            }
        }
        return priorPrior / ((double) m * m) + pointsPoints / ((double) n * n) - 2.0 * priorPoints / ((double) m * n);
    }
}
