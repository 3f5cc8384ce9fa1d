package org.latentexplorer.app;

import java.nio.file.Path;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.jfree.chart.JFreeChart;
import org.latentexplorer.data.DatasetSpec;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.model.VaeModel;
import org.latentexplorer.training.TrainingDivergedException;
import org.latentexplorer.training.TrainingJob;

/** The Train view: the settings form, start/pause/resume/cancel/save, the live loss chart, progress and preview. */
final class TrainView {
    private final TrainViewModel vm;
    private final AppContext ctx;
    private final TrainingService service = new TrainingService();
    private final BorderPane root = new BorderPane();
    private final JFreeChart chart;
    private final LossChart lossChart;
    private final VBox actions = new VBox(6);
    /** Marks the form's bad fields, all at once, each with its message. */
    private final FormValidation validation = new FormValidation();
    final Button start = new Button("Start");
    final Button pause = new Button("Pause");
    final Button resume = new Button("Resume");
    final Button cancel = new Button("Cancel");
    final Button save = new Button("Save model…");
    final Button continueRun = new Button("Continue current model");
    /** Asks before a new run replaces an unsaved model, and saves (set by the main window). */
    private UnsavedWork unsaved;
    private final AnimationTimer drainer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            vm.drain();
        }
    };

    TrainView(TrainViewModel vm, AppContext ctx) {
        this.vm = vm;
        this.ctx = ctx;
        lossChart = new LossChart(ctx, "train-chart", "Loss per step", LossChart.Unit.STEP,
                new String[] {"total and reconstruction", "divergence terms"},
                new org.jfree.data.xy.XYSeriesCollection[] {vm.losses(), vm.regularisers()},
                new int[][] {{LossChart.TOTAL, LossChart.RECONSTRUCTION}, {LossChart.DIVERGENCE, LossChart.KL1, LossChart.KL2}},
                new int[] {3, 2});
        lossChart.stepsPerEpoch(vm::stepsPerEpoch);
        chart = lossChart.chart();

        ScrollPane form = new ScrollPane(form());
        form.setFitToWidth(true);
        form.setPrefViewportWidth(440); // the longest choice ("JS⁎ᴳᵅ′: its dual (the paper's best)") in full
        form.getStyleClass().add("side-panel");

        ProgressBar epochBar = new ProgressBar();
        epochBar.setId("epoch-progress");
        epochBar.progressProperty().bind(vm.epochProgressProperty());
        epochBar.setMaxWidth(Double.MAX_VALUE);
        ProgressBar overall = new ProgressBar();
        overall.progressProperty().bind(vm.overallProgressProperty());
        overall.setMaxWidth(Double.MAX_VALUE);
        Label progress = new Label();
        progress.textProperty().bind(vm.progressTextProperty());
        Label eta = new Label();
        eta.setId("eta");
        eta.textProperty().bind(vm.etaProperty());
        eta.getStyleClass().add("emphasis");
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        GridPane bars = new GridPane();
        bars.setHgap(8);
        bars.setVgap(4);
        bars.addRow(0, new Label("Epoch"), epochBar, eta);
        bars.addRow(1, new Label("Run"), overall, progress);
        ColumnConstraints c0 = new ColumnConstraints();
        ColumnConstraints c1 = new ColumnConstraints(160, 260, Double.MAX_VALUE);
        c1.setHgrow(Priority.ALWAYS);
        bars.getColumnConstraints().addAll(c0, c1);

        ImageView preview = new ImageView();
        preview.setId("train-preview");
        preview.setPreserveRatio(true);
        preview.setFitWidth(300);
        preview.setSmooth(false);
        preview.imageProperty().bind(Bindings.createObjectBinding(
                () -> vm.previewProperty().get() == null ? null : FxImages.of(vm.previewProperty().get()), vm.previewProperty()));
        Label previewTitle = new Label("Traversal after the last epoch");
        previewTitle.getStyleClass().add("section-title");
        Label previewEmpty = new Label("appears after the first epoch");
        previewEmpty.visibleProperty().bind(vm.previewProperty().isNull());
        previewEmpty.managedProperty().bind(previewEmpty.visibleProperty());
        VBox previewBox = new VBox(6, previewTitle, previewEmpty, preview);
        previewBox.setPadding(new Insets(0, 0, 0, 12));

        BorderPane centre = new BorderPane(lossChart.node());
        centre.setRight(previewBox);
        VBox bottom = new VBox(6, bars, message);
        bottom.setPadding(new Insets(8, 0, 0, 0));
        centre.setBottom(bottom);
        centre.setPadding(new Insets(10));
        actions.setPadding(new Insets(8, 12, 10, 12));
        actions.getStyleClass().add("action-bar");
        VBox left = new VBox(form, actions);
        VBox.setVgrow(form, Priority.ALWAYS);
        root.setLeft(left);
        root.setCenter(centre);

        service.setOnSucceeded(e -> finished((VaeModel) service.getValue(), null));
        service.setOnFailed(e -> finished(null, service.getException()));
        service.setOnCancelled(e -> finished(null, null));
        vm.stateProperty().addListener((o, was, now) -> updateJob());
        vm.progressTextProperty().addListener((o, was, now) -> updateJob());
    }

    private void updateJob() {
        TrainViewModel.State s = vm.stateProperty().get();
        if (s == TrainViewModel.State.RUNNING || s == TrainViewModel.State.PAUSED) {
            ctx.job.set((s == TrainViewModel.State.PAUSED ? "Training paused: " : "Training: ") + vm.progressTextProperty().get()
                    + (vm.etaProperty().get().isEmpty() ? "" : " · " + vm.etaProperty().get()));
        }
    }

    private Node form() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(12));
        int row = 0;
        Label title = new Label("Training run");
        title.getStyleClass().add("section-title");
        g.add(title, 0, row++, 2, 1);

        ComboBox<DatasetSpec.Kind> kind = new ComboBox<>();
        kind.setId("dataset-kind");
        kind.setTooltip(new Tooltip("The images to train on: dSprites (built in, 64×64, generated on the fly), MNIST or Fashion-MNIST (a folder of IDX files), a folder of images, or dSprites' .npz file"));
        kind.getItems().addAll(DatasetSpec.Kind.values());
        kind.setConverter(converter(k -> k == DatasetSpec.Kind.DSPRITES ? "dSprites (built in)" : datasetName(k)));
        kind.valueProperty().bindBidirectional(vm.datasetKind);
        g.addRow(row++, new Label("Data set"), kind);
        TextField path = field(vm.datasetPath, "directory or file");
        path.setId("dataset-path");
        path.setTooltip(new Tooltip("Where the data set is: its folder (MNIST, Fashion-MNIST, images) or its .npz file; Enter a path or use …"));
        Button browse = new Button("…");
        browse.setTooltip(new Tooltip("Choose the data set's directory (or .npz file)"));
        browse.setOnAction(e -> browse());
        HBox pathBox = new HBox(4, path, browse);
        HBox.setHgrow(path, Priority.ALWAYS);
        pathBox.disableProperty().bind(vm.datasetKind.isEqualTo(DatasetSpec.Kind.DSPRITES));
        g.addRow(row++, new Label("Path"), checked(pathBox, path, TrainViewModel.Field.PATH));
        g.addRow(row++, new Label("Limit"), checked(tip(field(vm.limit, "limit"), "use only N examples of the data set (0 = all)"),
                TrainViewModel.Field.LIMIT));
        ComboBox<org.latentexplorer.data.Subset> subset = new ComboBox<>();
        subset.setId("train-subset");
        subset.getItems().addAll(org.latentexplorer.data.Subset.SPREAD, org.latentexplorer.data.Subset.FIRST);
        subset.setConverter(converter(x -> x == org.latentexplorer.data.Subset.SPREAD ? "spread evenly over the set" : "the first N"));
        subset.valueProperty().bindBidirectional(vm.subset);
        subset.setTooltip(new Tooltip("Which N examples a limit keeps: dSprites is ordered by its factors, so its first "
                + "examples are all small squares; spread takes every (size/N)-th example, as the CLI's --subset spread"));
        g.addRow(row++, new Label("Subset"), subset);

        ComboBox<DivergenceKind> div = new ComboBox<>();
        div.setId("divergence");
        div.setTooltip(new Tooltip("The regulariser DIV of the loss REC + λ·DIV that pulls the encoder's q(z|x) towards the prior p(z): the paper's skew geometric Jensen–Shannon divergence or its dual, Nielsen's originals, or the baselines KL(q‖p) (the VAE), β-VAE, KL(p‖q) and MMD"));
        div.getItems().addAll(DivergenceKind.values());
        div.setConverter(converter(Labels::divergenceChoice));
        div.valueProperty().bindBidirectional(vm.divergence);
        g.addRow(row++, new Label("Divergence"), div);
        Slider alpha = new Slider(0, 1, 0.5);
        alpha.setId("alpha");
        alpha.setTooltip(new Tooltip("α, the skew of the geometric-mean divergences: it weighs q and p in their geometric mean Gα, so the loss moves between the two KL directions at α = 0 and α = 1 (the paper's best: the dual at α = 0.5)"));
        alpha.setShowTickMarks(true);
        alpha.setMajorTickUnit(0.25);
        alpha.setBlockIncrement(0.05);
        alpha.valueProperty().bindBidirectional(vm.alpha);
        // α can be typed as well as slid (the slider moves in 0.05 steps; the field takes any value in [0, 1])
        TextField alphaValue = new TextField(TraverseViewModel.plain(vm.alpha.get()));
        alphaValue.setId("train-alpha-text");
        alphaValue.setPrefColumnCount(5);
        vm.alpha.addListener((o, was, now) -> {
            if (!alphaValue.isFocused()) {
                alphaValue.setText(TraverseViewModel.plain(Math.round(now.doubleValue() * 1e6) / 1e6));
            }
        });
        Runnable commitAlpha = () -> {
            Double a = typedAlpha(alphaValue.getText());
            if (a != null) {
                vm.alpha.set(a);
            } // else the field stays marked with its message (see validation below)
        };
        alphaValue.setOnAction(e -> commitAlpha.run());
        alphaValue.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commitAlpha.run();
            }
        });
        alphaValue.setTooltip(new Tooltip("the skew α in [0, 1]: type a value and press Enter, or use the slider"));
        HBox alphaBox = new HBox(6, alpha, alphaValue);
        HBox.setHgrow(alpha, Priority.ALWAYS);
        alphaBox.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.divergence.get() == null || !vm.divergence.get().isSkewJs(), vm.divergence));
        g.addRow(row++, new Label("α (skew)"), validation.check(alphaBox, alphaValue, () -> alphaBox.isDisabled()
                || typedAlpha(alphaValue.getText()) != null ? null : "a number from 0 to 1, e.g. 0.5"));
        alphaBox.disabledProperty().addListener(o -> validation.revalidate());
        TextField beta = tip(field(vm.beta, "beta"), "β of β-VAE: DIV = β·KL(q‖p)");
        beta.disableProperty().bind(vm.divergence.isNotEqualTo(DivergenceKind.BETA));
        g.addRow(row++, new Label("β"), checked(beta, TrainViewModel.Field.BETA));
        g.addRow(row++, new Label("λ"), checked(tip(field(vm.lambda, "lambda"), "weight of the divergence in REC + λ·DIV; with the paper's dual JS⁎ᴳᵅ′, a trained encoder feels about "
                + "the pull of β-VAE with β = λ·α on the latents it uses (λ = 8 at α = 0.9 is close to β = 7.2)"),
                TrainViewModel.Field.LAMBDA));
        g.addRow(row++, new Label("Epochs"), checked(tip(field(vm.epochs, "epochs"), "How many passes over the data set; a checkpoint is written after each"), TrainViewModel.Field.EPOCHS));
        g.addRow(row++, new Label("Batch size"), checked(tip(field(vm.batch, "batch"), "Images per optimiser step: the mini-batch each gradient of the loss is averaged over"), TrainViewModel.Field.BATCH));
        g.addRow(row++, new Label("Learning rate"), checked(tip(field(vm.learningRate, "lr"), "The step size of the Adam optimiser"), TrainViewModel.Field.LEARNING_RATE));
        g.addRow(row++, new Label("Latents D"), checked(tip(field(vm.latents, "latents"), "D, the number of latent dimensions z0 … z(D−1) of the encoder's Gaussian q(z|x) and of the prior p(z) = N(0, I)"), TrainViewModel.Field.LATENTS));
        g.addRow(row++, new Label("Seed"), checked(tip(field(vm.seed, "seed"), "Seeds the weights' initialisation, the shuffling and the sampling of z: the same seed and settings train the same model"), TrainViewModel.Field.SEED));
        // a change in one field can make another one good or bad (the data set kind and Path, the divergence and β)
        vm.fieldErrors().addListener((javafx.collections.MapChangeListener<TrainViewModel.Field, String>) c -> validation.revalidate());

        Label error = new Label();
        error.setId("form-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setMaxWidth(320);
        error.textProperty().bind(vm.errorProperty());
        g.add(error, 0, row++, 2, 1);

        start.setId("train-start");
        start.getStyleClass().add("accent");
        pause.setId("train-pause");
        resume.setId("train-resume");
        cancel.setId("train-cancel");
        save.setId("train-save");
        var state = vm.stateProperty();
        var running = Bindings.createBooleanBinding(() -> state.get() == TrainViewModel.State.RUNNING
                || state.get() == TrainViewModel.State.PAUSED, state);
        start.disableProperty().bind(running.or(vm.validProperty().not()).or(validation.invalidProperty()));
        pause.disableProperty().bind(state.isNotEqualTo(TrainViewModel.State.RUNNING));
        resume.disableProperty().bind(state.isNotEqualTo(TrainViewModel.State.PAUSED));
        cancel.disableProperty().bind(running.not());
        save.disableProperty().bind(vm.checkpointProperty().isNull().or(vm.savingProperty()));
        start.setOnAction(e -> start());
        continueRun.setId("train-continue");
        continueRun.setTooltip(new Tooltip("Resume training the current model's file (with its own settings and Adam state)"
                + " up to the Epochs above; the new checkpoints go to a new file"));
        continueRun.disableProperty().bind(running.or(Bindings.createBooleanBinding(
                () -> ctx.model.get() == null || ctx.model.get().file() == null, ctx.model)));
        continueRun.setOnAction(e -> continueCurrent());
        pause.setOnAction(e -> vm.pause());
        resume.setOnAction(e -> vm.resume());
        cancel.setOnAction(e -> vm.cancel());
        save.setOnAction(e -> save());
        start.setTooltip(new Tooltip("Start training (Ctrl+T)"));
        pause.setTooltip(new Tooltip("Pause between steps (Ctrl+P)"));
        resume.setTooltip(new Tooltip("Go on from the step where the run was paused (Ctrl+P)"));
        cancel.setTooltip(new Tooltip("Stop before the next step; the last epoch's checkpoint is kept"));
        save.setTooltip(new Tooltip("Save the latest checkpoint (Ctrl+S); written atomically"));
        // the run's buttons sit under the scrolling form, always in view (1280×720 included)
        actions.getChildren().setAll(new HBox(6, start, pause, resume, cancel), new HBox(6, save, continueRun));
        ColumnConstraints c0 = new ColumnConstraints();
        ColumnConstraints c1 = new ColumnConstraints(160, 300, Double.MAX_VALUE);
        c1.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(c0, c1);
        return g;
    }

    /** A data set kind as people name it (the form is not the command line). */
    static String datasetName(DatasetSpec.Kind k) {
        return switch (k.prefix()) {
            case "dsprites-npz" -> "dSprites (.npz file)";
            case "mnist" -> "MNIST (folder of IDX files)";
            case "fashion-mnist" -> "Fashion-MNIST (folder of IDX files)";
            case "folder" -> "folder of images";
            default -> k.prefix();
        };
    }

    /** Marks {@code field} while the view model finds its value bad, with the message under it. */
    private Node checked(TextField field, TrainViewModel.Field which) {
        return checked(field, field, which);
    }

    private Node checked(Node row, TextField field, TrainViewModel.Field which) {
        return validation.check(row, field, () -> vm.fieldErrors().get(which));
    }

    /** α as typed (a comma taken as the decimal point), or null when it is not a number in [0, 1]. */
    static Double typedAlpha(String text) {
        try {
            double a = Double.parseDouble(text.trim().replace(',', '.'));
            return a >= 0 && a <= 1 ? a : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static TextField field(StringProperty p, String id) {
        TextField t = new TextField();
        t.setId("train-" + id);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    private static TextField tip(TextField t, String text) {
        t.setTooltip(new Tooltip(text));
        return t;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private void browse() {
        if (vm.datasetKind.get() == DatasetSpec.Kind.DSPRITES_NPZ) {
            Path p = ctx.open("dSprites .npz", List.of(new FileChooser.ExtensionFilter("NumPy archive (*.npz)", "*.npz")));
            if (p != null) {
                vm.datasetPath.set(p.toString());
            }
        } else {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle("Data set directory");
            Path last = ctx.prefs.lastFolder();
            if (last != null) {
                c.setInitialDirectory(last.toFile());
            }
            java.io.File f = c.showDialog(ctx.owner());
            if (f != null) {
                ctx.prefs.lastFolder(f.toPath());
                vm.datasetPath.set(f.getPath());
            }
        }
    }

    void unsaved(UnsavedWork u) {
        unsaved = u;
    }

    /** Starts a run with the form's settings (Ctrl+T); asks first when the last run's model is not saved. */
    void start() {
        if (service.isRunning()) {
            return;
        }
        if (unsaved == null) {
            launch(false);
        } else {
            unsaved.beforeReplacing("Start a new training run", null, () -> launch(false));
        }
    }

    /** Continues the current model's file up to the form's epochs. */
    void continueCurrent() {
        launch(true);
    }

    private void launch(boolean resume) {
        if (service.isRunning()) {
            return;
        }
        TrainingJob job;
        try {
            job = resume ? vm.prepareContinue(ctx.model.get()) : vm.prepare();
        } catch (RuntimeException e) {
            ctx.showError(resume ? "Cannot continue training" : "Cannot start training", e);
            return;
        }
        service.job(job);
        // reset, not restart: restarting a finished Service fires a spurious CANCELLED event
        if (service.getState() != javafx.concurrent.Worker.State.READY) {
            service.reset();
        }
        service.start();
        drainer.start();
    }

    private void finished(VaeModel model, Throwable failure) {
        drainer.stop();
        TrainingJob job = vm.job();
        if (failure != null) {
            vm.finished(TrainViewModel.State.FAILED, failure.getMessage());
            ctx.notice("Training failed");
            ctx.showError(failure instanceof TrainingDivergedException ? "Training diverged" : "Training failed", failure);
        } else if (job.isCancelled() || model == null) {
            vm.finished(TrainViewModel.State.CANCELLED, model == null ? "cancelled before the first epoch finished"
                    : "cancelled; the checkpoint of epoch " + model.manifest().epochsCompleted() + " can be saved");
            ctx.notice("Training cancelled");
        } else {
            vm.finished(TrainViewModel.State.FINISHED, "finished: " + Labels.model(model.manifest())
                    + " — it is now the current model; save it with Ctrl+S");
            ctx.notice("Training finished");
        }
        if (model != null) {
            ctx.model.set(new LoadedModel(job.checkpoint(), model, "trained in this session", false,
                    job.data()));
        }
    }

    /** Saves the latest checkpoint (Ctrl+S). */
    void save() {
        if (vm.checkpointProperty().get() == null) {
            return;
        }
        if (unsaved != null) {
            unsaved.saveAs(() -> { });
            return;
        }
        Path target = ctx.modelTarget.apply("model.zip");
        if (target != null) {
            vm.save(target, () -> ctx.addRecent(target));
        }
    }

    void togglePause() {
        if (vm.stateProperty().get() == TrainViewModel.State.RUNNING) {
            vm.pause();
        } else {
            vm.resume();
        }
    }

    void shutdown() {
        drainer.stop();
        service.shutdown();
    }

    Node node() {
        return root;
    }

    JFreeChart chart() {
        return chart;
    }

    LossChart lossChart() {
        return lossChart;
    }
}
