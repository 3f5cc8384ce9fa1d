package org.latentexplorer.data;

import java.util.Optional;

/**
 * A finite, indexed set of square greyscale images (64×64 or 32×32) with values in [0, 1].
 * Invariants callers rely on: {@code size()}, {@code height()} and {@code width()} never change;
 * {@code height() == width()}; reading the same index always gives the same values; a read is
 * cheap (no preloading of the whole set is needed).
 *
 * <p>Threads: an implementation must support {@link #read} from one thread at a time (callers
 * that share an instance between threads must serialise their reads). {@link Batches} reads from
 * its single background thread while open. The implementations in this package happen to be
 * safe for concurrent reads as well.
 */
public interface Dataset {
    /** A short human-readable description naming the source, e.g. {@code dsprites (procedural)}. */
    String description();

    /** Number of examples (at least 1 for the data sets of this package). */
    int size();

    /** Image height in pixels (64 or 32). */
    int height();

    /** Image width in pixels, equal to the height. */
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
