/**
 * Sweeps: many training runs from one definition, resumable, evaluated and reported (docs/method.md §9).
 * A {@link org.latentexplorer.sweep.SweepSpec} (a preset of {@link org.latentexplorer.sweep.Presets} or a JSON file read
 * by {@link org.latentexplorer.sweep.SweepSpecJson}) expands to named {@link org.latentexplorer.sweep.SweepRun}s;
 * {@link org.latentexplorer.sweep.SweepRunner} trains each with the training package's {@code Trainer} in its run folder
 * of a {@link org.latentexplorer.sweep.SweepFolder} and evaluates it with the evaluation package's Table 2 metric into a
 * {@link org.latentexplorer.sweep.RunResult}; {@link org.latentexplorer.sweep.SweepReport} turns the result files alone
 * into Table 2 (beside {@link org.latentexplorer.sweep.PaperTable2}) and the figures of §6.3.
 *
 * <p>Implements docs/method.md §5 (the metric, through {@code evaluation}), §6.3 (the figures, drawn by
 * {@code render.chart}) and §9. Depends on: {@code backend}, {@code common}, {@code data}, {@code divergence},
 * {@code evaluation}, {@code model}, {@code training}, {@code render.chart}, {@code render.export}, Jackson and
 * JFreeChart (the chart objects it hands to the exporter) — not on the CLI or the app. Runs train on the threads of
 * the runner's pool, one graph per thread.
 */
package org.latentexplorer.sweep;
