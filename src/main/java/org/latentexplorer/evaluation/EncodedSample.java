package org.latentexplorer.evaluation;

import java.util.Objects;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.divergence.Divergences;
import org.latentexplorer.model.VaeModel;
import org.latentexplorer.latent.PosteriorBatch;

/**
 * The posteriors q(z|x) = N(μ, diag exp(logvar)) of every example of a data set (or a limited view of
 * it) under a model, encoded in eval mode in unshuffled batches, kept as n×D arrays. Immutable.
 */
public final class EncodedSample {
    /** Examples per encoder call. */
    public static final int BATCH_SIZE = 128;

    private final int n;
    private final int latents;
    private final float[] mu;
    private final float[] logvar;

    private EncodedSample(int n, int latents, float[] mu, float[] logvar) {
        this.n = n;
        this.latents = latents;
        this.mu = mu;
        this.logvar = logvar;
    }

    /**
     * Encodes every example of {@code data} in order.
     *
     * @throws UserInputException if the images do not have the model's size
     */
    public static EncodedSample encode(VaeModel model, Dataset data) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(data, "data");
        int size = model.architecture().imageSize();
        if (data.height() != size || data.width() != size) {
            throw new UserInputException("the model takes " + size + "x" + size + " images but " + data.description()
                    + " has " + data.width() + "x" + data.height() + " images");
        }
        int n = data.size();
        int d = model.latentSize();
        int pixels = size * size;
        float[] mu = new float[n * d];
        float[] logvar = new float[n * d];
        for (int start = 0; start < n; start += BATCH_SIZE) {
            int count = Math.min(BATCH_SIZE, n - start);
            float[] images = new float[count * pixels];
            for (int i = 0; i < count; i++) {
                data.read(start + i, images, i * pixels);
            }
            float[] encoded = model.encode(images, count);
            for (int i = 0; i < count; i++) {
                System.arraycopy(encoded, i * 2 * d, mu, (start + i) * d, d);
                System.arraycopy(encoded, i * 2 * d + d, logvar, (start + i) * d, d);
            }
        }
        return new EncodedSample(n, d, mu, logvar);
    }

    public int size() {
        return n;
    }

    public int latentSize() {
        return latents;
    }

    /** The posterior means, n×D row-major (a copy). */
    public float[] means() {
        return mu.clone();
    }

    /** The posterior log-variances, n×D row-major (a copy). */
    public float[] logVariances() {
        return logvar.clone();
    }

    /** The sample in the layout of {@link org.latentexplorer.latent.LatentEncoder#encode}, for traversal ranges. */
    public PosteriorBatch posteriors() {
        float[] encoded = new float[n * 2 * latents];
        for (int i = 0; i < n; i++) {
            System.arraycopy(mu, i * latents, encoded, i * 2 * latents, latents);
            System.arraycopy(logvar, i * latents, encoded, i * 2 * latents + latents, latents);
        }
        return new PosteriorBatch(encoded, n);
    }

    /** Per-dimension values of a closed-form divergence, averaged over the sample (spec §b's reduction). */
    public Divergences.PerDimension perDimension(DivergenceSpec spec) {
        return Divergences.perDimension(spec, mu, logvar, n, latents);
    }
}
