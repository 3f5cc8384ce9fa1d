package org.latentexplorer.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.latentexplorer.backend.BackendReport;
import org.latentexplorer.common.BuildInfo;
import org.latentexplorer.common.Environment;
import org.latentexplorer.common.ProcessMemory;

/**
 * The main window's content: menu, the views in tabs, the status bar (ND4J backend and native
 * build, memory, current job). Owns the background threads: one per view model plus one for jobs
 * (loading files, the backend probe), and the training thread.
 */
public final class MainWindow implements AutoCloseable {
    /** The window title's fixed start. */
    public static final String TITLE = "Latent Explorer";
    private static final System.Logger LOG = System.getLogger(MainWindow.class.getName());

    private final AppContext ctx;
    private final FxTaskRunner jobs = new FxTaskRunner("jobs");
    private final FxTaskRunner alphaRunner = new FxTaskRunner("alpha-explorer");
    private final FxTaskRunner traverseRunner = new FxTaskRunner("traverse-decoder", "live");
    private final FxTaskRunner trainRunner = new FxTaskRunner("train-preview");
    private final FxTaskRunner fitRunner = new FxTaskRunner("fit-demo");
    private final FitDemoViewModel fitVm = new FitDemoViewModel(fitRunner);
    private final FxTaskRunner latentRunner = new FxTaskRunner("latent-map");
    private final LatentMapViewModel latentVm = new LatentMapViewModel(latentRunner);
    private final TrainViewModel trainVm;
    private final AlphaViewModel alphaVm;
    private final TraverseViewModel traverseVm;
    private final TrainView trainView;
    private final AlphaView alphaView;
    private final TraverseView traverseView;
    private final ModelsView modelsView;
    private final FitDemoView fitView;
    private final LatentMapView latentView;
    private final FxTaskRunner sweepRunner = new FxTaskRunner("sweep-folder");
    private final SweepViewModel sweepVm;
    private final SweepView sweepView;
    /** The status bar's text while a sweep runs (held here: a binding nobody holds may be collected). */
    private StringBinding sweepStatus;
    private final TeachingMode teaching;
    private boolean teachingOn;
    private VBox topBar;
    private final TabPane tabs = new TabPane();
    private final BorderPane root = new BorderPane();
    private final StatusBar status = new StatusBar();
    private final Label backend = new Label("ND4J: loading …");
    private final Label memory = new Label();
    private final Tooltip memoryTip = new Tooltip();
    private final Label working = new Label();
    private final Label banner = new Label();
    private final Timeline memoryTimer;
    private final StringBinding title;
    private final Path workDirectory;
    private final UnsavedWork unsaved;
    /** Closes the window once unsaved work has been saved at quit; replaceable for tests. */
    Runnable closeWindow = () -> {
        if (root.getScene() != null && root.getScene().getWindow() != null) {
            root.getScene().getWindow().hide();
        }
    };

    public MainWindow(AppPrefs prefs, Path workDirectory) {
        ctx = new AppContext(prefs);
        this.workDirectory = workDirectory;
        WorkDirectory.claim(workDirectory);
        trainVm = new TrainViewModel(trainRunner, workDirectory);
        unsaved = new UnsavedWork(ctx, trainVm, workDirectory);
        alphaVm = new AlphaViewModel(alphaRunner);
        traverseVm = new TraverseViewModel(traverseRunner);
        trainView = new TrainView(trainVm, ctx);
        trainView.unsaved(unsaved);
        alphaView = new AlphaView(alphaVm, ctx);
        traverseView = new TraverseView(traverseVm, ctx);
        modelsView = new ModelsView(ctx, this::openModel);
        modelsView.onSaveImported(this::saveImported);
        fitView = new FitDemoView(fitVm, ctx);
        latentView = new LatentMapView(latentVm, ctx);
        latentVm.onAnchor(traverseVm::setAnchor);
        sweepVm = new SweepViewModel(sweepRunner, Path.of(System.getProperty("user.home"), "LatentExplorer", "sweeps"),
                new SweepService());
        sweepView = new SweepView(sweepVm, ctx);
        sweepView.onOpenModel(this::openInTraverse);
        teaching = new TeachingMode(java.util.List.of(
                new TeachingMode.Slide("Fig. 1: two Gaussians and their geometric mean", new Fig1Slide(alphaVm, ctx).node(), () -> { }),
                new TeachingMode.Slide("Fig. 2: one Gaussian fitted by each divergence", fitView.node(), fitView::shown),
                new TeachingMode.Slide("Latent map: what the dimensions learned", latentView.node(), latentView::shown)),
                () -> teachingMode(false));
        trainVm.lastEpochProperty().addListener((o, was, now) -> {
            if (now != null && now.model() != null) {
                latentVm.setEpochModel(now.model(), now.record().epoch());
            }
        });
        ctx.recentChanged = modelsView::recent;

        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(tab("Train", "tab-train", trainView.node()), tab("α explorer", "tab-alpha", alphaView.node()),
                tab("Traverse", "tab-traverse", traverseView.node()), tab("Models", "tab-models", modelsView.node()),
                tab("Fig 2 fit", "tab-fit-demo", fitView.node()), tab("Latent map", "tab-latent-map", latentView.node()),
                tab("Sweep", "tab-sweep", sweepView.node()));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && "tab-fit-demo".equals(now.getId())) {
                fitView.shown();
            }
            if (now != null && "tab-latent-map".equals(now.getId())) {
                latentView.shown();
            }
        });

        banner.setId("untrained-banner");
        banner.getStyleClass().add("banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setPadding(new Insets(6, 12, 6, 12));
        banner.setVisible(false);
        banner.managedProperty().bind(banner.visibleProperty());
        javafx.scene.control.Button present = new javafx.scene.control.Button("Teaching mode");
        present.setId("teaching-mode-button");
        present.setTooltip(new Tooltip("Presentation layout: Fig. 1, Fig. 2 and the latent map full-window, large type (F5)"));
        present.setOnAction(e -> teachingMode(true));
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox top = new javafx.scene.layout.HBox(menu(), spacer, present);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 6, 0, 0));
        topBar = new VBox(top, banner, firstRunHint(prefs));
        root.setTop(topBar);
        root.setCenter(tabs);
        root.setBottom(status);
        root.getStyleClass().add("latent-explorer");
        modelsView.acceptDrops(root);

        status.setId("status-bar");
        status.textProperty().bind(ctx.job);
        backend.setId("status-backend");
        memory.setId("status-memory");
        memory.setTooltip(memoryTip);
        working.setId("status-working");
        working.textProperty().bind(Bindings.createStringBinding(() -> {
            return workingText(jobs.busyProperty().get() > 0, alphaRunner.busyProperty().get() > 0,
                    traverseRunner.busyProperty().get() > 0, trainRunner.busyProperty().get() > 0);
        }, jobs.busyProperty(), alphaRunner.busyProperty(), traverseRunner.busyProperty(), trainRunner.busyProperty()));
        status.getRightItems().addAll(working, backend, new Label("  "), memory);
        status.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            TrainViewModel.State s = trainVm.stateProperty().get();
            if (s == TrainViewModel.State.RUNNING || s == TrainViewModel.State.PAUSED) {
                return trainVm.overallProgressProperty().get();
            }
            SweepViewModel.State w = sweepVm.stateProperty().get();
            return w == SweepViewModel.State.RUNNING || w == SweepViewModel.State.STOPPING ? sweepVm.progressProperty().get() : 0.0;
        }, trainVm.stateProperty(), trainVm.overallProgressProperty(), sweepVm.stateProperty(), sweepVm.progressProperty()));
        sweepStatus = sweepView.statusText();
        sweepStatus.addListener((o, was, now) -> {
            if (now != null) {
                ctx.job.set(now);
            } else if (was != null) {
                ctx.job.set(sweepVm.progressTextProperty().get());
            }
        });
        memoryTimer = new Timeline(new KeyFrame(Duration.seconds(2), e -> updateMemory()));
        memoryTimer.setCycleCount(Timeline.INDEFINITE);
        updateMemory();

        ctx.model.addListener((o, was, now) -> modelChanged(now));
        title = Bindings.createStringBinding(() -> ctx.model.get() == null ? TITLE : TITLE + " — " + ctx.model.get().describe(),
                ctx.model);
        ctx.dark.addListener((o, was, now) -> applyTheme(now));
        applyTheme(ctx.dark.get());
        Tooltips.wrapAll(root); // long tooltips wrap instead of running off the screen
        Tooltips.wrapAll(teaching.node());
    }

    private final javafx.scene.layout.HBox hint = new javafx.scene.layout.HBox(8);

    /** A short hint on where to begin, shown at the first start only (remembered in the preferences) until closed. */
    private javafx.scene.Node firstRunHint(AppPrefs prefs) {
        Label text = new Label("New here? The model loaded at start can be explored right away: open the Traverse tab and "
                + "drag a latent's slider to see what that dimension encodes, or the α explorer to see its divergences. "
                + "To train your own, fill in the Train tab and press Start. Hover over any control to learn what it does; "
                + "F1 lists the shortcuts.");
        text.setId("first-run-hint-text");
        text.setWrapText(true);
        javafx.scene.layout.HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.control.Button traverse = new javafx.scene.control.Button("Show Traverse");
        traverse.setId("first-run-hint-traverse");
        traverse.setTooltip(new Tooltip("Open the Traverse view: the traversal grid of the current model and one slider per latent"));
        traverse.setOnAction(e -> {
            tabs.getSelectionModel().select(2);
            hint.setVisible(false);
        });
        javafx.scene.control.Button close = new javafx.scene.control.Button("Got it");
        traverse.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        close.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        close.setId("first-run-hint-close");
        close.setTooltip(new Tooltip("Close this hint; it is not shown again"));
        close.setOnAction(e -> hint.setVisible(false));
        hint.getChildren().setAll(text, traverse, close);
        hint.setId("first-run-hint");
        hint.getStyleClass().add("banner");
        hint.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        hint.setPadding(new Insets(6, 12, 6, 12));
        hint.managedProperty().bind(hint.visibleProperty());
        hint.setVisible(!prefs.firstRunHintShown());
        if (!prefs.firstRunHintShown()) {
            prefs.firstRunHintShown(true); // once: the next start has no hint, closed or not
            prefs.flush();
        }
        return hint;
    }

    /** Closes the first-run hint (as its Got it button does). */
    void closeFirstRunHint() {
        hint.setVisible(false);
    }

    /** Whether the first-run hint is on screen. */
    boolean firstRunHintVisible() {
        return hint.isVisible();
    }

    private static Tab tab(String text, String id, javafx.scene.Node content) {
        Tab t = new Tab(text, content);
        t.setId(id);
        return t;
    }

    private MenuBar menu() {
        MenuItem open = item("Open model…", "Shortcut+O", modelsView::chooseAndOpen);
        MenuItem save = item("Save trained model…", "Shortcut+S", trainView::save);
        MenuItem export = item("Export traversal PNG…", "Shortcut+E", () -> traverseView.export("png"));
        MenuItem gif = item("Export traversal GIF…", "Shortcut+G", () -> traverseView.export("gif"));
        MenuItem quit = item("Quit", "Shortcut+Q", () -> {
            if (root.getScene() != null && root.getScene().getWindow() != null) {
                javafx.stage.Window w = root.getScene().getWindow();
                w.fireEvent(new javafx.stage.WindowEvent(w, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
            }
        });
        Menu file = new Menu("File", null, open, save, new SeparatorMenuItem(), export, gif, new SeparatorMenuItem(), quit);
        MenuItem start = item("Start training", "Shortcut+T", trainView::start);
        MenuItem pause = item("Pause / resume", "Shortcut+P", trainView::togglePause);
        MenuItem cancel = item("Cancel training", "Shortcut+Period", trainVm::cancel);
        Menu train = new Menu("Training", null, start, pause, cancel);
        Menu view = new Menu("View");
        for (int i = 0; i < 7; i++) {
            int k = i;
            String[] names = {"Train", "α explorer", "Traverse", "Models", "Fig 2 fit", "Latent map", "Sweep"};
            view.getItems().add(item(names[i], "Shortcut+" + (i + 1), () -> tabs.getSelectionModel().select(k)));
        }
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+D"));
        dark.selectedProperty().bindBidirectional(ctx.dark);
        view.getItems().addAll(new SeparatorMenuItem(), dark, item("Teaching mode", "F5", () -> teachingMode(!teachingOn)));
        MenuItem keys = item("Keyboard shortcuts", "F1", () -> {
            javafx.scene.control.Alert a = ctx.showInfo("Keyboard shortcuts", shortcuts(java.util.List.of(file, train, view)));
            a.getDialogPane().setId("shortcuts-dialog");
        });
        MenuItem about = new MenuItem("About Latent Explorer");
        about.setOnAction(e -> {
            javafx.scene.control.Alert a = ctx.showInfo("About Latent Explorer", aboutText(backend.getText()));
            a.getDialogPane().setId("about-dialog");
        });
        Menu help = new Menu("Help", null, keys, about);
        return new MenuBar(file, train, view, help);
    }

    /**
     * The shortcuts of the menus' items (their accelerators, so the list cannot drift from the menus), then the
     * keys of the teaching mode, one per line.
     */
    static String shortcuts(java.util.List<Menu> menus) {
        StringBuilder b = new StringBuilder();
        for (Menu m : menus) {
            for (MenuItem i : m.getItems()) {
                if (i.getAccelerator() != null) {
                    b.append(i.getAccelerator().getDisplayText()).append("\t").append(m.getText()).append(" ▸ ")
                            .append(i.getText()).append('\n');
                }
            }
        }
        return b.append("In the teaching mode: Page Down, → or Space the next view; Page Up or ← the previous; Esc leaves\n")
                .append("F1\tthis list").toString();
    }

    /** What the About dialog says: the software and its build, the backend in use, Java and the OS, the paper. */
    static String aboutText(String backendLine) {
        return BuildInfo.software() + "\n" + backendLine + "\nJava " + Environment.javaHere() + " on " + Environment.osHere()
                + "\n\nTrains and explores variational autoencoders regularised with the skew geometric Jensen–Shannon"
                + " divergence of Deasy, Simidjievski & Liò, \u201cConstraining Variational Inference with Geometric"
                + " Jensen–Shannon Divergence\u201d (NeurIPS 2020), beside KL(q‖p), KL(p‖q), β-VAE, MMD and Nielsen's"
                + " original skew geometric JS. The method is written down in docs/method.md.";
    }

    /**
     * Switches the presentation layout on or off: the slides fill the window (menu, tabs and status bar hidden)
     * and their views are borrowed from the tabs until it ends.
     */
    public void teachingMode(boolean on) {
        if (on == teachingOn) {
            return;
        }
        teachingOn = on;
        if (on) {
            javafx.scene.Node fit = tabs.getTabs().get(4).getContent();
            javafx.scene.Node latent = tabs.getTabs().get(5).getContent();
            tabs.getTabs().get(4).setContent(new Label("Shown in teaching mode."));
            tabs.getTabs().get(5).setContent(new Label("Shown in teaching mode."));
            root.setTop(null);
            root.setBottom(null);
            root.setCenter(teaching.enter());
            teachingHomes = new javafx.scene.Node[] {fit, latent};
        } else {
            teaching.leave();
            tabs.getTabs().get(4).setContent(teachingHomes[0]);
            tabs.getTabs().get(5).setContent(teachingHomes[1]);
            root.setTop(topBar);
            root.setBottom(status);
            root.setCenter(tabs);
        }
    }

    /** Whether the presentation layout is on. */
    public boolean teachingMode() {
        return teachingOn;
    }

    TeachingMode teaching() {
        return teaching;
    }

    private javafx.scene.Node[] teachingHomes;

    private static MenuItem item(String text, String keys, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setAccelerator(KeyCombination.keyCombination(keys));
        m.setOnAction(e -> action.run());
        return m;
    }

    private void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        root.getStyleClass().remove("dark");
        if (dark) {
            root.getStyleClass().add("dark");
        }
        ctx.prefs.dark(dark);
    }

    /** The process's resident memory (ND4J's off-heap arrays included) and the Java heap. */
    private void updateMemory() {
        Runtime r = Runtime.getRuntime();
        long used = (r.totalMemory() - r.freeMemory()) >> 20;
        java.util.OptionalLong rss = ProcessMemory.residentBytes();
        // short enough that the status bar never elides at 1280 wide; the limits are in the tooltip
        memory.setText(rss.isPresent() ? String.format(Locale.ROOT, "memory %s (heap %,d MB)", ProcessMemory.megabytes(rss), used)
                : String.format(Locale.ROOT, "heap %,d MB", used));
        memoryTip.setText(String.format(Locale.ROOT, "Resident memory of this process (Java heap plus ND4J's native arrays): %s%n"
                + "Java heap in use: %,d MB of at most %,d MB", ProcessMemory.megabytes(rss), used, r.maxMemory() >> 20));
    }

    private void modelChanged(LoadedModel m) {
        if (m == null || m.file() == null || !m.file().equals(trainVm.checkpointProperty().get())) {
            trainVm.clearProgress(); // another model: the last run's ETA and progress no longer apply
        }
        alphaVm.setModel(m);
        traverseVm.setModel(m);
        latentVm.setModel(m);
        if (m != null) {
            banner.setText(m.untrained()
                    ? "No model found in models/: showing a freshly initialised, untrained model on procedural dSprites. "
                    + "Train one (Train tab, Ctrl+T) or open a model file (Ctrl+O)."
                    : "");
            banner.setVisible(m.untrained());
            ctx.job.set("Model: " + m.describe());
        }
    }

    /** Starts the background work of the first start: the backend probe and the demo model. */
    public void start() {
        memoryTimer.play();
        jobs.submit("backend", BackendReport::probe, r -> {
            backend.setText("ND4J " + shortBackend(r.backend()) + instructionSet(r.nativeBuild()));
            backend.setTooltip(new Tooltip(String.join("\n", r.lines())));
        }, t -> backend.setText("ND4J failed to load: " + t.getMessage()));
        ctx.job.set("Loading the demo model …");
        jobs.runOnce("bundled", ModelLoader::bundledModels, modelsView::bundled, t -> {
            LOG.log(System.Logger.Level.WARNING, "could not list the bundled models", t);
            ctx.problem("Could not list the bundled models in models/: " + t.getMessage());
        });
        jobs.submit("load", ModelLoader::demo, ctx.model::set, t -> {
            ctx.problem("Could not load a model");
            ctx.showError("Could not load the demo model", t);
        });
        offerRecovery();
    }

    /** Offers the checkpoints that an app which did not quit left in the temp folder (at start). */
    void offerRecovery() {
        unsaved.offerRecovery(workDirectory.toAbsolutePath().getParent(), this::openModel);
    }

    /** The status bar's word for the background work in progress, e.g. "α curves, decoding"; empty when idle. */
    static String workingText(boolean loading, boolean alphaCurves, boolean decoding, boolean preview) {
        List<String> busy = new ArrayList<>();
        if (loading) {
            busy.add("loading");
        }
        if (alphaCurves) {
            busy.add("α curves");
        }
        if (decoding) {
            busy.add("decoding");
        }
        if (preview) {
            busy.add("preview");
        }
        return String.join(", ", busy);
    }

    /** " · AVX-512" for a build named like nd4j-native-onednn-avx512; the full name is in the tooltip. */
    static String instructionSet(String nativeBuild) {
        String b = nativeBuild == null ? "" : nativeBuild.toLowerCase(Locale.ROOT);
        if (b.endsWith("avx512")) {
            return " · AVX-512";
        }
        if (b.endsWith("avx2")) {
            return " · AVX2";
        }
        return "";
    }

    private static String shortBackend(String backend) {
        if (backend.startsWith("CpuBackend")) {
            return "CPU";
        }
        if (backend.startsWith("JCublasBackend")) {
            return "CUDA";
        }
        return backend;
    }

    /**
     * Opens a model file in the background; a bad file shows an error dialog naming it. When it would replace
     * a trained model that is not saved, asks Save / Discard / Cancel first.
     */
    public void openModel(Path file) {
        ctx.job.set("Opening " + file.getFileName() + " …");
        jobs.submit("load", () -> ModelLoader.load(file), m -> unsaved.beforeReplacing("Open " + file.getFileName(), file, () -> {
            ctx.model.set(m);
            ctx.addRecent(file);
        }), t -> {
            ctx.problem("Could not open " + file.getFileName());
            ctx.showError("Could not open the model", t);
        });
    }

    /**
     * Opens a model file (as {@link #openModel}, asking about unsaved work first) and shows it in Traverse once it is
     * the current model.
     */
    void openInTraverse(Path file) {
        javafx.beans.value.ChangeListener<LoadedModel> show = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends LoadedModel> o, LoadedModel was, LoadedModel now) {
                ctx.model.removeListener(this);
                if (now != null && file.equals(now.file())) {
                    tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "tab-traverse".equals(t.getId()))
                            .findFirst().orElseThrow());
                }
            }
        };
        ctx.model.addListener(show);
        openModel(file);
    }

    /**
     * Saves the current model, imported from PyTorch and held in memory, as a model file, then opens
     * that file (so that it can be trained further and joins the recent files).
     */
    public void saveImported(Path target) {
        LoadedModel m = ctx.model.get();
        if (m == null || target == null) {
            return;
        }
        ctx.job.set("Saving " + target.getFileName() + " …");
        jobs.runOnce("save-imported", () -> {
            org.latentexplorer.model.ModelFile.write(target, m.manifest(), m.model().weights(), null);
            return target;
        }, this::openModel, t -> {
            ctx.problem("Could not save " + target.getFileName());
            ctx.showError("Could not save the model", t);
        });
    }

    public Parent root() {
        return root;
    }

    public StringBinding titleProperty() {
        return title;
    }

    /** Where the stage is, for dialogs. */
    public void owner(javafx.stage.Window window) {
        ctx.owner(window);
    }

    /** Whether the dark theme is on (remembered in the preferences). */
    public javafx.beans.property.BooleanProperty darkProperty() {
        return ctx.dark;
    }

    public TabPane tabs() {
        return tabs;
    }

    public TrainViewModel train() {
        return trainVm;
    }

    public AlphaViewModel alpha() {
        return alphaVm;
    }

    public TraverseViewModel traverse() {
        return traverseVm;
    }

    public javafx.beans.property.ObjectProperty<LoadedModel> model() {
        return ctx.model;
    }

    public LatentMapViewModel latentMap() {
        return latentVm;
    }

    public FitDemoViewModel fitDemo() {
        return fitVm;
    }

    AlphaView alphaView() {
        return alphaView;
    }

    AppContext context() {
        return ctx;
    }

    ModelsView modelsView() {
        return modelsView;
    }

    TrainView trainView() {
        return trainView;
    }

    SweepViewModel sweep() {
        return sweepVm;
    }

    SweepView sweepView() {
        return sweepView;
    }

    /**
     * Asks Save / Discard / Cancel before closing when a trained model has not been saved or training is
     * running; returns whether the window may close now (after Save it closes itself once the file is written).
     */
    public boolean confirmClose() {
        return unsaved.beforeQuitting(() -> closeWindow.run());
    }

    /**
     * Makes every uncaught exception visible: logged with its stack trace and shown in a dialog (on the FX
     * thread), instead of vanishing with a background thread or leaving a half-updated screen.
     */
    public void installCrashHandler() {
        Thread.setDefaultUncaughtExceptionHandler((thread, t) -> {
            LOG.log(System.Logger.Level.ERROR, "uncaught exception in thread " + thread.getName(), t);
            javafx.application.Platform.runLater(() -> {
                javafx.scene.control.Alert a = ctx.showError("Something went wrong", "An unexpected error happened ("
                        + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()) + ", in "
                        + thread.getName() + "). Your work is still open; save a trained model if you have one. "
                        + "The details are in the log (standard error).");
                a.getDialogPane().setId("crash-dialog");
            });
        });
    }

    /** Stops training and the background threads. */
    @Override
    public void close() {
        memoryTimer.stop();
        trainView.shutdown();
        sweepView.shutdown();
        sweepRunner.close();
        jobs.close();
        alphaRunner.close();
        traverseRunner.close();
        trainRunner.close();
        fitRunner.close();
        latentRunner.close();
        ctx.prefs.flush();
        if (!unsaved.unsavedModel()) {
            WorkDirectory.delete(workDirectory); // saved or discarded: the temporary checkpoints go
        }
    }
}
