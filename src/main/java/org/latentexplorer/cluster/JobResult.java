package org.latentexplorer.cluster;

import java.io.Serializable;

/**
 * What one {@link Job} ended with on its executor: the command line's exit code (0 success, 2 bad input, 1 internal
 * failure, as {@code latent-explorer} itself), the last non-empty line it printed to standard output and to standard
 * error ("" when none), the executor's host name and the wall time in seconds.
 */
public record JobResult(Job job, int exitCode, String lastLine, String lastErrorLine, String host, double seconds)
        implements Serializable {
    /** Whether the job succeeded (exit code 0). */
    public boolean succeeded() {
        return exitCode == 0;
    }

    /** One line for reports: name, exit code, host, time, and the last output (or error) line. */
    public String describe() {
        String line = succeeded() || lastErrorLine.isEmpty() ? lastLine : lastErrorLine;
        return String.format(java.util.Locale.ROOT, "%s: exit %d on %s after %.1f s: %s", job.name(), exitCode, host, seconds, line);
    }
}
