/**
 * Rendering, in three packages that each do one job: {@link org.latentexplorer.render.traversal} plans and lays out
 * tile grids of decoded latent vectors (traversals, interpolation strips), {@link org.latentexplorer.render.chart}
 * draws charts of numbers computed elsewhere, and {@link org.latentexplorer.render.export} writes files (PNG, GIF,
 * SVG, CSV) with provenance. No rendering code imports ND4J or the model: decoders come through the {@code latent}
 * seam. This package itself holds no classes.
 */
package org.latentexplorer.render;
