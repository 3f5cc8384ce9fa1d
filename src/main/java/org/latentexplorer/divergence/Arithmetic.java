package org.latentexplorer.divergence;

/**
 * The element-wise arithmetic the closed forms are written in. Each divergence formula is written
 * once against this interface and evaluated either in double precision ({@link DoubleArithmetic})
 * or as float SameDiff ops with gradients (in the model package). Values of {@code T} are scalars
 * or arrays of identical shape; constants broadcast.
 */
public interface Arithmetic<T> {
    T constant(double value);

    T add(T a, T b);

    T sub(T a, T b);

    T mul(T a, T b);

    T div(T a, T b);

    T exp(T a);

    T log(T a);

    default T scale(T a, double factor) {
        return mul(a, constant(factor));
    }

    default T plus(T a, double b) {
        return add(a, constant(b));
    }

    default T square(T a) {
        return mul(a, a);
    }
}
