/**
 * Files: PNG with text chunks, looping GIFs with a comment, charts as PNG or SVG, curve tables as CSV, and the GIF of
 * a traversal grid per training epoch; every file carries its provenance
 * ({@link org.latentexplorer.render.export.ExportMetadata}). Files are written atomically.
 *
 * <p>Implements no section of docs/method.md. Depends on: {@code common}, {@code latent}, {@code render.traversal},
 * JFreeChart (to draw a given chart) and JFreeSVG.
 */
package org.latentexplorer.render.export;
