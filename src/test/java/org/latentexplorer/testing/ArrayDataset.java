package org.latentexplorer.testing;

import org.latentexplorer.data.Dataset;

/** A small in-memory data set for tests: n square images held in one array. */
public final class ArrayDataset implements Dataset {
    private final float[] pixels;
    private final int n;
    private final int size;

    public ArrayDataset(float[] pixels, int n, int size) {
        if (pixels.length != n * size * size) {
            throw new IllegalArgumentException("pixels do not hold " + n + " images of " + size + "x" + size);
        }
        this.pixels = pixels;
        this.n = n;
        this.size = size;
    }

    /** n images with a bright square whose position depends on the index: learnable structure. */
    public static ArrayDataset squares(int n, int size) {
        float[] p = new float[n * size * size];
        int side = size / 4;
        for (int i = 0; i < n; i++) {
            int r0 = (i * 7) % (size - side);
            int c0 = (i * 3) % (size - side);
            for (int r = r0; r < r0 + side; r++) {
                for (int c = c0; c < c0 + side; c++) {
                    p[i * size * size + r * size + c] = 1f;
                }
            }
        }
        return new ArrayDataset(p, n, size);
    }

    @Override
    public String description() {
        return "test images (" + n + " of " + size + "x" + size + ")";
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public int height() {
        return size;
    }

    @Override
    public int width() {
        return size;
    }

    @Override
    public void read(int index, float[] dst, int offset) {
        System.arraycopy(pixels, index * size * size, dst, offset, size * size);
    }
}
