/**
 * Training: {@link org.latentexplorer.training.TrainingConfig} (validated settings and the one place for per-data-set
 * defaults), the {@link org.latentexplorer.training.Trainer} (fresh runs and {@code resume(Path, …)}, which opens the
 * checkpoint's own data), one optimiser step ({@link org.latentexplorer.training.Step}: hand-written on libnd4j ops, or
 * the SameDiff graph that is its oracle), Adam, the sealed
 * {@link org.latentexplorer.training.TrainingEvent}s delivered to listeners, and
 * {@link org.latentexplorer.training.TrainingJob} with its pause gate: a run queued for a UI to drain, independent of
 * any toolkit. Also the benchmark.
 *
 * <p>Implements docs/method.md §4 (hyper-parameters, seeding, shuffling) and the per-step loss of §2. Depends on:
 * {@code backend} (the environment recorded in checkpoints), {@code common}, {@code data}, {@code divergence},
 * {@code latent}, {@code model}, ND4J — never on rendering or UI. The trainer runs on the calling thread, which owns
 * the graph; listeners are called on that thread.
 */
package org.latentexplorer.training;
