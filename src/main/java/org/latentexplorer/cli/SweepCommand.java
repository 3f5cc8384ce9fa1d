package org.latentexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.latentexplorer.backend.NativeThreads;
import org.latentexplorer.sweep.SweepFolder;
import org.latentexplorer.sweep.SweepRun;
import org.latentexplorer.sweep.SweepRunner;
import org.latentexplorer.sweep.SweepSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sweep}: many runs from one definition (docs/method.md §9) — run them, list them, report on them. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Sweeps: the runs of a preset (table2, alpha-grid, lambda-grid, beta-grid) or a sweep file, "
                + "resumable, evaluated, and reported as Table 2 and the paper's figures.",
        subcommands = {SweepCommand.Run.class, SweepCommand.ListRuns.class, SweepCommand.Jobs.class, SweepReportCommand.class})
final class SweepCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code sweep run}. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Trains and evaluates every run of a sweep in DIR (DIR/sweep.json, DIR/runs/NAME/{model.zip,log.txt,result.json}).",
                    "Run it again to continue: finished runs are skipped, unfinished ones resume from their last epoch, damaged ones start again."},
            footer = {"", "Example: sweep run table2 --dataset dsprites --images 4096 --dir d && sweep report d --out r"})
    static final class Run implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        SweepOptions definition;

        @Option(names = "--dir", required = true, description = "the sweep folder")
        Path dir;

        @Option(names = "--jobs", defaultValue = "1", description = "runs trained at once; ND4J's threads are split among them (default ${DEFAULT-VALUE})")
        int jobs;

        @Option(names = "--only", description = "run only this configuration (a name from 'sweep list')")
        String only;

        @Option(names = "--mig-examples", defaultValue = "10000", paramLabel = "N",
                description = "on data with ground-truth factors (dsprites): each finished run's MIG on N examples drawn "
                        + "with the run's seed, into result.json; 0 skips it (default ${DEFAULT-VALUE})")
        int migExamples;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            SweepSpec s = definition.build();
            if (jobs < 1) {
                throw new org.latentexplorer.common.UserInputException("--jobs must be >= 1, got " + jobs);
            }
            SweepRunner.checkMigExamples(migExamples); // before the folder is made: a refused run writes nothing
            List<SweepRun> runs = only != null ? List.of(s.run(only)) : s.runs();
            SweepFolder folder = SweepFolder.open(dir, s);
            if (jobs > 1) {
                int threads = NativeThreads.limit(NativeThreads.perJob(jobs));
                out.println("--jobs " + jobs + ": ND4J native threads per process limited to " + threads);
            }
            SweepRunner runner = new SweepRunner(s, folder, jobs, migExamples, e -> {
                synchronized (out) {
                    out.println(e.text());
                    out.flush();
                }
            });
            runner.run(runs);
            out.println("results: " + dir.resolve("runs") + "/*/result.json; report: sweep report " + dir + " --out DIR");
            return 0;
        }
    }

    /** {@code sweep jobs}: the sweep as a jobs file of {@code org.latentexplorer.cluster.SparkJobs}. */
    @Command(name = "jobs", mixinStandardHelpOptions = true,
            description = {"Prints one 'sweep run SPEC --dir DIR --only NAME [options]' line per run, paths made absolute: "
                    + "a jobs file for the Spark runner (README, 'Sweeps on a Spark cluster'), one Spark task per run.",
                    "The runs share DIR (on a file system every node sees); the first to start writes DIR/sweep.json."},
            footer = {"", "Example: sweep jobs table2 --images 4096 --dir /shared/d > jobs.txt"})
    static final class Jobs implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        SweepOptions definition;

        @Option(names = "--dir", required = true, description = "the sweep folder, shared by every node")
        Path dir;

        @Option(names = "--mig-examples", paramLabel = "N", description = "passed on to each 'sweep run' (see there)")
        Integer migExamples;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            SweepSpec s = definition.build();
            if (migExamples != null) {
                SweepRunner.checkMigExamples(migExamples);
            }
            List<SweepRun> runs = s.runs();
            out.println("# sweep " + s.name() + ": " + runs.size() + " runs in " + dir.toAbsolutePath().normalize()
                    + "; run with SparkJobs, then: sweep report " + dir.toAbsolutePath().normalize() + " --out DIR");
            for (SweepRun r : runs) {
                List<String> args = new java.util.ArrayList<>(List.of("sweep", "run"));
                args.addAll(definition.givenArgs());
                args.addAll(List.of("--dir", dir.toAbsolutePath().normalize().toString(), "--only", r.name()));
                if (migExamples != null) {
                    args.addAll(List.of("--mig-examples", migExamples.toString()));
                }
                out.println(JobsLine.of(args));
            }
            return 0;
        }
    }

    /** {@code sweep list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Prints the run names of a sweep, one per line (for --only and scripts), after a header line starting with '#'.")
    static final class ListRuns implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        SweepOptions definition;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            SweepSpec s = definition.build();
            List<SweepRun> runs = s.runs();
            out.println("# sweep " + s.name() + ": " + runs.size() + " runs on " + s.dataset() + ", " + s.budget().describe()
                    + " each, batch " + s.batch() + ", lr " + s.lr() + ", D=" + s.latents() + ", " + s.recon().cliName()
                    + (s.limit() > 0 ? ", limit " + s.limit() + " (" + s.subset().cliName() + ")" : ""));
            for (SweepRun r : runs) {
                out.println(r.name());
            }
            return 0;
        }
    }

}
