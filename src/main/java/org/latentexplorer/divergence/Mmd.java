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
        double[] z = new double[m * dim];
        for (int i = 0; i < z.length; i++) {
            z[i] = prior[i];
        }
        double priorPrior = kernelSum(z, m, z, m, dim, c, 0.0, null);
        java.util.Arrays.fill(gradient, 0, n * dim, 0.0);
        double pointsPoints = kernelSum(points, n, points, n, dim, c, 2.0 / ((double) n * n), gradient);
        double priorPoints = kernelSum(points, n, z, m, dim, c, -2.0 / ((double) m * n), gradient);
        return priorPrior / ((double) m * m) + pointsPoints / ((double) n * n) - 2.0 * priorPoints / ((double) m * n);
    }

    /**
     * Σ_i Σ_j k(x_i, y_j) over {@code nx×dim} rows x and {@code ny×dim} rows y, with k = exp(−c·‖x_i − y_j‖²);
     * when {@code gradient} is not null, adds {@code weight}·∂k(x_i, y_j)/∂x_i to its row i.
     */
    private static double kernelSum(double[] x, int nx, double[] y, int ny, int dim, double c, double weight,
                                    double[] gradient) {
        double sum = 0;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                double s = 0;
                for (int k = 0; k < dim; k++) {
                    double d = x[i * dim + k] - y[j * dim + k];
                    s += d * d;
                }
                double kij = Math.exp(-c * s);
                sum += kij;
                if (gradient != null) {
                    double g = weight * (-2.0 * c) * kij;
                    for (int k = 0; k < dim; k++) {
                        gradient[i * dim + k] += g * (x[i * dim + k] - y[j * dim + k]);
                    }
                }
            }
        }
        return sum;
    }
}
