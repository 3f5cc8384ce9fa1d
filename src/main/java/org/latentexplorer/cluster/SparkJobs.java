package org.latentexplorer.cluster;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.latentexplorer.common.UserInputException;

/**
 * Runs this project's command lines on an Apache Spark cluster, one Spark task per {@link Job}:
 * <pre>
 * spark-submit --class org.latentexplorer.cluster.SparkJobs target/latent-explorer.jar \
 *     [--threads-per-task N] [--connect-timeout S] [--master URL] (JOBS_FILE… | --job "ARGS"…)
 * </pre>
 * Each task runs {@code latent-explorer ARGS} in its executor's JVM (see {@link JobTask}); the driver prints one line
 * per job (name, exit code, host, time, last output line) and a summary. Exit codes: 0 when every job succeeded;
 * otherwise 1 if any job ended with an internal failure (1), else 2; 2 as well for bad options, a bad jobs file, or
 * a master that cannot be reached or started (one line on standard error, no job started).
 *
 * <p>Threads: each task limits ND4J to {@code --threads-per-task} threads (default {@code spark.task.cpus}, i.e. an
 * executor's cores divided by the tasks it runs at once), and executors are started with
 * {@code OMP_NUM_THREADS} set to the same number unless {@code spark.executorEnv.OMP_NUM_THREADS} is given.
 */
public final class SparkJobs {
    /** How long the standalone-master check waits for a connection, by default. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final String USAGE = "usage: spark-submit --class org.latentexplorer.cluster.SparkJobs latent-explorer.jar "
            + "[--threads-per-task N] [--connect-timeout SECONDS] [--master URL] (JOBS_FILE... | --job \"ARGS\"...)";

    private SparkJobs() {
    }

    /** The entry point for {@code spark-submit}: exits with {@link #run(String[], PrintWriter, PrintWriter)}'s code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Parses the options, runs the jobs and reports them; returns the exit code (never calls System.exit).
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (UserInputException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options.help) {
            out.println(USAGE);
            return 0;
        }
        List<JobResult> results;
        try {
            results = runJobs(options.master, options.jobs, options.threadsPerTask, options.connectTimeout);
        } catch (UserInputException e) {
            err.println("error: " + oneLine(e.getMessage()));
            return 2;
        }
        return report(results, out, err);
    }

    /**
     * Runs {@code jobs} on a Spark context made for them (from {@code spark-submit}'s settings; {@code master}, when
     * not null, overrides {@code spark.master}) and stops it; returns the results in job order.
     *
     * @param threadsPerTask ND4J threads of each task; 0 means {@code spark.task.cpus}
     * @throws UserInputException if the master cannot be reached or Spark cannot start (nothing was run then)
     */
    public static List<JobResult> runJobs(String master, List<Job> jobs, int threadsPerTask, Duration connectTimeout) {
        if (jobs.isEmpty()) {
            throw new UserInputException("no job to run");
        }
        if (threadsPerTask < 0) {
            throw new UserInputException("--threads-per-task must be at least 1, got " + threadsPerTask);
        }
        SparkConf conf = new SparkConf().setAppName("latent-explorer: " + jobs.size() + " jobs");
        if (master != null) {
            conf.setMaster(master);
        }
        String effectiveMaster = conf.get("spark.master", null);
        if (effectiveMaster == null) {
            throw new UserInputException("no Spark master: run through spark-submit (--master URL) or pass --master URL");
        }
        MasterCheck.requireReachable(effectiveMaster, connectTimeout);
        int threads = threadsPerTask > 0 ? threadsPerTask : Math.max(1, conf.getInt("spark.task.cpus", 1));
        if (!conf.contains("spark.executorEnv.OMP_NUM_THREADS")) {
            conf.set("spark.executorEnv.OMP_NUM_THREADS", Integer.toString(threads));
        }
        JavaSparkContext sc;
        try {
            sc = new JavaSparkContext(conf);
        } catch (RuntimeException e) {
            throw new UserInputException("cannot start Spark with master " + effectiveMaster + ": " + e.getMessage());
        }
        try {
            return runJobs(sc, jobs, threads);
        } finally {
            sc.stop();
        }
    }

    /**
     * Runs {@code jobs} on an existing context, one partition and so one task per job, each with ND4J limited to
     * {@code threadsPerTask} threads; returns the results in job order.
     */
    public static List<JobResult> runJobs(JavaSparkContext sc, List<Job> jobs, int threadsPerTask) {
        return new ArrayList<>(sc.parallelize(new ArrayList<>(jobs), jobs.size()).map(new JobTask(threadsPerTask)).collect());
    }

    /** Prints one line per result and a summary; returns the exit code described in the class comment. */
    static int report(List<JobResult> results, PrintWriter out, PrintWriter err) {
        int failed = 0;
        boolean internal = false;
        for (JobResult r : results) {
            out.println(r.describe());
            if (!r.succeeded()) {
                failed++;
                internal |= r.exitCode() != 2;
            }
        }
        if (failed == 0) {
            out.printf(Locale.ROOT, "%d of %d jobs succeeded%n", results.size(), results.size());
            return 0;
        }
        JobResult first = results.stream().filter(r -> !r.succeeded()).findFirst().orElseThrow();
        err.printf(Locale.ROOT, "error: %d of %d jobs failed; first: %s (%s) exit %d: %s%n", failed, results.size(),
                first.job().name(), first.job().commandLine(), first.exitCode(),
                first.lastErrorLine().isEmpty() ? first.lastLine() : first.lastErrorLine());
        return internal ? 1 : 2;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** The parsed command line of {@link #run}. */
    static final class Options {
        String master;
        int threadsPerTask;
        Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        boolean help;
        final List<Job> jobs = new ArrayList<>();

        static Options parse(String[] args) {
            Options o = new Options();
            List<List<String>> commands = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--help", "-h" -> o.help = true;
                    case "--master" -> o.master = value(args, ++i, a);
                    case "--threads-per-task" -> o.threadsPerTask = positive(value(args, ++i, a), a);
                    case "--connect-timeout" -> o.connectTimeout = Duration.ofSeconds(positive(value(args, ++i, a), a));
                    case "--job" -> {
                        String line = value(args, ++i, a);
                        try {
                            List<String> command = JobsFile.split(line);
                            if (command.isEmpty()) {
                                throw new IllegalArgumentException("empty command line");
                            }
                            commands.add(command);
                        } catch (IllegalArgumentException e) {
                            throw new UserInputException("--job: " + e.getMessage());
                        }
                    }
                    default -> {
                        if (a.startsWith("-")) {
                            throw new UserInputException("unknown option " + a);
                        }
                        JobsFile.read(Path.of(a)).forEach(j -> commands.add(j.args()));
                    }
                }
            }
            for (List<String> command : commands) {
                o.jobs.add(new Job("job " + (o.jobs.size() + 1), command));
            }
            if (o.jobs.isEmpty() && !o.help) {
                throw new UserInputException("no job given: name a jobs file or use --job \"ARGS\"");
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new UserInputException(option + " needs a value");
            }
            return args[i];
        }

        private static int positive(String text, String option) {
            try {
                int v = Integer.parseInt(text.trim());
                if (v >= 1) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UserInputException(option + " must be a whole number of at least 1, got '" + text + "'");
        }
    }
}
