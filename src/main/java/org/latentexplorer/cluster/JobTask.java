package org.latentexplorer.cluster;

import java.io.PrintWriter;
import java.net.InetAddress;
import org.apache.spark.api.java.function.Function;
import org.latentexplorer.backend.NativeBuild;
import org.latentexplorer.cli.LatentExplorerCommand;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Spark task body: runs one {@link Job}'s command line in the executor's JVM with ND4J limited to
 * {@code threads} threads, capturing the tail of its output. Never throws: whatever the command does, the
 * task reports a {@link JobResult} (a Throwable escaping the command line is exit code 1), so Spark does not
 * retry a job that failed on its own terms.
 */
final class JobTask implements Function<Job, JobResult> {
    private static final long serialVersionUID = 1L;
    /** Characters of each stream kept: enough for the last lines, bounded for long trainings. */
    private static final int TAIL = 16 * 1024;

    private static final Object LOCK = new Object();
    private static int running;
    private static int originalThreads;
    private static int originalMasterThreads;

    private final int threads;

    JobTask(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads per task must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public JobResult call(Job job) {
        long start = System.nanoTime();
        TailWriter out = new TailWriter(TAIL);
        TailWriter err = new TailWriter(TAIL);
        int code;
        limitThreads();
        try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
            code = LatentExplorerCommand.run(o, e, job.argv());
        } catch (Throwable t) {
            char[] line = ("internal error: " + t + "\n").toCharArray();
            err.write(line, 0, line.length);
            code = LatentExplorerCommand.EXIT_INTERNAL_ERROR;
        } finally {
            restoreThreads();
        }
        return new JobResult(job, code, out.lastLine(), err.lastLine(), host(), (System.nanoTime() - start) / 1e9);
    }

    /** Tasks of one executor share its JVM: the first to start remembers ND4J's settings, the last to end restores them. */
    private void limitThreads() {
        NativeBuild.select(); // before ND4J loads, as the command line itself does
        synchronized (LOCK) {
            if (running++ == 0) {
                originalThreads = Nd4j.getEnvironment().maxThreads();
                originalMasterThreads = Nd4j.getEnvironment().maxMasterThreads();
            }
            Nd4j.getEnvironment().setMaxThreads(threads);
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
        }
    }

    private static void restoreThreads() {
        synchronized (LOCK) {
            if (--running == 0) {
                Nd4j.getEnvironment().setMaxThreads(originalThreads);
                Nd4j.getEnvironment().setMaxMasterThreads(originalMasterThreads);
            }
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown host";
        }
    }
}
