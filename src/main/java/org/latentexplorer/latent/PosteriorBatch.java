package org.latentexplorer.latent;

import java.util.Objects;

/**
 * The posteriors of n examples, as returned by {@link LatentEncoder#encode}: n×2D row-major, for each
 * example D means then D log-variances. Immutable (the array is copied in).
 */
public final class PosteriorBatch {
    private final int n;
    private final int latentSize;
    private final float[] encoded;

    /**
     * @param encoded n×2D values laid out as {@link LatentEncoder#encode} returns them
     * @throws IllegalArgumentException if the length is not n·2D for some D ≥ 1
     */
    public PosteriorBatch(float[] encoded, int n) {
        Objects.requireNonNull(encoded, "encoded");
        if (n < 1) {
            throw new IllegalArgumentException("a posterior batch needs at least one example, got n=" + n);
        }
        if (encoded.length == 0 || encoded.length % (2 * n) != 0) {
            throw new IllegalArgumentException("encoder output of length " + encoded.length
                    + " is not n×2D for n=" + n);
        }
        this.n = n;
        this.latentSize = encoded.length / (2 * n);
        this.encoded = encoded.clone();
    }

    /** Encodes n images (n×H×W row-major) with exactly one encoder call. */
    public static PosteriorBatch encode(LatentEncoder encoder, float[] images, int n) {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(images, "images");
        if (n < 1 || images.length % n != 0) {
            throw new IllegalArgumentException(images.length + " pixel values do not split into n=" + n + " images");
        }
        return new PosteriorBatch(encoder.encode(images, n), n);
    }

    public int size() {
        return n;
    }

    public int latentSize() {
        return latentSize;
    }

    public float mean(int example, int d) {
        return encoded[example * 2 * latentSize + d];
    }

    public float logVariance(int example, int d) {
        return encoded[example * 2 * latentSize + latentSize + d];
    }

    /** All means, n×D row-major (a copy). */
    public float[] means() {
        return part(0);
    }

    /** All log-variances, n×D row-major (a copy). */
    public float[] logVariances() {
        return part(latentSize);
    }

    private float[] part(int offset) {
        float[] out = new float[n * latentSize];
        for (int i = 0; i < n; i++) {
            System.arraycopy(encoded, i * 2 * latentSize + offset, out, i * latentSize, latentSize);
        }
        return out;
    }

    /** The posterior of one example. */
    public Posterior get(int example) {
        Objects.checkIndex(example, n);
        int base = example * 2 * latentSize;
        float[] mean = java.util.Arrays.copyOfRange(encoded, base, base + latentSize);
        float[] logvar = java.util.Arrays.copyOfRange(encoded, base + latentSize, base + 2 * latentSize);
        return new Posterior(mean, logvar);
    }

    /** The smallest encoded mean of dimension d over the batch. */
    public float minMean(int d) {
        float m = Float.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.min(m, mean(i, d));
        }
        return m;
    }

    /** The largest encoded mean of dimension d over the batch. */
    public float maxMean(int d) {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, mean(i, d));
        }
        return m;
    }
}
