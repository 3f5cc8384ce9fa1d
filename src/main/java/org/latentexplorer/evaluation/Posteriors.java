package org.latentexplorer.evaluation;

import java.util.Objects;
import org.latentexplorer.data.Batches;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.Datasets;
import org.latentexplorer.latent.PosteriorBatch;
import org.latentexplorer.model.VaeModel;

/**
 * Encodes a data set (or a limited view of it) under a model: the posteriors q(z|x) = N(μ, diag exp(logvar))
 * of every example, in eval mode, in unshuffled batches of {@link Batches#EVAL_BATCH_SIZE}. Runs on the
 * calling thread, which must own the model's graphs (see {@link VaeModel}).
 */
public final class Posteriors {
    private Posteriors() {
    }

    /**
     * Encodes every example of {@code data} in order.
     *
     * @throws org.latentexplorer.common.UserInputException if the images do not have the model's size
     */
    public static PosteriorBatch encode(VaeModel model, Dataset data) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(data, "data");
        int size = model.architecture().imageSize();
        Datasets.requireImageSize(data, size);
        int n = data.size();
        int d = model.latentSize();
        int pixels = size * size;
        int batch = Batches.EVAL_BATCH_SIZE;
        float[] encoded = new float[n * 2 * d];
        for (int start = 0; start < n; start += batch) {
            int count = Math.min(batch, n - start);
            float[] images = new float[count * pixels];
            for (int i = 0; i < count; i++) {
                data.read(start + i, images, i * pixels);
            }
            // the encoder's n×2D layout (D means, then D log-variances per example) is PosteriorBatch's own
            System.arraycopy(model.encode(images, count), 0, encoded, start * 2 * d, count * 2 * d);
        }
        return new PosteriorBatch(encoded, n);
    }
}
