package org.latentexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * While training runs, a shutdown hook that says, when the JVM is stopped (SIGTERM, Ctrl-C), which
 * checkpoint is the last good one: "stopped; last checkpoint: epoch N in FILE". Closing it removes
 * the hook.
 */
final class StopNotice implements AutoCloseable {
    private final PrintWriter err;
    private final Thread hook;
    private volatile Path file;
    private volatile int epoch;

    /**
     * @param file  the checkpoint training starts from (the --resume file), or the output file
     * @param epoch the epochs that file holds (0: none written yet)
     */
    StopNotice(PrintWriter err, Path file, int epoch) {
        this.err = err;
        this.file = file;
        this.epoch = epoch;
        this.hook = new Thread(() -> {
            err.println(message());
            err.flush();
        }, "stop-notice");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Records a checkpoint just written. */
    void saved(Path checkpoint, int epochs) {
        this.file = checkpoint;
        this.epoch = epochs;
    }

    String message() {
        return epoch == 0 ? "stopped; no checkpoint was written yet (" + file + " is unchanged)"
                : "stopped; last checkpoint: epoch " + epoch + " in " + file;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException stopping) {
            // the JVM is already stopping: the hook runs
        }
    }
}
