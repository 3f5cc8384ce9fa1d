package org.latentexplorer.backend;

import org.nd4j.linalg.factory.Nd4j;

/**
 * How many native threads ND4J's CPU ops use. Several trainings in one process (a sweep's {@code --jobs N}) share
 * the cores: each should use {@code cores / N}. ND4J's limit is process-wide, so it is set once, before the jobs
 * start. OpenMP inside oneDNN reads {@code OMP_NUM_THREADS} when the native library loads; it is not changed here.
 */
public final class NativeThreads {
    private NativeThreads() {
    }

    /** The threads each of {@code jobs} concurrent jobs gets: the available cores divided among them, at least 1. */
    public static int perJob(int jobs) {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, jobs));
    }

    /** Limits ND4J's native threads (its op threads and master threads) to {@code threads}; returns the value set. */
    public static int limit(int threads) {
        int t = Math.max(1, threads);
        Nd4j.getEnvironment().setMaxThreads(t);
        Nd4j.getEnvironment().setMaxMasterThreads(t);
        return t;
    }

    /** ND4J's current limit on native threads. */
    public static int current() {
        return Nd4j.getEnvironment().maxThreads();
    }
}
