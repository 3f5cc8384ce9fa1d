package org.latentexplorer.divergence;

/**
 * {@link Arithmetic} over matrices (rows are points), with the two batch operations MMD needs beyond
 * element-wise arithmetic. Implemented in double precision here ({@link DoubleMatrixArithmetic}) and as float
 * SameDiff ops in the model package, so {@link Mmd#value(KernelArithmetic, Object, Object, int)} is written once.
 */
public interface KernelArithmetic<T> extends Arithmetic<T> {
    /** The n×m matrix of squared Euclidean distances ‖a_i − b_j‖² between the rows of a (n×k) and b (m×k). */
    T squaredDistances(T a, T b);

    /** The mean of all elements, as a scalar. */
    T mean(T a);
}
