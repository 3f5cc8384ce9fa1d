package org.latentexplorer.evaluation;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.data.Batches;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.Datasets;
import org.latentexplorer.data.FactorLabels;
import org.latentexplorer.latent.LatentEncoder;
import org.latentexplorer.model.VaeModel;

/**
 * The {@link Mig} of an encoder on a data set with known factors: {@code examples} distinct examples drawn
 * uniformly at random (seeded; all of them, in order, when the set has no more), encoded in batches of
 * {@link Batches#EVAL_BATCH_SIZE} to their posterior means (eval mode), against the factors' class indices.
 * Runs on the calling thread, which must own the encoder (a {@link org.latentexplorer.model.VaeModel}'s graphs
 * belong to one thread).
 */
public final class MigEvaluation {
    /** disentanglement_lib's number of examples ({@code num_train}). */
    public static final int DEFAULT_EXAMPLES = 10_000;

    private MigEvaluation() {
    }

    /**
     * The MIG of a model: checks that the data set's images have the model's size, then encodes as
     * {@link #evaluate(LatentEncoder, Dataset, int, long, DoubleConsumer, BooleanSupplier)}.
     *
     * @throws UserInputException if the image sizes differ, or for the reasons of the general method
     */
    public static Mig.Result evaluate(VaeModel model, Dataset data, int examples, long seed, DoubleConsumer progress,
                                      BooleanSupplier cancelled) {
        Datasets.requireImageSize(data, model.architecture().imageSize());
        return evaluate((LatentEncoder) model, data, examples, seed, progress, cancelled);
    }

    /** {@link #evaluate(LatentEncoder, Dataset, int, long, DoubleConsumer, BooleanSupplier)} without progress or cancellation. */
    public static Mig.Result evaluate(LatentEncoder encoder, Dataset data, int examples, long seed) {
        return evaluate(encoder, data, examples, seed, p -> { }, () -> false);
    }

    /**
     * Encodes the drawn examples of {@code data} and computes their MIG with {@link Mig#DEFAULT_BINS} bins.
     *
     * @param examples  how many examples (at least 2; capped at the data set's size)
     * @param seed      seeds which examples are drawn
     * @param progress  receives the fraction encoded after each batch
     * @param cancelled checked between batches; when true, stops with a UserInputException
     * @throws UserInputException if the data set has no factors, examples is below 2, the latent size is below 2,
     *                            every factor is constant over the examples, or a code is not finite
     */
    public static Mig.Result evaluate(LatentEncoder encoder, Dataset data, int examples, long seed, DoubleConsumer progress,
                                      BooleanSupplier cancelled) {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(data, "data");
        FactorLabels factors = data.factors().orElseThrow(() -> new UserInputException("the MIG needs ground-truth factors, and "
                + data.description() + " has none (dSprites has them)"));
        if (examples < 2) {
            throw new UserInputException("the MIG needs at least 2 examples, got " + examples);
        }
        int[] indices = draw(data.size(), examples, seed);
        int n = indices.length;
        int pixels = data.height() * data.width();
        int batch = Batches.EVAL_BATCH_SIZE;
        double[][] codes = new double[n][];
        int[][] classes = new int[n][];
        for (int start = 0; start < n; start += batch) {
            if (cancelled.getAsBoolean()) {
                throw new UserInputException("MIG evaluation cancelled");
            }
            int count = Math.min(batch, n - start);
            float[] images = new float[count * pixels];
            for (int i = 0; i < count; i++) {
                data.read(indices[start + i], images, i * pixels);
                classes[start + i] = factors.classes(indices[start + i]);
            }
            float[] encoded = encoder.encode(images, count);
            int d = encoded.length / (2 * count);
            for (int i = 0; i < count; i++) {
                double[] mu = new double[d];
                for (int j = 0; j < d; j++) {
                    mu[j] = encoded[i * 2 * d + j];
                }
                codes[start + i] = mu;
            }
            progress.accept((start + count) / (double) n);
        }
        try {
            return Mig.compute(codes, classes, factors.names(), Mig.DEFAULT_BINS);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("cannot compute the MIG on " + n + " examples of " + data.description() + ": "
                    + e.getMessage());
        }
    }

    /**
     * {@code min(k, size)} distinct indices of [0, size), in ascending order: all of them when k ≥ size, else a
     * uniformly random k-subset (partial Fisher–Yates shuffle with a seeded {@link SplittableRandom}).
     */
    static int[] draw(int size, int k, long seed) {
        if (k >= size) {
            int[] all = new int[size];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] pool = new int[size];
        Arrays.setAll(pool, i -> i);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(size - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        int[] out = Arrays.copyOf(pool, k);
        Arrays.sort(out);
        return out;
    }
}
