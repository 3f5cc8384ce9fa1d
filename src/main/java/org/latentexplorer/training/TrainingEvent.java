package org.latentexplorer.training;

/**
 * One event of a {@link Trainer}'s run, as delivered to a {@link TrainingListener} and queued by
 * {@link TrainingJob} for a UI to drain: {@link TrainingEvents.Started}, {@link TrainingEvents.Step} or
 * {@link TrainingEvents.Epoch}. Immutable values; the set is closed, so consumers handle every kind.
 */
public sealed interface TrainingEvent permits TrainingEvents.Started, TrainingEvents.Step, TrainingEvents.Epoch {
}
