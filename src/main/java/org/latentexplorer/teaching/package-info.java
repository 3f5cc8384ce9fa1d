/**
 * The teaching figures, as library code without a toolkit or ND4J: Fig 2 (an isotropic Gaussian fitted to a 2-D
 * Gaussian mixture by each divergence; {@link org.latentexplorer.teaching.FitDemoData},
 * {@link org.latentexplorer.teaching.GaussianFitter}, {@link org.latentexplorer.teaching.FitDemoFigure}), the latent
 * map (PCA of the posterior means coloured by a known factor; {@link org.latentexplorer.teaching.Pca},
 * {@link org.latentexplorer.teaching.LatentMap}) and the strip of originals above their reconstructions
 * ({@link org.latentexplorer.teaching.ReconstructionStrip}). The objectives themselves live in {@code divergence}.
 *
 * <p>Implements docs/method.md §6.1–§6.2 (Figs 1 and 2) and the reconstruction term of §2 for the strip's errors.
 * Depends on: {@code common}, {@code data}, {@code divergence}, {@code latent}, {@code model}, {@code render.chart},
 * {@code render.export}, JFreeSVG.
 */
package org.latentexplorer.teaching;
