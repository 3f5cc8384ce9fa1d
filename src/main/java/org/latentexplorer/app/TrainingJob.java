package org.latentexplorer.app;

import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.DatasetSpec;
import org.latentexplorer.data.Split;
import org.latentexplorer.data.Subset;
import org.latentexplorer.model.ModelFile;
import org.latentexplorer.model.Provenance;
import org.latentexplorer.model.VaeModel;
import org.latentexplorer.training.Cancellation;
import org.latentexplorer.training.Trainer;
import org.latentexplorer.training.TrainingConfig;
import org.latentexplorer.training.TrainingEvents;
import org.latentexplorer.training.TrainingListener;

/**
 * One training run, independent of the toolkit: opens the data, runs {@link Trainer} on the calling
 * thread (which owns the graph) and queues the trainer's events for the UI to drain at its own pace.
 * Pause blocks the training thread between steps (inside the step event, the only place the
 * trainer hands over control; the listener contract's "return quickly" is broken on purpose while
 * paused); cancel stops it before the next step.
 */
public final class TrainingJob {
    private volatile TrainingConfig config;
    private final Path checkpoint;
    private final Path resumeFrom;
    private final int totalEpochs;
    private final Cancellation cancellation = new Cancellation();
    private final PauseGate gate = new PauseGate();
    private final Queue<Object> events = new ConcurrentLinkedQueue<>();
    private volatile Dataset data;

    public TrainingJob(TrainingConfig config, Path checkpoint) {
        this(config, checkpoint, null, 0);
    }

    private TrainingJob(TrainingConfig config, Path checkpoint, Path resumeFrom, int totalEpochs) {
        this.config = config;
        this.checkpoint = checkpoint;
        this.resumeFrom = resumeFrom;
        this.totalEpochs = totalEpochs;
    }

    /**
     * Continues the checkpoint {@code from} (with its own settings and data set) up to {@code totalEpochs},
     * writing the new checkpoints to {@code checkpoint}; {@code from} is left as it is.
     */
    public static TrainingJob resume(Path from, int totalEpochs, Path checkpoint) {
        return new TrainingJob(null, checkpoint, from, totalEpochs);
    }

    /** The file a resumed job continues from (null for a fresh run). */
    public Path resumeFrom() {
        return resumeFrom;
    }

    /** The run's settings; for a resumed job, known once {@link #run()} has read the checkpoint. */
    public TrainingConfig config() {
        return config;
    }

    /** The file the trainer rewrites (atomically) after every epoch. */
    public Path checkpoint() {
        return checkpoint;
    }

    /** The opened training data (null before {@link #run()} opened it). */
    public Dataset data() {
        return data;
    }

    /** Trains; returns the model after the last completed epoch, or null if cancelled before one. */
    public VaeModel run() {
        Trainer trainer;
        if (resumeFrom != null) {
            ModelFile.Contents contents = ModelFile.read(resumeFrom);
            Trainer.requireTrainable(resumeFrom, contents.manifest());
            Provenance p = contents.manifest().provenance();
            data = open(p.dataset(), p.limit(), Subset.fromCliName(p.subset()));
            trainer = Trainer.resume(resumeFrom, contents, data, totalEpochs);
            config = trainer.config();
        } else {
            data = open(config.dataset(), config.limit(), config.subset());
            trainer = Trainer.fresh(config, data);
        }
        TrainingListener listener = new TrainingListener() {
            @Override
            public void started(TrainingEvents.Started e) {
                events.add(e);
            }

            @Override
            public void step(TrainingEvents.Step e) {
                events.add(e);
                try {
                    gate.await(cancellation);
                } catch (InterruptedException ex) {
                    cancellation.cancel();
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void epoch(TrainingEvents.Epoch e) {
                events.add(e);
            }
        };
        return trainer.run(checkpoint, listener, cancellation);
    }

    private static Dataset open(String spec, int limit, Subset subset) {
        return subset.apply(DatasetSpec.parse(spec).open(Split.TRAIN), limit);
    }

    /** Queues an event as if the trainer had sent it (for tests of the consumers). */
    void offer(Object event) {
        events.add(event);
    }

    /** The next undelivered trainer event, or null. */
    public Object pollEvent() {
        return events.poll();
    }

    public void pause() {
        gate.pause();
    }

    public void resume() {
        gate.resume();
    }

    public boolean isPaused() {
        return gate.isPaused();
    }

    public void cancel() {
        cancellation.cancel();
        gate.resume();
    }

    public boolean isCancelled() {
        return cancellation.isCancelled();
    }
}
