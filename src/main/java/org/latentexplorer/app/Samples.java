package org.latentexplorer.app;

import org.latentexplorer.data.Dataset;

/** Picks spread-out examples of a data set (procedural dSprites is ordered by its factors). */
public final class Samples {
    private Samples() {
    }

    /** n indices spread evenly over the data set (fewer if it is smaller), deterministic. */
    public static int[] spread(Dataset data, int n) {
        int count = Math.min(n, data.size());
        int[] idx = new int[count];
        long size = data.size();
        for (int i = 0; i < count; i++) {
            // an odd multiplier walks through all factor combinations instead of one block
            idx[i] = (int) ((i * 104_729L + 7L * i * i) % size);
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
