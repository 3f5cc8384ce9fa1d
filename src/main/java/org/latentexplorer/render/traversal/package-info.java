/**
 * Latent traversals and interpolations: what a grid shows ({@link org.latentexplorer.render.traversal.TraversalSpec}:
 * ranges, anchors, row order, presets), every latent vector of a grid before decoding
 * ({@link org.latentexplorer.render.traversal.TraversalPlan}), one decode call per grid, and torchvision's
 * {@code make_grid} layout with optional row labels ({@link org.latentexplorer.render.traversal.GridImage}).
 *
 * <p>Implements docs/method.md §6.4 (the traversal conventions of Figs 14–16). Depends on: {@code common} and
 * {@code latent} only — no ND4J, no model.
 */
package org.latentexplorer.render.traversal;
