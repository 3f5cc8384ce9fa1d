/**
 * The VAE: the Table 3 architectures ({@link org.latentexplorer.model.Architecture}), the SameDiff graph with the loss
 * ({@link org.latentexplorer.model.VaeGraph}), immutable weight snapshots, encode/decode
 * ({@link org.latentexplorer.model.VaeModel}, which implements the {@code latent} seam), and model files: a zip of
 * weights, Adam state and a JSON manifest that records how the model was made (provenance, environment, data-set
 * identity), with a golden file per format version.
 *
 * <p>Implements docs/method.md §3 (architectures, initialisation, the interleaved encoder head), §2 (the loss in the
 * graph) and, through {@code divergence}, §1. Depends on: {@code common}, {@code divergence}, {@code latent}, ND4J,
 * Jackson — not on data sources, training, the backend doctor or UI. One graph belongs to one thread.
 */
package org.latentexplorer.model;
