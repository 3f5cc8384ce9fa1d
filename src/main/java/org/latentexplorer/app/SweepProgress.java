package org.latentexplorer.app;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the sweep runner's progress lines ({@code sweep.SweepRunner.Progress}) into what the Sweep view shows: which
 * run an event is about, its epoch, images per second and the sweep's ETA. The runner reports progress only as text
 * lines (the same the command line prints), so this adapter is the app's only knowledge of their shape; a line it
 * does not recognise is {@link Kind#OTHER} and is shown as it is.
 *
 * @param kind   what happened
 * @param run    the run's name, or null for sweep-wide lines
 * @param epoch  the epoch (1-based; for {@link Kind#RESUMED} the epochs already done), else 0
 * @param epochs the run's epochs, else 0
 * @param imagesPerSecond the run's images per second, else NaN
 * @param eta    the sweep's estimated time left in words ("1m20s"), or ""
 * @param detail the failure's message, or the whole line for {@link Kind#OTHER}
 */
record SweepProgress(Kind kind, String run, int epoch, int epochs, double imagesPerSecond, String eta, String detail) {
    /** The kinds of progress line. */
    enum Kind { STEP, EPOCH, RESUMED, FINISHED, FAILED, DAMAGED, SKIPPED, OTHER }

    private static final Pattern STEP = Pattern.compile("^(\\S+): epoch (\\d+)/(\\d+) step \\d+/\\d+, ([0-9.]+) img/s; (.*)$");
    private static final Pattern EPOCH = Pattern.compile("^(\\S+): epoch (\\d+)/(\\d+), .*?, ([0-9.]+) img/s; (.*)$");
    private static final Pattern RESUMED = Pattern.compile("^(\\S+): resuming after epoch (\\d+) of (\\d+)");
    private static final Pattern FINISHED = Pattern.compile("^(\\S+): finished, (.*)$");
    private static final Pattern FAILED = Pattern.compile("^(\\S+): failed: (.*)$");
    private static final Pattern DAMAGED = Pattern.compile("^(\\S+): damaged, re-running it: (.*)$");
    private static final Pattern SKIPPED = Pattern.compile("^(\\S+): finished earlier");
    private static final Pattern ETA = Pattern.compile("ETA (\\S+)");

    /** The meaning of one progress line. */
    static SweepProgress parse(String line) {
        Matcher m;
        if ((m = STEP.matcher(line)).find()) {
            return new SweepProgress(Kind.STEP, m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Double.parseDouble(m.group(4)), eta(m.group(5)), "");
        }
        if ((m = EPOCH.matcher(line)).find()) {
            return new SweepProgress(Kind.EPOCH, m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Double.parseDouble(m.group(4)), eta(m.group(5)), "");
        }
        if ((m = RESUMED.matcher(line)).find()) {
            return new SweepProgress(Kind.RESUMED, m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Double.NaN, "", "");
        }
        if ((m = SKIPPED.matcher(line)).find()) {
            return new SweepProgress(Kind.SKIPPED, m.group(1), 0, 0, Double.NaN, "", "");
        }
        if ((m = FINISHED.matcher(line)).find()) {
            return new SweepProgress(Kind.FINISHED, m.group(1), 0, 0, Double.NaN, eta(m.group(2)), "");
        }
        if ((m = FAILED.matcher(line)).find()) {
            return new SweepProgress(Kind.FAILED, m.group(1), 0, 0, Double.NaN, "", m.group(2));
        }
        if ((m = DAMAGED.matcher(line)).find()) {
            return new SweepProgress(Kind.DAMAGED, m.group(1), 0, 0, Double.NaN, "", m.group(2));
        }
        return new SweepProgress(Kind.OTHER, null, 0, 0, Double.NaN, "", line);
    }

    private static String eta(String tail) {
        Matcher m = ETA.matcher(tail);
        return m.find() ? m.group(1) : "";
    }
}
