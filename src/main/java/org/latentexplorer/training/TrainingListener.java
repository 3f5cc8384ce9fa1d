package org.latentexplorer.training;

/**
 * Receives a trainer's events on the training thread. Implementations must return quickly (the
 * app hands events to the FX thread; the CLI prints). All methods default to doing nothing.
 */
public interface TrainingListener {
    default void started(TrainingEvents.Started event) {
    }

    default void step(TrainingEvents.Step event) {
    }

    default void epoch(TrainingEvents.Epoch event) {
    }

    /** A listener that forwards to several. */
    static TrainingListener all(TrainingListener... listeners) {
        return new TrainingListener() {
            @Override
            public void started(TrainingEvents.Started e) {
                for (TrainingListener l : listeners) {
                    l.started(e);
                }
            }

            @Override
            public void step(TrainingEvents.Step e) {
                for (TrainingListener l : listeners) {
                    l.step(e);
                }
            }

            @Override
            public void epoch(TrainingEvents.Epoch e) {
                for (TrainingListener l : listeners) {
                    l.epoch(e);
                }
            }
        };
    }
}
