/**
 * Evaluating a trained model on data, without the trainer: the Table 2 metric
 * ({@link org.latentexplorer.evaluation.ReconstructionError}), encoding a data sample into posteriors
 * ({@link org.latentexplorer.evaluation.Posteriors}), and the α curves of a model's posteriors
 * ({@link org.latentexplorer.evaluation.DivergenceProfile} computing
 * {@link org.latentexplorer.evaluation.DivergenceCurves}).
 *
 * <p>Implements docs/method.md §5 (eval mode, batches of 128, mean of batch means) and §6.5 (the α curves of a trained
 * model). The model runs through {@link org.latentexplorer.model.VaeModel}'s fast encoder and decoder; the losses are
 * computed in Java. Depends on: {@code common}, {@code data}, {@code divergence}, {@code latent}, {@code model} — not on
 * training or rendering.
 */
package org.latentexplorer.evaluation;
