package org.latentexplorer.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.data.DatasetSpec;
import org.latentexplorer.data.Subset;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.model.Reconstruction;
import org.latentexplorer.sweep.Budget;
import org.latentexplorer.sweep.GridEntry;
import org.latentexplorer.sweep.Presets;
import org.latentexplorer.sweep.RunResult;
import org.latentexplorer.sweep.RunResultJson;
import org.latentexplorer.sweep.SweepEvent;
import org.latentexplorer.sweep.SweepFolder;
import org.latentexplorer.sweep.SweepRun;
import org.latentexplorer.sweep.SweepRunner;
import org.latentexplorer.sweep.SweepSpec;
import org.latentexplorer.sweep.SweepSpecJson;

/**
 * The Sweep view's state: a form that becomes a {@link SweepSpec} (a preset or a small grid, with the data set,
 * budget, batch, learning rate, seeds and folder), the table of its runs read from their {@code result.json} files,
 * the Fig 3 chart's data (reconstruction against α per skew JS divergence, the KL baselines as lines), and the
 * progress of the running sweep. Reading a folder goes through a {@link TaskRunner}; the sweep itself runs in a
 * {@link SweepService}. Everything here is touched on the FX thread only.
 */
final class SweepViewModel {
    /** Where the sweep is. */
    enum State { IDLE, RUNNING, STOPPING, FINISHED, CANCELLED, FAILED }

    /** The preset choice meaning "the grid below". */
    static final String CUSTOM = "custom";

    /** A horizontal line of the Fig 3 chart: a KL baseline's reconstruction error. */
    record Line(String label, double value) {
    }

    public final ObjectProperty<String> preset = new SimpleObjectProperty<>("alpha-grid");
    public final Map<DivergenceKind, BooleanProperty> divergences = new EnumMap<>(DivergenceKind.class);
    public final StringProperty alphas = new SimpleStringProperty("0.1, 0.5, 0.9");
    public final StringProperty betas = new SimpleStringProperty("4");
    public final StringProperty lambdas = new SimpleStringProperty("");
    public final StringProperty name = new SimpleStringProperty("custom");
    public final ObjectProperty<DatasetSpec.Kind> datasetKind = new SimpleObjectProperty<>(DatasetSpec.Kind.DSPRITES);
    public final StringProperty datasetPath = new SimpleStringProperty("");
    /** Whether the budget is in images per run (else epochs per run). */
    public final BooleanProperty budgetInImages = new SimpleBooleanProperty(true);
    public final StringProperty budget = new SimpleStringProperty("4096");
    public final StringProperty limit = new SimpleStringProperty("0");
    public final ObjectProperty<Subset> subset = new SimpleObjectProperty<>(SweepSpec.DEFAULT_SUBSET);
    public final StringProperty batch = new SimpleStringProperty("64");
    public final StringProperty learningRate = new SimpleStringProperty("1e-4");
    public final StringProperty latents = new SimpleStringProperty("10");
    public final StringProperty seeds = new SimpleStringProperty("1234");
    public final StringProperty folder = new SimpleStringProperty();

    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("not started");
    private final ObservableList<SweepRow> rows = FXCollections.observableArrayList();
    private final XYSeriesCollection fig3 = new XYSeriesCollection();
    private final ObservableList<Line> klLines = FXCollections.observableArrayList();
    private final TaskRunner runner;
    private final Path sweepsHome;
    private final SweepService service;
    private Reconstruction recon;
    /** Live statuses of runs not finished, from the progress lines: "running, epoch 2 of 8", "failed: …". */
    private final Map<String, String> live = new LinkedHashMap<>();
    /** Runs that finished or failed in this invocation (their rows may not be re-read yet). */
    private final Set<String> ended = new java.util.HashSet<>();
    private String currentRun;
    private int currentEpoch;
    private int currentEpochs;
    private String rate = "";
    private String eta = "";

    SweepViewModel(TaskRunner runner, Path sweepsHome, SweepService service) {
        this.runner = runner;
        this.sweepsHome = sweepsHome;
        this.service = service;
        for (DivergenceKind k : DivergenceKind.values()) {
            divergences.put(k, new SimpleBooleanProperty(k == DivergenceKind.JSG || k == DivergenceKind.JSG_DUAL
                    || k == DivergenceKind.KL_QP || k == DivergenceKind.KL_PQ));
        }
        folder.set(defaultFolder(preset.get()).toString());
        preset.addListener((o, was, now) -> {
            if (was != null && now != null && folder.get() != null && folder.get().equals(defaultFolder(was).toString())) {
                folder.set(defaultFolder(now).toString());
            }
        });
        name.addListener((o, was, now) -> {
            if (CUSTOM.equals(preset.get()) && was != null && now != null && folder.get() != null
                    && folder.get().equals(defaultFolder(was).toString())) {
                folder.set(defaultFolder(now).toString());
            }
        });
        datasetKind.addListener((o, was, now) -> {
            if (now != null && was != null) {
                latents.set(Integer.toString(now.defaultLatents()));
            }
        });
        List<javafx.beans.Observable> form = new ArrayList<>(List.of(preset, alphas, betas, lambdas, name, datasetKind,
                datasetPath, budgetInImages, budget, limit, subset, batch, learningRate, latents, seeds, folder));
        form.addAll(divergences.values());
        InvalidationRevalidate.on(this::validate, form.toArray(javafx.beans.Observable[]::new));
        service.setOnSucceeded(e -> stopped(service.stopRequested() ? State.CANCELLED : State.FINISHED, summary(service.getValue())));
        service.setOnFailed(e -> {
            Throwable t = service.getException();
            stopped(service.stopRequested() ? State.CANCELLED : State.FAILED, t == null ? "failed" : t.getMessage());
        });
        validate();
    }

    /** The default folder of a sweep named {@code sweepName}: {@code ~/LatentExplorer/sweeps/NAME}. */
    Path defaultFolder(String sweepName) {
        return sweepsHome.resolve(sweepName == null || sweepName.isBlank() ? "sweep" : sweepName.trim());
    }

    /** The spec text of the chosen data set. */
    String datasetText() {
        DatasetSpec.Kind k = datasetKind.get();
        if (k == null) {
            throw new UserInputException("Data set: choose one");
        }
        if (k != DatasetSpec.Kind.DSPRITES && datasetPath.get().trim().isEmpty()) {
            throw new UserInputException("Data set: choose its " + (k == DatasetSpec.Kind.DSPRITES_NPZ ? ".npz file" : "folder"));
        }
        return k == DatasetSpec.Kind.DSPRITES ? "dsprites" : k.prefix() + ":" + datasetPath.get().trim();
    }

    /** The sweep the form describes; the sweep package's own messages name what is wrong. */
    SweepSpec spec() {
        String ds = datasetText();
        SweepSpec s = CUSTOM.equals(preset.get()) ? SweepSpec.paper(name.get() == null ? "" : name.get().trim(), ds, grid())
                : Presets.of(preset.get(), ds);
        long amount = integer(budgetInImages.get() ? "Images per run" : "Epochs per run", budget.get());
        s = s.withBudget(budgetInImages.get() ? Budget.images(amount) : Budget.epochs((int) Math.min(Integer.MAX_VALUE, amount)));
        s = s.withLimit((int) integer("Limit", limit.get()), subset.get());
        s = s.withBatch((int) integer("Batch size", batch.get()));
        s = s.withLr(number("Learning rate", learningRate.get()));
        s = s.withLatents((int) integer("Latent size D", latents.get()));
        if (recon != null) {
            s = s.withRecon(recon);
        }
        List<Long> list = new ArrayList<>();
        for (String part : seeds.get().split(",")) {
            if (!part.isBlank()) {
                list.add(integer("Seeds", part));
            }
        }
        return s.withSeeds(list);
    }

    /** The sweep's folder. */
    Path folder() {
        String f = folder.get() == null ? "" : folder.get().trim();
        if (f.isEmpty()) {
            throw new UserInputException("Folder: choose where the sweep is written");
        }
        return Path.of(f);
    }

    private List<GridEntry> grid() {
        List<Double> a = numbers("α list", alphas.get());
        List<Double> b = numbers("β list", betas.get());
        List<Double> l = numbers("λ list", lambdas.get());
        List<GridEntry> grid = new ArrayList<>();
        for (DivergenceKind k : DivergenceKind.values()) {
            if (divergences.get(k).get()) {
                grid.add(new GridEntry(k, k.isSkewJs() ? a : List.of(), k == DivergenceKind.BETA ? b : List.of(), l));
            }
        }
        return grid;
    }

    private static List<Double> numbers(String field, String csv) {
        List<Double> out = new ArrayList<>();
        for (String part : (csv == null ? "" : csv).split("[,\\s]+")) {
            if (!part.isBlank()) {
                out.add(number(field, part));
            }
        }
        return out;
    }

    private static double number(String field, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new UserInputException(field + ": '" + text.trim() + "' is not a number");
        }
    }

    private static long integer(String field, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UserInputException(field + ": '" + text.trim() + "' is not a whole number");
        }
    }

    /** Checks the form; the first problem is {@link #errorProperty()}, and the table shows the planned runs. */
    void validate() {
        try {
            spec();
            folder();
            error.set("");
        } catch (UserInputException | IllegalArgumentException e) {
            error.set(e.getMessage());
        }
    }

    /** The planned runs, or none while the form is invalid. */
    private List<SweepRun> planned() {
        try {
            return spec().runs();
        } catch (UserInputException | IllegalArgumentException e) {
            return List.of();
        }
    }

    /**
     * Opens an existing sweep folder: its {@code sweep.json} fills the form (so Run continues that sweep), and the
     * table shows its runs. A folder without one just becomes the folder of the sweep in the form.
     */
    void openFolder(Path dir) {
        folder.set(dir.toString());
        Path definition = dir.resolve(SweepFolder.DEFINITION);
        if (Files.isRegularFile(definition)) {
            try {
                fill(SweepSpecJson.read(definition));
                message.set("Opened the sweep in " + dir + "; Run continues it (finished runs are kept).");
            } catch (UserInputException e) {
                message.set(e.getMessage());
            }
        }
        refresh();
    }

    /** Sets the form to {@code s}. */
    void fill(SweepSpec s) {
        DatasetSpec ds = DatasetSpec.parse(s.dataset());
        datasetKind.set(ds.kind());
        datasetPath.set(ds.path() == null ? "" : ds.path().toString());
        boolean isPreset = Presets.isPreset(s.name()) && Presets.of(s.name(), s.dataset()).grid().equals(s.grid());
        if (!isPreset) {
            name.set(s.name());
            Set<DivergenceKind> kinds = new LinkedHashSet<>();
            List<Double> a = List.of();
            List<Double> b = List.of();
            List<Double> l = List.of();
            for (GridEntry e : s.grid()) {
                kinds.add(e.divergence());
                a = e.alphas().isEmpty() ? a : e.alphas();
                b = e.betas().isEmpty() ? b : e.betas();
                l = e.lambdas().isEmpty() ? l : e.lambdas();
            }
            for (DivergenceKind k : DivergenceKind.values()) {
                divergences.get(k).set(kinds.contains(k));
            }
            alphas.set(csv(a));
            betas.set(csv(b));
            lambdas.set(csv(l));
        }
        String keepFolder = folder.get();
        preset.set(isPreset ? s.name().toLowerCase(Locale.ROOT) : CUSTOM);
        folder.set(keepFolder);
        budgetInImages.set(s.budget().inImages());
        budget.set(Long.toString(s.budget().inImages() ? s.budget().images() : s.budget().epochs()));
        limit.set(Integer.toString(s.limit()));
        subset.set(s.subset());
        batch.set(Integer.toString(s.batch()));
        learningRate.set(Double.toString(s.lr()));
        latents.set(Integer.toString(s.latents()));
        recon = s.recon();
        seeds.set(String.join(", ", s.seeds().stream().map(String::valueOf).toList()));
    }

    private static String csv(List<Double> values) {
        return String.join(", ", values.stream().map(SweepRun::number).toList());
    }

    /** Re-reads the folder's runs in the background and updates the table and chart. */
    void refresh() {
        List<SweepRun> plan = planned();
        Path dir;
        try {
            dir = folder();
        } catch (UserInputException e) {
            setRows(plan.stream().map(r -> SweepRow.waiting(r, "waiting")).toList());
            return;
        }
        runner.submit("sweep-folder", () -> read(plan, dir), this::setRows, t -> message.set(t.getMessage()));
    }

    /**
     * The rows of {@code plan} in {@code dir}: finished runs with their result (checked against the model's SHA-256
     * as the sweep checks it), the others waiting, partly trained or damaged; then results of other runs found there.
     */
    static List<SweepRow> read(List<SweepRun> plan, Path dir) {
        Map<String, SweepRow> out = new LinkedHashMap<>();
        boolean exists = Files.isDirectory(dir);
        SweepFolder f = exists ? SweepFolder.existing(dir) : null;
        for (SweepRun r : plan) {
            if (f == null) {
                out.put(r.name(), SweepRow.waiting(r, "waiting"));
                continue;
            }
            SweepFolder.Status s = f.status(r.name());
            out.put(r.name(), switch (s.state()) {
                case FINISHED -> SweepRow.finished(RunResultJson.read(f.result(r.name())), f.model(r.name()));
                case PARTIAL -> SweepRow.waiting(r, "partly trained: Run resumes it");
                case DAMAGED -> SweepRow.waiting(r, "damaged, Run starts it again: " + s.reason());
                case NEW -> SweepRow.waiting(r, "waiting");
            });
        }
        if (f != null) {
            for (Path p : f.resultFiles()) {
                try {
                    RunResult r = RunResultJson.read(p);
                    if (!out.containsKey(r.run())) {
                        out.put(r.run(), SweepRow.finished(r, p.resolveSibling(r.modelFile())));
                    }
                } catch (UserInputException e) {
                    // a planned run's damaged result is shown on its row; others are not this sweep's
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private void setRows(List<SweepRow> fresh) {
        List<SweepRow> shown = new ArrayList<>();
        for (SweepRow r : fresh) {
            shown.add(!r.isFinished() && live.containsKey(r.run()) ? r.withStatus(live.get(r.run())) : r);
        }
        rows.setAll(shown);
        markNextRunning();
        chart();
        updateProgress();
    }

    /** Rebuilds Fig 3's data from the finished rows: one series per skew JS divergence (and λ), the KL lines. */
    private void chart() {
        Map<String, XYSeries> series = new LinkedHashMap<>();
        Map<String, double[]> kl = new LinkedHashMap<>();
        for (SweepRow r : rows) {
            if (!r.isFinished()) {
                continue;
            }
            DivergenceKind k = DivergenceKind.fromCliName(r.kind());
            double rec = r.result().evaluation().reconstruction();
            if (k.isSkewJs() && r.alpha() != null) {
                String key = Labels.divergence(k) + (r.lambda() == k.defaultLambda() ? "" : " λ=" + SweepRun.number(r.lambda()));
                series.computeIfAbsent(key, x -> new XYSeries(x, true, true)).add(r.alpha().doubleValue(), rec);
            } else if (k == DivergenceKind.KL_QP || k == DivergenceKind.KL_PQ) {
                double[] sum = kl.computeIfAbsent(Labels.divergence(k), x -> new double[2]);
                sum[0] += rec;
                sum[1]++;
            }
        }
        fig3.removeAllSeries();
        series.values().forEach(fig3::addSeries);
        List<Line> lines = new ArrayList<>();
        kl.forEach((label, sum) -> lines.add(new Line(label, sum[0] / sum[1])));
        klLines.setAll(lines);
    }

    /** Starts (or continues) the sweep in its folder. */
    void run() {
        if (state.get() == State.RUNNING || state.get() == State.STOPPING) {
            return;
        }
        SweepSpec s;
        Path dir;
        try {
            s = spec();
            dir = folder();
        } catch (UserInputException | IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        live.clear();
        ended.clear();
        currentRun = null;
        rate = "";
        eta = "";
        message.set("");
        state.set(State.RUNNING);
        progressText.set("starting: opening the data set and the folder …");
        service.sweep(s, dir, this::event);
        service.restart();
        refresh();
    }

    /** Stops the sweep before its next step; finished runs and the last epoch's checkpoint stay. */
    void cancel() {
        if (state.get() == State.RUNNING) {
            state.set(State.STOPPING);
            progressText.set("stopping after the current step …");
            service.stopSafely();
        }
    }

    /** Takes one event of the runner (FX thread). */
    void event(SweepEvent p) {
        if (!p.eta().isEmpty()) {
            eta = p.eta();
        }
        if (!Double.isNaN(p.imagesPerSecond())) {
            rate = String.format(Locale.ROOT, "%.0f images/s", p.imagesPerSecond());
        }
        switch (p.kind()) {
            case STEP -> running(p.run(), p.epoch(), p.epochs(), "running, epoch " + p.epoch() + " of " + p.epochs());
            case EPOCH -> running(p.run(), p.epoch(), p.epochs(), p.epoch() < p.epochs()
                    ? "running, epoch " + (p.epoch() + 1) + " of " + p.epochs() : "evaluating");
            case RESUMED -> running(p.run(), p.epoch(), p.epochs(), "resumed after epoch " + p.epoch() + " of " + p.epochs());
            case EVALUATING -> running(p.run(), p.epoch(), p.epochs(), "evaluating");
            case FINISHED -> {
                live.remove(p.run());
                ended.add(p.run());
                currentRun = null;
                markNextRunning();
                refresh();
            }
            case FAILED -> {
                live.put(p.run(), "failed: " + p.detail());
                ended.add(p.run());
                currentRun = null;
                markNextRunning();
                refresh();
            }
            case DAMAGED, RESTARTED, WARNING -> message.set(p.text());
            case STARTED, SKIPPED, DONE -> { }
        }
        updateProgress();
    }

    private void running(String run, int epoch, int epochs, String status) {
        if (currentRun != null && !currentRun.equals(run)) {
            live.remove(currentRun);
        }
        currentRun = run;
        currentEpoch = epoch;
        currentEpochs = epochs;
        live.put(run, status);
        showLive();
    }

    /** With one run at a time in plan order, the first run not finished nor failed is the one training now. */
    private void markNextRunning() {
        if (state.get() != State.RUNNING) {
            return;
        }
        for (SweepRow r : rows) {
            String l = live.get(r.run());
            if (!r.isFinished() && !ended.contains(r.run())) {
                if (l == null) {
                    live.put(r.run(), "running");
                    currentRun = r.run();
                    currentEpoch = 0;
                    currentEpochs = 0;
                }
                break;
            }
        }
        showLive();
    }

    private void showLive() {
        for (int i = 0; i < rows.size(); i++) {
            SweepRow r = rows.get(i);
            if (!r.isFinished() && live.containsKey(r.run()) && !live.get(r.run()).equals(r.status())) {
                rows.set(i, r.withStatus(live.get(r.run())));
            }
        }
    }

    private void updateProgress() {
        int n = rows.size();
        long done = rows.stream().filter(SweepRow::isFinished).count();
        if (state.get() != State.RUNNING && state.get() != State.STOPPING) {
            progress.set(n == 0 ? 0 : (double) done / n);
            if (state.get() == State.IDLE) { // an opened folder says how far it is; after a run, its summary stays
                progressText.set(done == 0 ? "not started" : done == n ? "all " + n + " runs finished"
                        : done + " of " + n + " runs finished; Run continues with the others");
            }
            return;
        }
        double part = currentEpochs > 0 ? (double) currentEpoch / currentEpochs : 0;
        progress.set(n == 0 ? 0 : Math.min(1, (done + part) / n));
        StringBuilder b = new StringBuilder();
        b.append("run ").append(Math.min(n, done + 1)).append(" of ").append(n);
        if (currentRun != null) {
            b.append(": ").append(currentRun);
            if (currentEpochs > 0) {
                b.append(", epoch ").append(Math.min(currentEpochs, currentEpoch + (currentEpoch < currentEpochs ? 1 : 0)))
                        .append(" of ").append(currentEpochs);
            }
        }
        if (!rate.isEmpty()) {
            b.append(" · ").append(rate);
        }
        if (!eta.isEmpty()) {
            b.append(" · ETA ").append(eta);
        }
        if (state.get() == State.STOPPING) {
            b.append(" · stopping after the current step");
        }
        progressText.set(b.toString());
    }

    private static String summary(SweepRunner.Summary s) {
        return s == null ? "" : s.completed() + " runs finished now, " + s.skipped() + " were finished before";
    }

    private void stopped(State s, String text) {
        live.entrySet().removeIf(e -> !e.getValue().startsWith("failed"));
        currentRun = null;
        state.set(s);
        progressText.set(switch (s) {
            case FINISHED -> "sweep finished: " + text;
            case CANCELLED -> "stopped; Run continues the sweep from its last checkpoint";
            default -> "sweep failed";
        });
        message.set(s == State.FAILED ? text : "");
        refresh();
    }

    void shutdown() {
        service.shutdown();
    }

    ObservableList<SweepRow> rows() {
        return rows;
    }

    XYSeriesCollection fig3() {
        return fig3;
    }

    ObservableList<Line> klLines() {
        return klLines;
    }

    StringProperty errorProperty() {
        return error;
    }

    StringProperty messageProperty() {
        return message;
    }

    ObjectProperty<State> stateProperty() {
        return state;
    }

    DoubleProperty progressProperty() {
        return progress;
    }

    StringProperty progressTextProperty() {
        return progressText;
    }
}
