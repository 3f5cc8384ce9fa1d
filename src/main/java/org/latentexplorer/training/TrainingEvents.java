package org.latentexplorer.training;

import java.nio.file.Path;
import org.latentexplorer.model.EpochRecord;
import org.latentexplorer.model.VaeModel;

/** The immutable events (the kinds of {@link TrainingEvent}) a {@link Trainer} delivers to its {@link TrainingListener}. */
public final class TrainingEvents {
    private TrainingEvents() {
    }

    /** Training is about to start (or resume) at {@code firstEpoch} (1-based). */
    public record Started(TrainingConfig config, int firstEpoch, int stepsPerEpoch, int examples, long parameters)
            implements TrainingEvent {
    }

    /**
     * One optimiser step's loss components for its mini-batch (kl1/kl2 are NaN outside the JS
     * family). Steps are numbered from 1 within each epoch.
     */
    public record Step(int epoch, int epochs, int step, int stepsPerEpoch, long globalStep, int batchImages,
                       double loss, double recLoss, double divergence, double kl1, double kl2)
            implements TrainingEvent {
        /** Fraction of the whole run done after this step, in [0, 1]. */
        public double progress() {
            return ((epoch - 1) + (double) step / stepsPerEpoch) / epochs;
        }
    }

    /**
     * An epoch finished and its checkpoint was written. {@code divergencePerDimension} holds the
     * epoch's mean per-dimension divergence (empty for MMD). {@code model} is the model after this
     * epoch: its manifest and an immutable weight snapshot (what the checkpoint holds), for listeners
     * that decode with the epoch's weights. Decode it on the training thread or build another model from
     * its weights; its graphs are built lazily and belong to one thread at a time.
     */
    public record Epoch(EpochRecord record, int epochs, double imagesPerSecond, double[] divergencePerDimension,
                        Path checkpoint, VaeModel model)
            implements TrainingEvent {
    }
}
