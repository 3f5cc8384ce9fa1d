/**
 * Latent Explorer: variational autoencoders with the skew geometric Jensen–Shannon divergence (Deasy, Simidjievski
 * &amp; Liò, NeurIPS 2020) — training, evaluation, latent traversals and α curves, as a library with a command line
 * ({@code cli}) and a desktop app ({@code app}). {@link org.latentexplorer.Launcher} is the jar's entry point: it chooses
 * the ND4J native build, then opens the app (no arguments) or runs a command.
 *
 * <p>The packages and the one-way flow data → training → model file → decoder → render → views are drawn in
 * {@code docs/architecture.md}; the method they implement is written down in {@code docs/method.md}.
 * {@code ArchitectureRulesTest} enforces the allowed dependencies.
 */
package org.latentexplorer;
