/**
 * The seam between the model and everything that uses latent vectors: {@link org.latentexplorer.latent.LatentDecoder}
 * (latent batch in, image batch out) and {@link org.latentexplorer.latent.LatentEncoder}, which the model implements,
 * and the posteriors they produce ({@link org.latentexplorer.latent.Posterior},
 * {@link org.latentexplorer.latent.PosteriorBatch}, the one posterior-batch type). Rendering and evaluation code that
 * takes these interfaces is tested with analytic decoders, without ND4J.
 *
 * <p>Implements the encoder output layout of docs/method.md §3 (D means, then D log-variances per example). Depends on:
 * nothing of the project.
 */
package org.latentexplorer.latent;
