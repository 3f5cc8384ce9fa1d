package org.latentexplorer.data;

import java.util.Optional;

/**
 * A finite, indexed set of square greyscale images with values in [0, 1]. Reading is cheap per
 * call and needs no preloading of the whole set. Implementations are safe for use by one thread
 * at a time; {@link Batches} reads from a single background thread.
 */
public interface Dataset {
    /** A short human-readable description naming the source, e.g. {@code dsprites (procedural)}. */
    String description();

    /** Number of examples. */
    int size();

    int height();

    int width();

    /**
     * Copies image {@code index} as H·W floats in [0, 1], row-major (row r, column c at
     * {@code offset + r·W + c}).
     *
     * @throws IndexOutOfBoundsException if index is not in [0, size)
     */
    void read(int index, float[] dst, int offset);

    /** The generative factors of each example, where the data set has them (dSprites). */
    default Optional<FactorLabels> factors() {
        return Optional.empty();
    }
}
