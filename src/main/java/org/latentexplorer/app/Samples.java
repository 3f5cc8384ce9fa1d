package org.latentexplorer.app;

import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.Datasets;

/**
 * Picks spread-out examples of a data set (procedural dSprites is ordered by its factors): the same
 * examples as the command line's {@code --subset spread} ({@link Datasets#spread}), all distinct.
 */
public final class Samples {
    private Samples() {
    }

    /** n distinct indices spread evenly over the data set (all of it if it is smaller), in order, deterministic. */
    public static int[] spread(Dataset data, int n) {
        int count = Math.min(n, data.size());
        int[] idx = new int[count];
        for (int i = 0; i < count; i++) {
            idx[i] = Datasets.spreadSource(i, data.size(), count);
        }
        return idx;
    }

    /** The images at {@code indices}, n×H×W row-major. */
    public static float[] read(Dataset data, int[] indices) {
        int pixels = data.height() * data.width();
        float[] out = new float[indices.length * pixels];
        for (int i = 0; i < indices.length; i++) {
            data.read(indices[i], out, i * pixels);
        }
        return out;
    }
}
