package org.latentexplorer.training;

import org.latentexplorer.common.UserInputException;
import org.latentexplorer.data.Subset;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.model.Reconstruction;

/**
 * Everything that determines a training run. Invalid values cannot be constructed; the same values
 * are written into the model file's manifest.
 *
 * @param dataset        data set spec (e.g. {@code dsprites}, {@code mnist:DIR})
 * @param limit          use only N examples (0 = all)
 * @param subset         which N examples: the first, or spread evenly over the data set
 * @param divergence     the regulariser and its α/β
 * @param lambda         weight λ of the divergence in {@code REC + λ·DIV}
 * @param reconstruction MSE (default, §h-6) or Bernoulli
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
