package org.latentexplorer.training;

import org.latentexplorer.common.UserInputException;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.DatasetSpec;
import org.latentexplorer.data.Split;
import org.latentexplorer.data.Subset;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.model.Reconstruction;

/**
 * Everything that determines a training run. Invalid values cannot be constructed; the same values
 * are written into the model file's manifest. {@link #defaults} is the one place that knows the
 * per-data-set defaults (docs/method.md §4); the CLI and the app start from it.
 *
 * @param dataset        data set spec (e.g. {@code dsprites}, {@code mnist:DIR})
 * @param limit          use only N examples (0 = all)
 * @param subset         which N examples: the first, or spread evenly over the data set
 * @param divergence     the regulariser and its α/β
 * @param lambda         weight λ of the divergence in {@code REC + λ·DIV}
 * @param reconstruction MSE (default, §8.6) or Bernoulli
 * @param latents        latent dimension D
 * @param epochs         total epochs
 * @param batchSize      mini-batch size
 * @param learningRate   Adam's learning rate
 * @param seed           seeds initialisation, shuffling, ε and MMD's prior samples
 * @param keepEvery      also keep a copy of the checkpoint every N epochs (0 = only the latest)
 */
public record TrainingConfig(String dataset, int limit, Subset subset, DivergenceSpec divergence, double lambda,
                             Reconstruction reconstruction, int latents, int epochs, int batchSize,
                             double learningRate, long seed, int keepEvery) {
    /** A run on the first {@code limit} examples. */
    public TrainingConfig(String dataset, int limit, DivergenceSpec divergence, double lambda,
                          Reconstruction reconstruction, int latents, int epochs, int batchSize,
                          double learningRate, long seed, int keepEvery) {
        this(dataset, limit, Subset.FIRST, divergence, lambda, reconstruction, latents, epochs, batchSize, learningRate, seed,
                keepEvery);
    }

    /** Adam's learning rate in the paper's runs. */
    public static final double DEFAULT_LEARNING_RATE = 1e-4;
    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 1234;

    /**
     * A run of {@code divergence} on all of {@code dataset} with the paper's settings for that data set: its latent
     * size, epochs and batch size ({@link DatasetSpec#defaultLatents()} etc.), the divergence's default λ, MSE
     * reconstruction, learning rate {@value #DEFAULT_LEARNING_RATE}, seed {@value #DEFAULT_SEED}, no kept copies.
     * Change single settings with the {@code with…} methods.
     */
    public static TrainingConfig defaults(DatasetSpec dataset, DivergenceSpec divergence) {
        if (divergence == null) {
            throw new UserInputException("a divergence is required");
        }
        return new TrainingConfig(dataset.canonical(), 0, Subset.FIRST, divergence, divergence.kind().defaultLambda(),
                Reconstruction.MSE, dataset.defaultLatents(), dataset.defaultEpochs(), dataset.defaultBatchSize(),
                DEFAULT_LEARNING_RATE, DEFAULT_SEED, 0);
    }

    /** This run on {@code limit} examples (0 = all) chosen by {@code subset}. */
    public TrainingConfig withLimit(int limit, Subset subset) {
        return new TrainingConfig(dataset, limit, subset, divergence, lambda, reconstruction, latents, epochs, batchSize,
                learningRate, seed, keepEvery);
    }

    public TrainingConfig withLambda(double lambda) {
        return new TrainingConfig(dataset, limit, subset, divergence, lambda, reconstruction, latents, epochs, batchSize,
                learningRate, seed, keepEvery);
    }

    public TrainingConfig withReconstruction(Reconstruction reconstruction) {
        return new TrainingConfig(dataset, limit, subset, divergence, lambda, reconstruction, latents, epochs, batchSize,
                learningRate, seed, keepEvery);
    }

    public TrainingConfig withLatents(int latents) {
        return new TrainingConfig(dataset, limit, subset, divergence, lambda, reconstruction, latents, epochs, batchSize,
                learningRate, seed, keepEvery);
    }

    public TrainingConfig withEpochs(int epochs) {
        return new TrainingConfig(dataset, limit, subset, divergence, lambda, reconstruction, latents, epochs, batchSize,
                learningRate, seed, keepEvery);
    }

    public TrainingConfig withBatchSize(int batchSize) {
        return new TrainingConfig(dataset, limit, subset, divergence, lambda, reconstruction, latents, epochs, batchSize,
                learningRate, seed, keepEvery);
    }

    public TrainingConfig withLearningRate(double learningRate) {
        return new TrainingConfig(dataset, limit, subset, divergence, lambda, reconstruction, latents, epochs, batchSize,
                learningRate, seed, keepEvery);
    }

    public TrainingConfig withSeed(long seed) {
        return new TrainingConfig(dataset, limit, subset, divergence, lambda, reconstruction, latents, epochs, batchSize,
                learningRate, seed, keepEvery);
    }

    public TrainingConfig withKeepEvery(int keepEvery) {
        return new TrainingConfig(dataset, limit, subset, divergence, lambda, reconstruction, latents, epochs, batchSize,
                learningRate, seed, keepEvery);
    }

    /**
     * Opens the training split of this run's data set, keeping {@code limit} examples chosen by {@code subset}.
     *
     * @throws UserInputException if the data set cannot be read
     */
    public Dataset openData() {
        return openData(dataset, limit, subset);
    }

    /** The one way a run's training data is opened, for fresh and resumed runs alike. */
    static Dataset openData(String dataset, int limit, Subset subset) {
        return subset.apply(DatasetSpec.parse(dataset).open(Split.TRAIN), limit);
    }

    public TrainingConfig {
        subset = subset == null ? Subset.FIRST : subset;
        if (dataset == null || dataset.isBlank()) {
            throw new UserInputException("a data set is required");
        }
        if (limit < 0) {
            throw new UserInputException("limit must be >= 0, got " + limit);
        }
        if (divergence == null) {
            throw new UserInputException("a divergence is required");
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new UserInputException("lambda must be a finite number >= 0, got " + lambda);
        }
        if (reconstruction == null) {
            reconstruction = Reconstruction.MSE;
        }
        if (latents < 1 || latents > 1024) {
            throw new UserInputException("latents must be between 1 and 1024, got " + latents);
        }
        if (epochs < 1) {
            throw new UserInputException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1 || batchSize > 65536) {
            throw new UserInputException("batch size must be between 1 and 65536, got " + batchSize);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new UserInputException("learning rate must be a finite number > 0, got " + learningRate);
        }
        if (keepEvery < 0) {
            throw new UserInputException("keep-every must be >= 0, got " + keepEvery);
        }
    }
}
