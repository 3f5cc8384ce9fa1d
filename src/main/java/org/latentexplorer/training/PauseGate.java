package org.latentexplorer.training;


/** A gate the training thread passes between steps; closed while the user has paused. Thread-safe. */
public final class PauseGate {
    private boolean paused;

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    /** Blocks while paused, returning early when {@code cancellation} fires (cancel also resumes). */
    public synchronized void await(Cancellation cancellation) throws InterruptedException {
        while (paused && !cancellation.isCancelled()) {
            wait(250);
        }
    }
}
