package org.latentexplorer.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.data.DatasetSpec;
import org.latentexplorer.data.Subset;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.model.VaeModel;
import org.latentexplorer.render.traversal.GridImage;
import org.latentexplorer.render.traversal.TraversalGrid;
import org.latentexplorer.render.traversal.TraversalSpec;
import org.latentexplorer.training.TrainingConfig;
import org.latentexplorer.training.TrainingEvent;
import org.latentexplorer.training.TrainingEvents;
import org.latentexplorer.training.TrainingJob;

/**
 * The Train view's state: a validated form that becomes a {@link TrainingConfig}, and the progress
 * of the running {@link TrainingJob} as chart series, progress, ETA and a traversal preview per
 * epoch. {@link #drain()} moves queued trainer events into the series; the view calls it at most
 * once per frame on the FX thread. Background work (preview, save) goes through a {@link TaskRunner}.
 */
public final class TrainViewModel {
    /** Where the run is. */
    public enum State { IDLE, RUNNING, PAUSED, FINISHED, CANCELLED, FAILED }

    /** At most about this many points per series, however long the run: steps are averaged in strides. */
    static final int MAX_POINTS = 1500;

    public final ObjectProperty<DatasetSpec.Kind> datasetKind = new SimpleObjectProperty<>(DatasetSpec.Kind.DSPRITES);
    public final StringProperty datasetPath = new SimpleStringProperty("");
    public final ObjectProperty<DivergenceKind> divergence = new SimpleObjectProperty<>(DivergenceKind.JSG_DUAL);
    public final DoubleProperty alpha = new SimpleDoubleProperty(DivergenceSpec.DEFAULT_ALPHA);
    public final StringProperty beta = new SimpleStringProperty("4");
    public final StringProperty lambda = new SimpleStringProperty("1");
    public final StringProperty epochs = new SimpleStringProperty("3");
    public final StringProperty batch = new SimpleStringProperty("64");
    public final StringProperty learningRate = new SimpleStringProperty("1e-4");
    public final StringProperty latents = new SimpleStringProperty("10");
    public final StringProperty seed = new SimpleStringProperty("1234");
    public final StringProperty limit = new SimpleStringProperty("4096");
    /** Which examples a limit keeps: spread evenly over the set (dSprites' first ones are all small squares) or the first. */
    public final ObjectProperty<Subset> subset = new SimpleObjectProperty<>(Subset.SPREAD);

    private final StringProperty error = new SimpleStringProperty("");
    private final ObservableMap<Field, String> fieldErrors = FXCollections.observableMap(new EnumMap<>(Field.class));
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    private final DoubleProperty epochProgress = new SimpleDoubleProperty(0);
    private final DoubleProperty overallProgress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("not started");
    private final StringProperty eta = new SimpleStringProperty("");
    private final ObjectProperty<GridImage> preview = new SimpleObjectProperty<>();
    private final ObjectProperty<TrainingEvents.Epoch> lastEpoch = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> checkpoint = new SimpleObjectProperty<>();
    private final IntegerProperty points = new SimpleIntegerProperty();
    private final BooleanProperty busySaving = new SimpleBooleanProperty();
    private final BooleanProperty saved = new SimpleBooleanProperty(true);
    private final StringProperty message = new SimpleStringProperty("");

    private final XYSeriesCollection losses = new XYSeriesCollection();
    private final XYSeriesCollection regularisers = new XYSeriesCollection();
    private final List<XYSeries> all = new ArrayList<>();
    private final TaskRunner runner;
    private final Path workDirectory;
    private TrainingJob job;
    private long startNanos;
    /** The run's progress when this job started: a continued run begins after its file's epochs. */
    private double startProgress;
    private int stride = 1;
    /** The running job's steps per epoch (0 before it starts), for the chart's read-out. */
    private int stepsPerEpoch;
    private final double[] sums = new double[5];
    private int inStride;

    public TrainViewModel(TaskRunner runner, Path workDirectory) {
        this.runner = runner;
        this.workDirectory = workDirectory;
        InvalidationRevalidate.on(this::validate, datasetKind, datasetPath, divergence, alpha, beta, lambda, epochs, batch,
                learningRate, latents, seed, limit, subset);
        divergence.addListener((o, was, now) -> {
            if (now != null && (was == null || lambda.get().equals(fmt(was.defaultLambda())))) {
                lambda.set(fmt(now.defaultLambda()));
            }
        });
        datasetKind.addListener((o, was, now) -> {
            if (now != null && was != null) {
                // the data set's own latent size; its batch size where that is the smaller one (the app keeps runs short)
                batch.set(now.imageSize() == 32 ? Integer.toString(now.defaultBatchSize()) : batch.get());
                latents.set(Integer.toString(now.defaultLatents()));
            }
        });
        validate();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** The spec text of the chosen data set, e.g. {@code dsprites} or {@code mnist:/data/mnist}. */
    public String datasetText() {
        DatasetSpec.Kind k = datasetKind.get();
        return k == DatasetSpec.Kind.DSPRITES ? "dsprites" : k.prefix() + ":" + datasetPath.get().trim();
    }

    /** Builds the config from the form; throws a user-facing message for the first bad field. */
    public TrainingConfig config() {
        if (datasetKind.get() != DatasetSpec.Kind.DSPRITES && datasetPath.get().trim().isEmpty()) {
            throw new UserInputException("Path: choose the data set's " + (datasetKind.get() == DatasetSpec.Kind.DSPRITES_NPZ ? ".npz file" : "folder"));
        }
        DatasetSpec spec = DatasetSpec.parse(datasetText());
        DivergenceKind kind = divergence.get();
        if (kind == null) {
            throw new UserInputException("Divergence: choose one");
        }
        DivergenceSpec div = new DivergenceSpec(kind, alpha.get(), number("β", beta.get()));
        return TrainingConfig.defaults(spec, div)
                .withLimit(integer("Limit", limit.get()), subset.get() == null ? Subset.SPREAD : subset.get())
                .withLambda(number("λ", lambda.get()))
                .withLatents(integer("Latents D", latents.get()))
                .withEpochs(integer("Epochs", epochs.get()))
                .withBatchSize(integer("Batch size", batch.get()))
                .withLearningRate(number("Learning rate", learningRate.get()))
                .withSeed(integer("Seed", seed.get()));
    }

    private static double number(String name, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new UserInputException(name + ": a number is needed, not '" + text + "'");
        }
    }

    private static int integer(String name, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new UserInputException(name + ": a whole number is needed, not '" + text + "'");
        }
    }

    /** The form's fields that can hold a bad value, with their names as the form shows them. */
    public enum Field {
        PATH("Path"), LIMIT("Limit"), BETA("β"), LAMBDA("λ"), EPOCHS("Epochs"), BATCH("Batch size"),
        LEARNING_RATE("Learning rate"), LATENTS("Latents D"), SEED("Seed");

        private final String label;

        Field(String label) {
            this.label = label;
        }

        /** The field's name on the form. */
        public String label() {
            return label;
        }
    }

    /**
     * What is wrong with each field, checked each on its own so that all bad fields are known at once, in the
     * form's words (the ranges are the trainer's, {@link TrainingConfig}); fields without a problem are absent.
     */
    Map<Field, String> checkFields() {
        Map<Field, String> bad = new EnumMap<>(Field.class);
        if (datasetKind.get() != DatasetSpec.Kind.DSPRITES && datasetPath.get().trim().isEmpty()) {
            bad.put(Field.PATH, "choose the data set's " + (datasetKind.get() == DatasetSpec.Kind.DSPRITES_NPZ ? ".npz file" : "folder"));
        }
        wholeNumber(bad, Field.LIMIT, limit.get(), 0, Integer.MAX_VALUE, "0 or more (0 = the whole set)");
        if (divergence.get() == DivergenceKind.BETA) {
            positive(bad, Field.BETA, beta.get(), false, "a number above 0, e.g. 4");
        }
        positive(bad, Field.LAMBDA, lambda.get(), true, "a number of 0 or more, e.g. 1");
        wholeNumber(bad, Field.EPOCHS, epochs.get(), 1, Integer.MAX_VALUE, "1 or more");
        wholeNumber(bad, Field.BATCH, batch.get(), 1, 65536, "from 1 to 65536");
        positive(bad, Field.LEARNING_RATE, learningRate.get(), false, "a number above 0, e.g. 1e-4");
        wholeNumber(bad, Field.LATENTS, latents.get(), 1, 1024, "from 1 to 1024");
        wholeNumber(bad, Field.SEED, seed.get(), Integer.MIN_VALUE, Integer.MAX_VALUE, "any whole number");
        return bad;
    }

    private static void wholeNumber(Map<Field, String> bad, Field f, String text, int min, int max, String range) {
        try {
            long v = Long.parseLong(text.trim());
            if (v >= min && v <= max) {
                return;
            }
            bad.put(f, "a whole number " + range + ", not " + v);
        } catch (NumberFormatException e) {
            bad.put(f, text.isBlank() ? "a whole number " + range + " is needed" : "a whole number " + range + ", not '" + text.trim() + "'");
        }
    }

    private static void positive(Map<Field, String> bad, Field f, String text, boolean zeroAllowed, String what) {
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isFinite(v) && (v > 0 || zeroAllowed && v == 0)) {
                return;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        bad.put(f, text.isBlank() ? what + " is needed" : what + ", not '" + text.trim() + "'");
    }

    /**
     * Re-checks the form: {@link #fieldErrors()} holds each bad field's message, {@link #errorProperty()} names
     * the bad fields (or a problem of the whole form) and is empty when the form is valid.
     */
    public void validate() {
        Map<Field, String> bad = checkFields();
        fieldErrors.keySet().retainAll(bad.keySet());
        bad.forEach((f, m) -> {
            if (!m.equals(fieldErrors.get(f))) {
                fieldErrors.put(f, m);
            }
        });
        if (bad.size() == 1) {
            Map.Entry<Field, String> e = bad.entrySet().iterator().next();
            error.set(e.getKey().label() + ": " + e.getValue());
            return;
        }
        if (bad.size() > 1) {
            error.set(bad.size() + " fields to correct: " + String.join(", ", bad.keySet().stream().map(Field::label).toList()));
            return;
        }
        try {
            config();
            error.set("");
        } catch (UserInputException | IllegalArgumentException e) {
            error.set(e.getMessage());
        }
    }

    /** Each bad field's message (see {@link #checkFields()}); empty when every field holds a valid value. */
    public ObservableMap<Field, String> fieldErrors() {
        return fieldErrors;
    }

    /**
     * Resets the progress and returns the job to run (on a training thread), or throws the form's error.
     */
    public TrainingJob prepare() {
        TrainingConfig config = config();
        job = new TrainingJob(config, newCheckpoint());
        begin(config.divergence().kind(), config.dataset());
        return job;
    }

    /**
     * Resets the progress and returns a job that continues {@code current}'s file up to the form's epochs,
     * or throws a user-facing message when that is not possible.
     */
    public TrainingJob prepareContinue(LoadedModel current) {
        if (current == null || current.file() == null) {
            throw new UserInputException("the current model has no file to continue from: open a model file or train one");
        }
        int total = integer("Epochs", epochs.get());
        int done = current.manifest().epochsCompleted();
        if (total <= done) {
            throw new UserInputException(current.file().getFileName() + " already has " + done
                    + " epochs; set Epochs to more than " + done + " to continue it");
        }
        job = TrainingJob.resume(current.file(), total, newCheckpoint());
        begin(current.manifest().divergence().kind(), current.manifest().provenance().dataset());
        return job;
    }

    private Path newCheckpoint() {
        try {
            Files.createDirectories(workDirectory);
            Path out = Files.createTempFile(workDirectory, "training-", ".zip");
            Files.delete(out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a training file in " + workDirectory, e);
        }
    }

    private void begin(DivergenceKind kind, String dataset) {
        losses.removeAllSeries();
        regularisers.removeAllSeries();
        all.clear();
        String[] names = seriesNames(kind);
        for (int i = 0; i < names.length; i++) {
            XYSeries series = new XYSeries(names[i], true, true);
            (i < 2 ? losses : regularisers).addSeries(series);
            all.add(series);
        }
        points.set(0);
        epochProgress.set(0);
        overallProgress.set(0);
        preview.set(null);
        checkpoint.set(null);
        saved.set(false);
        eta.set("");
        progressText.set("opening " + dataset + " …");
        state.set(State.RUNNING);
        message.set("");
        startNanos = System.nanoTime();
        startProgress = 0;
        stride = 1;
        inStride = 0;
        java.util.Arrays.fill(sums, 0);
    }

    /** The chart's series: total, reconstruction, divergence and, for the JS family, its two KL terms. */
    static String[] seriesNames(DivergenceKind kind) {
        String div = "divergence " + Labels.divergence(kind);
        if (kind.isSkewJs()) {
            String[] kl = Labels.klTerms(kind);
            return new String[] {"total loss", "reconstruction", div, kl[0], kl[1]};
        }
        return new String[] {"total loss", "reconstruction", div};
    }

    /** The steps of one epoch of the running (or last) job, 0 before it has started. */
    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    /** The running (or last) job. */
    public TrainingJob job() {
        return job;
    }

    /** Moves the queued trainer events into the chart and progress; call on the FX thread. */
    public void drain() {
        if (job == null) {
            return;
        }
        boolean changed = false;
        TrainingEvent e;
        int budget = 20_000;
        while (budget-- > 0 && (e = job.pollEvent()) != null) {
            if (e instanceof TrainingEvents.Started s) {
                long total = (long) s.stepsPerEpoch() * (s.config().epochs() - s.firstEpoch() + 1);
                stride = (int) Math.max(1, total / MAX_POINTS);
                stepsPerEpoch = s.stepsPerEpoch();
                startNanos = System.nanoTime();
                startProgress = (double) (s.firstEpoch() - 1) / Math.max(1, s.config().epochs());
                progressText.set(String.format(Locale.ROOT, "%,d examples, %d steps per epoch, %,d parameters",
                        s.examples(), s.stepsPerEpoch(), s.parameters()));
            } else if (e instanceof TrainingEvents.Step s) {
                changed |= addStep(s);
                epochProgress.set((double) s.step() / s.stepsPerEpoch());
                overallProgress.set(s.progress());
                progressText.set(String.format(Locale.ROOT, "epoch %d/%d · step %d/%d · loss %.3f", s.epoch(), s.epochs(),
                        s.step(), s.stepsPerEpoch(), s.loss()));
                eta.set(eta(s.progress()));
            } else if (e instanceof TrainingEvents.Epoch ep) {
                checkpoint.set(ep.checkpoint());
                message.set(String.format(Locale.ROOT, "epoch %d done: loss %.3f, %.0f images/s; checkpoint written",
                        ep.record().epoch(), ep.record().loss(), ep.imagesPerSecond()));
                refreshPreview(ep.model(), ep.checkpoint());
                lastEpoch.set(ep);
            }
        }
        if (changed) {
            for (XYSeries series : all) {
                series.fireSeriesChanged();
            }
        }
    }

    private boolean addStep(TrainingEvents.Step s) {
        double[] v = {s.loss(), s.recLoss(), s.divergence(), s.kl1(), s.kl2()};
        for (int i = 0; i < sums.length; i++) {
            sums[i] += v[i];
        }
        inStride++;
        boolean last = s.epoch() == s.epochs() && s.step() == s.stepsPerEpoch();
        if (inStride < stride && !last) {
            return false;
        }
        for (int i = 0; i < all.size(); i++) {
            all.get(i).add(s.globalStep(), sums[i] / inStride, false);
        }
        java.util.Arrays.fill(sums, 0);
        inStride = 0;
        points.set(points.get() + 1);
        return true;
    }

    private String eta(double progress) {
        return eta(progress, startProgress, (System.nanoTime() - startNanos) / 1e9);
    }

    /**
     * The time left when {@code progress} of the run is done after {@code elapsed} seconds of this job, which
     * started at {@code startProgress} (a continued run's earlier epochs took no time in this job).
     */
    static String eta(double progress, double startProgress, double elapsed) {
        double doneHere = progress - startProgress;
        if (doneHere <= 0) {
            return "";
        }
        long remaining = Math.round(elapsed * (1 - progress) / doneHere);
        Duration d = Duration.ofSeconds(remaining);
        return String.format(Locale.ROOT, "ETA %d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }

    /** Renders the epoch's model (its weight snapshot), or reads the checkpoint when the event carries none. */
    private void refreshPreview(VaeModel epochModel, Path file) {
        runner.submit("preview", () -> {
            VaeModel m = epochModel != null ? epochModel : VaeModel.load(file);
            return TraversalGrid.render(TraversalSpec.paper().withSteps(8), m);
        }, preview::set, t -> message.set("preview failed: " + t.getMessage()));
    }

    /** The run ended: drains what is left and records the outcome. */
    public void finished(State outcome, String text) {
        drain();
        state.set(outcome);
        if (outcome == State.FINISHED) {
            eta.set("done");
            epochProgress.set(1);
            overallProgress.set(1);
        } else {
            eta.set(""); // an ended run has no time left
        }
        message.set(text);
    }

    public void pause() {
        if (job != null && state.get() == State.RUNNING) {
            job.pause();
            state.set(State.PAUSED);
        }
    }

    public void resume() {
        if (job != null && state.get() == State.PAUSED) {
            job.resume();
            state.set(State.RUNNING);
        }
    }

    public void cancel() {
        if (job != null && (state.get() == State.RUNNING || state.get() == State.PAUSED)) {
            job.cancel();
        }
    }

    /** Copies the latest checkpoint to {@code target} atomically, in the background. */
    public void save(Path target, Runnable done) {
        Path from = checkpoint.get();
        if (from == null) {
            throw new UserInputException("no checkpoint yet: the first epoch has not finished");
        }
        busySaving.set(true);
        runner.runOnce("save", () -> {
            AtomicFiles.write(target, Files.readAllBytes(from));
            return target;
        }, t -> {
            busySaving.set(false);
            saved.set(from.equals(checkpoint.get()) && state.get() != State.RUNNING && state.get() != State.PAUSED);
            message.set("saved " + t);
            done.run();
        }, t -> {
            busySaving.set(false);
            message.set("saving failed: " + t.getMessage());
        });
    }

    /** The last run's model is given up (Discard): nothing is unsaved any more. */
    public void discard() {
        checkpoint.set(null);
        saved.set(true);
        eta.set("");
    }

    /** After a save: the saved file is where the model now lives (saving again copies from it). */
    void savedAs(Path target) {
        checkpoint.set(target);
    }

    /** A checkpoint recovered from an app that did not quit: it is this session's unsaved model now. */
    void adopt(Path recovered) {
        checkpoint.set(recovered);
        saved.set(false);
        message.set("recovered " + recovered.getFileName() + " from a session that did not quit normally: save it with Ctrl+S");
    }

    /** Forgets the last run's progress (another model became current): no stale ETA or progress. */
    public void clearProgress() {
        if (state.get() == State.RUNNING || state.get() == State.PAUSED) {
            return;
        }
        eta.set("");
        epochProgress.set(0);
        overallProgress.set(0);
    }

    /** The total loss and the reconstruction term, per step (averaged in strides on long runs). */
    public XYSeriesCollection losses() {
        return losses;
    }

    /** The divergence and, for the JS family, its two KL terms. */
    public XYSeriesCollection regularisers() {
        return regularisers;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanBinding validProperty() {
        return Bindings.createBooleanBinding(() -> error.get().isEmpty(), error);
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public DoubleProperty epochProgressProperty() {
        return epochProgress;
    }

    public DoubleProperty overallProgressProperty() {
        return overallProgress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public StringProperty etaProperty() {
        return eta;
    }

    /** The latest finished epoch's event (its weight snapshot feeds the latent map). */
    public ObjectProperty<TrainingEvents.Epoch> lastEpochProperty() {
        return lastEpoch;
    }

    public ObjectProperty<GridImage> previewProperty() {
        return preview;
    }

    public ObjectProperty<Path> checkpointProperty() {
        return checkpoint;
    }

    public IntegerProperty pointsProperty() {
        return points;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /**
     * Whether the last run's model is safe: true before any run and after saving the finished run's
     * checkpoint; false while a run's checkpoint lives only in the work directory.
     */
    public BooleanProperty savedProperty() {
        return saved;
    }

    public BooleanProperty savingProperty() {
        return busySaving;
    }
}
