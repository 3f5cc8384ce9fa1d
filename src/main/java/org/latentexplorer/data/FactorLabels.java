package org.latentexplorer.data;

import java.util.List;

/**
 * Ground-truth generative factors of a data set's examples, with the semantics of dSprites'
 * {@code latents_classes} (integer class index of each factor) and {@code latents_values} (the
 * factor's value). Invariant: {@code names()}, {@code classes(i)} and {@code values(i)} all have
 * the same length and column order, for every example index i of the data set they belong to.
 */
public interface FactorLabels {
    /** Factor names in column order, e.g. [color, shape, scale, orientation, posX, posY]. */
    List<String> names();

    /**
     * The class index of each factor for example {@code index} (a fresh array).
     *
     * @throws IndexOutOfBoundsException if index is not an example of the data set
     */
    int[] classes(int index);

    /**
     * The value of each factor for example {@code index} (a fresh array).
     *
     * @throws IndexOutOfBoundsException if index is not an example of the data set
     */
    double[] values(int index);
}
