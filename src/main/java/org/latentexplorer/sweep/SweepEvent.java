package org.latentexplorer.sweep;

/**
 * One thing a sweep run reports while it works: what happened, to which run, and the line the command line prints
 * for it. The app reads the fields; the command line prints {@link #text()}; neither parses the other's words.
 *
 * @param kind            what happened
 * @param run             the run's name, or null for the sweep-wide lines ({@link Kind#STARTED}, {@link Kind#DONE},
 *                        {@link Kind#WARNING})
 * @param epoch           the epoch (1-based) for {@link Kind#STEP} and {@link Kind#EPOCH}; the epochs already done for
 *                        {@link Kind#RESUMED} and {@link Kind#EVALUATING}; else 0
 * @param epochs          the run's epochs where {@code epoch} is given, else 0
 * @param imagesPerSecond the run's images per second for {@link Kind#STEP} and {@link Kind#EPOCH}, else NaN
 * @param eta             the whole sweep's estimated time left in words ("1m05s"), or "" while unknown
 * @param detail          why, for {@link Kind#FAILED}, {@link Kind#DAMAGED}, {@link Kind#RESTARTED} and
 *                        {@link Kind#WARNING}; else ""
 * @param text            the whole line, as the command line prints it
 */
public record SweepEvent(Kind kind, String run, int epoch, int epochs, double imagesPerSecond, String eta, String detail,
                         String text) {
    /** The kinds of event. */
    public enum Kind {
        /** The sweep begins: its plan. */
        STARTED,
        /** A run was finished by an earlier invocation and is skipped. */
        SKIPPED,
        /** A run's folder was damaged; the run starts again. */
        DAMAGED,
        /** A run's checkpoint belongs to another configuration or cannot be read; the run starts again. */
        RESTARTED,
        /** A run continues from its last checkpoint. */
        RESUMED,
        /** A run was trained by an earlier invocation and is only evaluated now. */
        EVALUATING,
        /** Training progress within an epoch (at most one every 20 s per run). */
        STEP,
        /** An epoch ended and its checkpoint was written. */
        EPOCH,
        /** A run was trained and evaluated; its result.json is written. */
        FINISHED,
        /** A run failed; the others go on. */
        FAILED,
        /** Something to know that stops nothing (e.g. a log line that could not be written). */
        WARNING,
        /** The invocation ended: what it did. */
        DONE
    }

    /** An event that names no run and carries only its line. */
    static SweepEvent sweepWide(Kind kind, String text) {
        return new SweepEvent(kind, null, 0, 0, Double.NaN, "", kind == Kind.WARNING ? text : "", text);
    }

    /** An event about {@code run} with no epoch, rate or ETA. */
    static SweepEvent about(Kind kind, String run, String detail, String text) {
        return new SweepEvent(kind, run, 0, 0, Double.NaN, "", detail, text);
    }
}
