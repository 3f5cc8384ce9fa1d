/**
 * JFreeChart charts of numbers computed elsewhere: divergences against α, the loss breakdown and reconstruction
 * curves of sweeps, and the Fig. 1 teaching panels of two Gaussians
 * ({@link org.latentexplorer.render.chart.GaussianTeaching} computes their densities and integrands; the divergences
 * come from {@code divergence.TwoGaussians}).
 *
 * <p>Implements docs/method.md §6.1 and §6.3 (the figures' conventions). Depends on: {@code common},
 * {@code divergence}, {@code evaluation} (the curves it draws), {@code render.export} (curve tables), JFreeChart.
 */
package org.latentexplorer.render.chart;
