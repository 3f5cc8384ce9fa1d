package org.latentexplorer.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import org.latentexplorer.model.VaeModel;
import org.latentexplorer.training.TrainingJob;

/** Runs {@link TrainingJob}s on one training thread, which owns the training graph. */
final class TrainingService extends Service<VaeModel> {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "training");
        t.setDaemon(true);
        return t;
    });
    private TrainingJob job;

    TrainingService() {
        setExecutor(thread);
    }

    void job(TrainingJob j) {
        job = j;
    }

    @Override
    protected Task<VaeModel> createTask() {
        TrainingJob j = job;
        return new Task<>() {
            @Override
            protected VaeModel call() {
                return j.run();
            }

            @Override
            protected void cancelled() {
                j.cancel();
            }
        };
    }

    void shutdown() {
        if (job != null) {
            job.cancel();
        }
        thread.shutdownNow();
    }
}
