package org.latentexplorer.data;

import java.util.List;

/**
 * Ground-truth generative factors of a data set's examples (dSprites' {@code latents_classes} and
 * {@code latents_values}).
 */
public interface FactorLabels {
    /** Factor names in column order, e.g. [color, shape, scale, orientation, posX, posY]. */
    List<String> names();

    /** The class index of each factor for example {@code index}. */
    int[] classes(int index);

    /** The value of each factor for example {@code index}. */
    double[] values(int index);
}
