package org.latentexplorer.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar redrawn with carriage returns, shown only when a terminal is attached
 * (never in pipes, files or CI logs). Redraws at most ten times a second.
 */
final class ProgressBar {
    private final PrintWriter err;
    private final boolean enabled;
    private long lastDraw;
    private int lastWidth;

    ProgressBar(PrintWriter err) {
        this(err, System.console() != null);
    }

    ProgressBar(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    void update(double fraction, String label) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L && fraction < 1.0) {
            return;
        }
        lastDraw = now;
        int width = 30;
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * width);
        String line = "[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + String.format("%5.1f%% ", 100 * fraction) + label;
        err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        err.flush();
        lastWidth = line.length();
    }

    void clear() {
        if (enabled && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
            lastWidth = 0;
        }
    }
}
