package org.latentexplorer.app;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import org.latentexplorer.sweep.SweepEvent;
import org.latentexplorer.sweep.SweepFolder;
import org.latentexplorer.sweep.SweepRunner;
import org.latentexplorer.sweep.SweepSpec;

/**
 * Runs a sweep in its folder on one background thread with the sweep's own {@link SweepRunner}: opening the folder
 * (refused when it holds another sweep), skipping finished runs and resuming unfinished ones. Progress events are
 * handed to the FX thread. {@link #stopSafely()} asks the runner to stop before its next step, so the task then ends
 * normally with the last epoch's checkpoint on disk; the task is never interrupted mid-write.
 */
final class SweepService extends Service<SweepRunner.Summary> {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sweep");
        t.setDaemon(true);
        return t;
    });
    private SweepSpec spec;
    private Path dir;
    private Consumer<SweepEvent> events = e -> { };
    private volatile SweepRunner runner;
    private volatile boolean stopRequested;

    SweepService() {
        setExecutor(thread);
    }

    /** The sweep to run next, its folder and who receives its events (on the FX thread). */
    void sweep(SweepSpec s, Path folder, Consumer<SweepEvent> onEvent) {
        spec = s;
        dir = folder;
        events = onEvent;
    }

    /** Whether a stop was asked for in the current run. */
    boolean stopRequested() {
        return stopRequested;
    }

    /** Stops the sweep before its next training step; what is written stays, and Run resumes it. */
    void stopSafely() {
        stopRequested = true;
        SweepRunner r = runner;
        if (r != null) {
            r.cancel();
        }
    }

    @Override
    protected Task<SweepRunner.Summary> createTask() {
        SweepSpec s = spec;
        Path d = dir;
        Consumer<SweepEvent> out = events;
        stopRequested = false;
        runner = null;
        return new Task<>() {
            @Override
            protected SweepRunner.Summary call() {
                SweepFolder folder = SweepFolder.open(d, s);
                SweepRunner r = new SweepRunner(s, folder, 1, e -> Platform.runLater(() -> out.accept(e)));
                runner = r;
                if (stopRequested) {
                    r.cancel();
                }
                return r.run(s.runs());
            }
        };
    }

    void shutdown() {
        stopSafely();
        thread.shutdown();
    }
}
