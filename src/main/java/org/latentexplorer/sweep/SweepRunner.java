package org.latentexplorer.sweep;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.latentexplorer.backend.Environments;
import org.latentexplorer.common.BuildInfo;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.data.Batches;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.DatasetSpec;
import org.latentexplorer.data.Split;
import org.latentexplorer.evaluation.MigEvaluation;
import org.latentexplorer.evaluation.ReconstructionError;
import org.latentexplorer.model.EpochRecord;
import org.latentexplorer.model.ModelFile;
import org.latentexplorer.model.ModelIdentity;
import org.latentexplorer.model.ModelManifest;
import org.latentexplorer.model.VaeModel;
import org.latentexplorer.training.Cancellation;
import org.latentexplorer.training.Trainer;
import org.latentexplorer.training.TrainingConfig;
import org.latentexplorer.training.TrainingEvents;
import org.latentexplorer.training.TrainingListener;

/**
 * Runs a sweep's configurations in its folder (docs/method.md §9): each with the project's {@link Trainer} (a fresh
 * run, or {@link Trainer#resume} from the run's checkpoint), then evaluated into {@code result.json}. Finished runs
 * (a valid result whose model has the SHA-256 it records) are skipped; a damaged run is started again and said so; a
 * run killed mid-way resumes from its last epoch's checkpoint. Up to {@code jobs} runs train at once, each on its
 * own thread with its own graph. Progress goes to a {@link Progress} as {@link SweepEvent}s, from the job threads.
 */
public final class SweepRunner {
    /** Receives the sweep's events; called from several threads, so implementations synchronise. */
    @FunctionalInterface
    public interface Progress {
        void event(SweepEvent e);
    }

    /** What an invocation did: runs skipped as finished, runs trained or evaluated now, runs that failed. */
    public record Summary(int skipped, int completed, List<String> failures, double seconds) {
    }

    /** Shortest interval between step progress lines of one run, in ns. */
    private static final long STEP_LINE_INTERVAL = 20_000_000_000L;

    private final SweepSpec spec;
    private final SweepFolder folder;
    private final int jobs;
    private final Progress progress;
    private final int migExamples;
    private final Cancellation cancellation = new Cancellation();

    public SweepRunner(SweepSpec spec, SweepFolder folder, int jobs, Progress progress) {
        this(spec, folder, jobs, MigEvaluation.DEFAULT_EXAMPLES, progress);
    }

    /**
     * Checks a per-run MIG sample size as {@code sweep run} and {@code sweep jobs} take it: 0 (no MIG) or at least 2.
     *
     * @return {@code migExamples}
     * @throws UserInputException otherwise
     */
    public static int checkMigExamples(int migExamples) {
        if (migExamples != 0 && migExamples < 2) {
            throw new UserInputException("--mig-examples must be 0 (no MIG) or at least 2, got " + migExamples);
        }
        return migExamples;
    }

    /**
     * A runner that computes each finished run's MIG on {@code migExamples} examples where the data set has
     * ground-truth factors (docs/method.md §5.1); 0 skips the MIG.
     */
    public SweepRunner(SweepSpec spec, SweepFolder folder, int jobs, int migExamples, Progress progress) {
        this.migExamples = checkMigExamples(migExamples);
        if (jobs < 1) {
            throw new UserInputException("--jobs must be >= 1, got " + jobs);
        }
        this.spec = spec;
        this.folder = folder;
        this.jobs = jobs;
        this.progress = progress;
    }

    /** Stops every run before its next step; checkpoints already written stay. */
    public void cancel() {
        cancellation.cancel();
    }

    /** The plan every run follows on this sweep's data set (opens the training split to learn its size). */
    public RunPlan plan() {
        return RunPlan.of(spec, DatasetSpec.parse(spec.dataset()).open(Split.TRAIN).size());
    }

    /**
     * Runs {@code runs} (all of the spec's, or one chosen with {@code --only}).
     *
     * @throws UserInputException after the other runs finished, if any run failed (naming each)
     */
    public Summary run(List<SweepRun> runs) {
        long start = System.nanoTime();
        RunPlan plan = plan();
        progress.event(SweepEvent.sweepWide(SweepEvent.Kind.STARTED, String.format(Locale.ROOT,
                "sweep %s: %d runs on %s, %s each, batch %d, lr %s, D=%d, %s; %d at once -> %s", spec.name(), runs.size(),
                spec.dataset(), plan.describe(), spec.batch(), spec.lr(), spec.latents(), spec.recon().cliName(), jobs,
                folder.dir())));
        List<SweepRun> todo = new ArrayList<>();
        long remaining = 0;
        int skipped = 0;
        for (SweepRun r : runs) {
            SweepFolder.Status s = folder.status(r.name());
            switch (s.state()) {
                case FINISHED -> {
                    skipped++;
                    progress.event(SweepEvent.about(SweepEvent.Kind.SKIPPED, r.name(), "",
                            r.name() + ": finished earlier (result.json and model SHA-256 match), skipped"));
                }
                case DAMAGED -> {
                    progress.event(SweepEvent.about(SweepEvent.Kind.DAMAGED, r.name(), s.reason(),
                            r.name() + ": damaged, re-running it: " + s.reason()));
                    folder.log(r.name(), "re-run: " + s.reason());
                    folder.clear(r.name());
                    todo.add(r);
                    remaining += plan.imagesSeen();
                }
                case PARTIAL -> {
                    todo.add(r);
                    remaining += Math.max(0, plan.imagesSeen() - completedEpochs(r) * (long) plan.examples());
                }
                case NEW -> {
                    todo.add(r);
                    remaining += plan.imagesSeen();
                }
            }
        }
        Eta eta = new Eta(remaining, todo.size(), runs.size() - todo.size());
        List<String> failures = new ArrayList<>();
        AtomicInteger completed = new AtomicInteger();
        if (!todo.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, todo.size()), r -> {
                Thread t = new Thread(r, "sweep-job");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (SweepRun r : todo) {
                    futures.add(pool.submit(() -> {
                        if (cancellation.isCancelled()) {
                            return;
                        }
                        try {
                            if (runOne(r, plan, eta)) {
                                completed.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            String message = r.name() + ": failed: " + e.getMessage();
                            synchronized (failures) {
                                failures.add(message);
                            }
                            progress.event(SweepEvent.about(SweepEvent.Kind.FAILED, r.name(), String.valueOf(e.getMessage()),
                                    message));
                            safeLog(r.name(), "failed: " + e.getMessage());
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (InterruptedException e) {
                        cancellation.cancel();
                        Thread.currentThread().interrupt();
                    } catch (ExecutionException e) {
                        throw new IllegalStateException(e.getCause());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        progress.event(SweepEvent.sweepWide(SweepEvent.Kind.DONE, String.format(Locale.ROOT,
                "sweep %s: %d of %d runs finished now, %d skipped as finished, %d failed; %s", spec.name(), completed.get(),
                runs.size(), skipped, failures.size(), Eta.duration(seconds))));
        if (!failures.isEmpty()) {
            throw new UserInputException(failures.size() + " of " + runs.size() + " runs failed (the others are kept): "
                    + String.join("; ", failures));
        }
        return new Summary(skipped, completed.get(), List.copyOf(failures), seconds);
    }

    private int completedEpochs(SweepRun r) {
        try {
            return ModelFile.read(folder.model(r.name())).manifest().epochsCompleted();
        } catch (UserInputException e) {
            return 0;
        }
    }

    /** Trains (or resumes) and evaluates one run; false when cancelled before it finished. */
    private boolean runOne(SweepRun run, RunPlan plan, Eta eta) {
        String name = run.name();
        Path model = folder.model(name);
        TrainingConfig config = spec.config(run, plan);
        Trainer trainer = null;
        int done = 0;
        if (java.nio.file.Files.exists(model)) {
            ModelFile.Contents contents;
            try {
                contents = ModelFile.read(model);
                requireSameRun(model, contents.manifest(), config);
            } catch (UserInputException e) {
                progress.event(SweepEvent.about(SweepEvent.Kind.RESTARTED, name, e.getMessage(),
                        name + ": its checkpoint is unusable, re-running it from the start: " + e.getMessage()));
                folder.log(name, "re-run from the start: " + e.getMessage());
                folder.clear(name);
                contents = null;
            }
            if (contents != null) {
                done = contents.manifest().epochsCompleted();
                if (done < plan.epochs()) {
                    progress.event(new SweepEvent(SweepEvent.Kind.RESUMED, name, done, plan.epochs(), Double.NaN, "", "",
                            name + ": resuming after epoch " + done + " of " + plan.epochs()));
                    folder.log(name, "resumed after epoch " + done + " of " + plan.epochs() + " (" + Instant.now() + ")");
                    trainer = Trainer.resume(model, contents, plan.epochs(), 0);
                } else {
                    progress.event(new SweepEvent(SweepEvent.Kind.EVALUATING, name, done, plan.epochs(), Double.NaN, "", "",
                            name + ": trained earlier (" + done + (done == 1 ? " epoch" : " epochs") + "), evaluating"));
                }
            }
        }
        if (trainer == null && done < plan.epochs()) {
            folder.log(name, "started " + config.divergence().describe() + " lambda=" + config.lambda() + " seed="
                    + config.seed() + ", " + plan.describe() + " (" + Instant.now() + ")");
            trainer = Trainer.fresh(config, config.openData());
        }
        if (trainer != null) {
            trainer.run(model, listener(name, eta), cancellation);
            if (cancellation.isCancelled()) {
                return false;
            }
        }
        eta.runTrained();
        RunResult result = evaluate(run, plan, model);
        RunResultJson.write(folder.result(name), result);
        String line = String.format(Locale.ROOT, "%s: finished, reconstruction %.4f on %s (%d examples)%s%s; %s", name,
                result.evaluation().reconstruction(), result.evaluation().split(), result.evaluation().examples(),
                result.evaluation().klLoss1() == null ? "" : String.format(Locale.ROOT, ", kl_loss1 %.4f kl_loss2 %.4f",
                        result.evaluation().klLoss1(), result.evaluation().klLoss2()),
                result.mig() == null ? "" : String.format(Locale.ROOT, ", MIG %.4f (%d examples)", result.mig().value(),
                        result.mig().examples()), eta.describe());
        progress.event(new SweepEvent(SweepEvent.Kind.FINISHED, name, 0, 0, Double.NaN, eta.left(), "", line));
        folder.log(name, line);
        return true;
    }

    /** A checkpoint must be this run's: same divergence, λ, seed, batch, data and latent size. */
    private static void requireSameRun(Path model, ModelManifest m, TrainingConfig c) {
        var p = m.provenance();
        boolean same = m.divergence().equals(c.divergence()) && m.lambda() == c.lambda() && p.seed() == c.seed()
                && p.batchSize() == c.batchSize() && p.dataset().equals(c.dataset()) && p.limit() == c.limit()
                && m.architecture().latents() == c.latents() && m.reconstruction() == c.reconstruction()
                && p.learningRate() == c.learningRate();
        if (!same) {
            throw UserInputException.forFile(model, "holds another configuration (" + m.describe() + ")");
        }
    }

    private TrainingListener listener(String name, Eta eta) {
        return new TrainingListener() {
            private long lastLine = System.nanoTime();
            private long runStart = System.nanoTime();
            private long runImages;

            @Override
            public void started(TrainingEvents.Started e) {
                runStart = System.nanoTime();
                runImages = 0;
            }

            @Override
            public void step(TrainingEvents.Step e) {
                eta.add(e.batchImages());
                runImages += e.batchImages();
                long now = System.nanoTime();
                if (now - lastLine >= STEP_LINE_INTERVAL) {
                    lastLine = now;
                    double rate = runImages / ((now - runStart) / 1e9);
                    progress.event(new SweepEvent(SweepEvent.Kind.STEP, name, e.epoch(), e.epochs(), rate, eta.left(), "",
                            String.format(Locale.ROOT, "%s: epoch %d/%d step %d/%d, %.0f img/s; %s", name, e.epoch(),
                                    e.epochs(), e.step(), e.stepsPerEpoch(), rate, eta.describe())));
                }
            }

            @Override
            public void epoch(TrainingEvents.Epoch e) {
                lastLine = System.nanoTime();
                EpochRecord r = e.record();
                String line = String.format(Locale.ROOT, "%s: epoch %d/%d, loss %.4f rec %.4f div %.4f, %.0f img/s; %s", name,
                        r.epoch(), e.epochs(), r.loss(), r.recLoss(), r.divergence(), e.imagesPerSecond(), eta.describe());
                progress.event(new SweepEvent(SweepEvent.Kind.EPOCH, name, r.epoch(), e.epochs(), e.imagesPerSecond(),
                        eta.left(), "", line));
                safeLog(name, line);
            }
        };
    }

    private void safeLog(String name, String line) {
        try {
            folder.log(name, line);
        } catch (UserInputException e) {
            progress.event(SweepEvent.sweepWide(SweepEvent.Kind.WARNING, "warning: " + e.getMessage()));
        }
    }

    /**
     * Evaluates a run's model file (docs/method.md §5, §9.3): on the test split where the data set has one
     * (MNIST, Fashion), else on the run's own training examples (its limit and subset; the whole set without a
     * limit). Where the data set has ground-truth factors (dSprites) it also computes the MIG (§5.1) on
     * {@code migExamples} examples drawn from the whole set with the run's seed.
     */
    RunResult evaluate(SweepRun run, RunPlan plan, Path model) {
        String sha = ModelIdentity.sha256(model);
        VaeModel m = VaeModel.load(model);
        DatasetSpec ds = DatasetSpec.parse(spec.dataset());
        boolean test = hasTestSplit(ds);
        Dataset data = test ? ds.open(Split.TEST) : spec.subset().apply(ds.open(Split.TRAIN), plan.limit());
        long start = System.nanoTime();
        ReconstructionError.Result r = ReconstructionError.evaluate(m, data, Batches.EVAL_BATCH_SIZE, run.seed(), f -> { },
                cancellation::isCancelled);
        RunResult.MigScore mig = null;
        Dataset all = ds.open(Split.TRAIN);
        if (migExamples > 0 && all.factors().isPresent()) {
            try {
                mig = RunResult.MigScore.of(MigEvaluation.evaluate(m, all, migExamples, run.seed(), f -> { },
                        cancellation::isCancelled));
            } catch (UserInputException e) {
                if (cancellation.isCancelled()) {
                    throw e;
                }
                // e.g. a latent size of 1: the run's Table 2 result stands, its MIG is recorded as null
                progress.event(SweepEvent.about(SweepEvent.Kind.WARNING, run.name(), "no MIG: " + e.getMessage(),
                        run.name() + ": no MIG: " + e.getMessage()));
                safeLog(run.name(), "no MIG: " + e.getMessage());
            }
        }
        double evalSeconds = (System.nanoTime() - start) / 1e9;
        ModelManifest mf = m.manifest();
        var p = mf.provenance();
        double trainSeconds = 0;
        long imagesSeen = 0;
        for (EpochRecord e : mf.history()) {
            trainSeconds += e.seconds();
            imagesSeen += e.images();
        }
        boolean skew = run.divergence().kind().isSkewJs();
        RunResult.Training training = new RunResult.Training(p.dataset(), p.datasetIdentity(), p.limit(), p.subset(),
                plan.examples(), mf.epochsCompleted(), imagesSeen, p.batchSize(), p.learningRate(), mf.architecture().latents(),
                mf.reconstruction().cliName(), trainSeconds);
        RunResult.Evaluation evaluation = new RunResult.Evaluation(data.description(), test ? "test" : "train",
                r.examples(), r.batches(), r.recLoss(), r.loss(), r.divergence(), r.loss() - r.recLoss(),
                skew ? r.kl1() : null, skew ? r.kl2() : null, evalSeconds);
        var kind = run.divergence().kind();
        return new RunResult(run.name(), run.label(), spec.name(), kind.cliName(),
                kind.isSkewJs() ? run.divergence().alpha() : null,
                kind == org.latentexplorer.divergence.DivergenceKind.BETA ? run.divergence().beta() : null, run.lambda(),
                run.seed(), training, spec.budget().describe(), evaluation, SweepFolder.MODEL, sha,
                trainSeconds + evalSeconds, Instant.now().toString(), BuildInfo.software(),
                Environments.current().describe(), mig);
    }

    /** Whether a data set has a separate test split (MNIST and Fashion-MNIST; docs/method.md §5). */
    static boolean hasTestSplit(DatasetSpec ds) {
        return ds.kind() == DatasetSpec.Kind.MNIST || ds.kind() == DatasetSpec.Kind.FASHION_MNIST;
    }

    /** The sweep's estimated time left, from the images trained so far in this invocation. */
    static final class Eta {
        private final long total;
        private final int runs;
        private final AtomicLong done = new AtomicLong();
        private final AtomicInteger runsTrained;
        private final int runsBefore;
        private final long start = System.nanoTime();

        Eta(long totalImages, int runsToDo, int runsBefore) {
            this.total = totalImages;
            this.runs = runsToDo + runsBefore;
            this.runsBefore = runsBefore;
            this.runsTrained = new AtomicInteger();
        }

        void add(long images) {
            done.addAndGet(images);
        }

        void runTrained() {
            runsTrained.incrementAndGet();
        }

        /** The time left in words ("2h31m"), or "" before the first images. */
        String left() {
            long d = done.get();
            double elapsed = (System.nanoTime() - start) / 1e9;
            return d == 0 || elapsed <= 0 ? "" : duration(Math.max(0, total - d) / (d / elapsed));
        }

        String describe() {
            long d = done.get();
            double elapsed = (System.nanoTime() - start) / 1e9;
            String runsPart = "sweep " + (runsBefore + runsTrained.get()) + "/" + runs + " runs trained";
            if (d == 0 || elapsed <= 0) {
                return runsPart;
            }
            double rate = d / elapsed;
            return String.format(Locale.ROOT, "%s, %.0f img/s in all, ETA %s", runsPart, rate,
                    duration(Math.max(0, total - d) / rate));
        }

        static String duration(double seconds) {
            long s = Math.round(seconds);
            if (s < 60) {
                return s + "s";
            }
            if (s < 3600) {
                return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
            }
            return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
        }
    }
}
