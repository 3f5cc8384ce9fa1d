/**
 * Data sets: procedural dSprites, the dSprites npz, MNIST and Fashion-MNIST (IDX), image folders (Chairs), named by a
 * {@link org.latentexplorer.data.DatasetSpec}; views (limits, spread subsets), mini-batches with read-ahead
 * ({@link org.latentexplorer.data.Batches}, also the evaluation batch size), downloads, the one image-size check a
 * model and a data set must pass ({@link org.latentexplorer.data.Datasets#requireImageSize}) and the identity of what a
 * spec names, for provenance ({@link org.latentexplorer.data.DatasetIdentity}).
 *
 * <p>Implements docs/method.md §7 (dSprites' procedural geometry), the data sets and splits of §4 and §5.
 * Depends on: {@code common} only — no models, ND4J or UI.
 */
package org.latentexplorer.data;
