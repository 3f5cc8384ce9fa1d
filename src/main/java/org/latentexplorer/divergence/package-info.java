/**
 * The paper's formulas, each written once: the per-dimension closed forms of KL(q‖p), KL(p‖q), β-VAE and the four
 * skew geometric Jensen–Shannon divergences against N(0, 1) ({@link org.latentexplorer.divergence.ClosedForms}, over
 * the {@link org.latentexplorer.divergence.Arithmetic} seam so that the same definition runs in double and as float
 * SameDiff ops with gradients), the batch statistic MMD ({@link org.latentexplorer.divergence.Mmd}, over
 * {@link org.latentexplorer.divergence.KernelArithmetic}), the same divergences between two general 1-D Gaussians
 * ({@link org.latentexplorer.divergence.TwoGaussians}), their §2 reductions in double
 * ({@link org.latentexplorer.divergence.Divergences}) and grids of α.
 *
 * <p>Implements docs/method.md §1 (all of it, including the stable parameterisation of §1.11 and the reference values
 * of §1.12 that the tests check) and the per-dimension reduction of §2. Depends on: {@code common} only — no models,
 * data, ND4J or UI.
 */
package org.latentexplorer.divergence;
