package org.latentexplorer.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.latentexplorer.data.DatasetSpec;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.sweep.Presets;
import org.latentexplorer.sweep.RunResult;
import org.latentexplorer.sweep.SweepRun;

/**
 * The Sweep view: the sweep's form (a preset or a small grid, data set, budget, batch, learning rate, seeds, folder),
 * Run / Stop / Open folder, the table of its runs as they finish, the Fig 3 chart (reconstruction against α, KL
 * baselines as lines) and the progress. A double-click on a finished run opens its model file in Traverse.
 */
final class SweepView {
    private final SweepViewModel vm;
    private final AppContext ctx;
    private final BorderPane root = new BorderPane();
    private final JFreeChart chart;
    final TableView<SweepRow> table = new TableView<>();
    final Button run = new Button("Run");
    final Button stop = new Button("Stop");
    final Button open = new Button("Open sweep folder…");
    private Consumer<Path> openModel = p -> { };

    SweepView(SweepViewModel vm, AppContext ctx) {
        this.vm = vm;
        this.ctx = ctx;
        chart = Charts.lines("Reconstruction against α (Fig 3)", "α", "reconstruction error", vm.fig3());
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        r.setDefaultShapesVisible(true);
        ((org.jfree.chart.axis.NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        vm.klLines().addListener((ListChangeListener<SweepViewModel.Line>) c -> markers());
        Charts.style(chart, ctx.dark.get());
        ctx.dark.addListener((o, was, now) -> {
            Charts.style(chart, now);
            markers();
        });
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("sweep-chart");
        viewer.setMinSize(300, 220);

        ScrollPane form = new ScrollPane(form());
        form.setFitToWidth(true);
        form.setPrefViewportWidth(370);
        form.getStyleClass().add("side-panel");

        table();
        SplitPane centre = new SplitPane(table, viewer);
        centre.setOrientation(javafx.geometry.Orientation.VERTICAL);
        centre.setDividerPositions(0.5);

        ProgressBar bar = new ProgressBar();
        bar.setId("sweep-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setTooltip(new Tooltip("Runs finished, with the current run's epochs"));
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label progress = new Label();
        progress.setId("sweep-progress-text");
        progress.textProperty().bind(vm.progressTextProperty());
        Label message = new Label();
        message.setId("sweep-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        VBox bottom = new VBox(6, new HBox(8, new Label("Sweep"), bar), progress, message);
        bottom.setPadding(new Insets(8, 0, 0, 0));
        BorderPane right = new BorderPane(centre);
        right.setBottom(bottom);
        right.setPadding(new Insets(10));
        root.setLeft(form);
        root.setCenter(right);
        root.setId("sweep-view");
        vm.refresh();
    }

    /** Who opens a model file (the main window, which asks about unsaved work first). */
    void onOpenModel(Consumer<Path> open) {
        openModel = open;
    }

    private void markers() {
        XYPlot plot = chart.getXYPlot();
        plot.clearRangeMarkers();
        int i = 0;
        for (SweepViewModel.Line l : vm.klLines()) {
            ValueMarker m = new ValueMarker(l.value());
            m.setPaint(ctx.dark.get() ? new java.awt.Color(0xdd, 0xe3, 0xea) : java.awt.Color.DARK_GRAY);
            m.setStroke(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f,
                    i++ == 0 ? new float[] {6f, 4f} : new float[] {2f, 3f}, 0f));
            m.setLabel(l.label() + String.format(Locale.ROOT, " %.4f", l.value()));
            m.setLabelPaint(ctx.dark.get() ? new java.awt.Color(0xdd, 0xe3, 0xea) : java.awt.Color.DARK_GRAY);
            m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(m);
        }
    }

    private void table() {
        table.setId("sweep-table");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("No runs: choose a preset or a grid, or open a sweep folder"));
        table.setTooltip(new Tooltip("The sweep's runs, read from their result.json files as they finish; "
                + "double-click a finished run to open its model in Traverse"));
        table.getColumns().add(column("Run", 170, SweepRow::run));
        table.getColumns().add(column("Divergence", 150, SweepRow::label));
        table.getColumns().add(column("α", 45, r -> r.alpha() == null ? "" : SweepRun.number(r.alpha())));
        table.getColumns().add(column("β", 55, r -> r.beta() == null ? "" : SweepRun.number(r.beta())));
        table.getColumns().add(column("λ", 45, r -> SweepRun.number(r.lambda())));
        table.getColumns().add(column("Reconstruction", 100, r -> value(r, e -> e.reconstruction())));
        table.getColumns().add(column("kl_loss1", 80, r -> value(r, RunResult.Evaluation::klLoss1)));
        table.getColumns().add(column("kl_loss2", 80, r -> value(r, RunResult.Evaluation::klLoss2)));
        table.getColumns().add(column("Divergence value", 100, r -> value(r, e -> e.divergence())));
        table.getColumns().add(column("MIG", 60, r -> r.result() == null || r.result().migValue() == null ? ""
                : String.format(Locale.ROOT, "%.3f", r.result().migValue())));
        table.getColumns().add(column("Wall time", 75, r -> r.result() == null ? "" : duration(r.result().wallSeconds())));
        table.getColumns().add(column("Status", 200, SweepRow::status));
        table.setRowFactory(t -> {
            TableRow<SweepRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    openRow(row.getItem());
                }
            });
            return row;
        });
    }

    /** Opens a finished row's model file in Traverse; an unfinished row says why it cannot. */
    void openRow(SweepRow r) {
        if (r == null) {
            return;
        }
        if (r.model() == null) {
            ctx.problem(r.run() + " has no model to open yet (" + r.status() + ")");
            return;
        }
        openModel.accept(r.model());
    }

    private static String value(SweepRow r, Function<RunResult.Evaluation, Double> f) {
        if (r.result() == null) {
            return "";
        }
        Double v = f.apply(r.result().evaluation());
        return v == null ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    private static TableColumn<SweepRow, String> column(String title, double width, Function<SweepRow, String> f) {
        TableColumn<SweepRow, String> c = new TableColumn<>(title);
        // never narrower than its title (the header would show "Reconst…")
        javafx.scene.text.Text measure = new javafx.scene.text.Text(title);
        javafx.scene.text.Font base = javafx.scene.text.Font.getDefault();
        measure.setFont(javafx.scene.text.Font.font(base.getFamily(), javafx.scene.text.FontWeight.BOLD, base.getSize() * 1.15));
        double titleWidth = Math.ceil(measure.getLayoutBounds().getWidth()) + 32;
        c.setPrefWidth(Math.max(width, titleWidth));
        c.setMinWidth(titleWidth);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        return c;
    }

    private Node form() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.setPadding(new Insets(10));
        int row = 0;
        Label title = new Label("Sweep");
        title.getStyleClass().add("section-title");
        g.add(title, 0, row++, 2, 1);

        ComboBox<String> preset = new ComboBox<>();
        preset.setId("sweep-preset");
        preset.getItems().addAll(Presets.NAMES);
        preset.getItems().add(SweepViewModel.CUSTOM);
        preset.setConverter(converter(SweepView::presetName));
        preset.valueProperty().bindBidirectional(vm.preset);
        preset.setTooltip(new Tooltip("A built-in sweep with the paper's settings, or your own grid below"));
        g.addRow(row++, new Label("Sweep"), preset);
        Label detail = new Label();
        detail.setId("sweep-preset-detail");
        detail.setWrapText(true);
        detail.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        detail.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> presetDetail(vm.preset.get()), vm.preset));
        g.add(detail, 1, row++);

        var custom = vm.preset.isNotEqualTo(SweepViewModel.CUSTOM);
        TextField name = field(vm.name, "name", "Your grid's name: letters, digits, '.', '_' or '-' (recorded in sweep.json)");
        name.disableProperty().bind(custom);
        g.addRow(row++, new Label("Name"), name);
        FlowPane kinds = new FlowPane(8, 4);
        kinds.setId("sweep-divergences");
        for (DivergenceKind k : DivergenceKind.values()) {
            CheckBox c = new CheckBox(Labels.divergence(k));
            c.setId("sweep-div-" + k.cliName());
            c.selectedProperty().bindBidirectional(vm.divergences.get(k));
            c.setTooltip(new Tooltip("Include " + Labels.divergenceChoice(k) + " in the grid"));
            kinds.getChildren().add(c);
        }
        kinds.disableProperty().bind(custom);
        g.add(new Label("Divergences"), 0, row);
        g.add(kinds, 1, row++);
        TextField alphas = field(vm.alphas, "alphas", "The skew α values of the JS divergences, each in [0, 1], e.g. 0.1, 0.5, 0.9");
        alphas.disableProperty().bind(custom);
        g.addRow(row++, new Label("α list"), alphas);
        TextField betas = field(vm.betas, "betas", "The β values of β-VAE, each > 0, e.g. 0.25, 4");
        betas.disableProperty().bind(custom);
        g.addRow(row++, new Label("β list"), betas);
        TextField lambdas = field(vm.lambdas, "lambdas", "The weights λ of every divergence; empty: each divergence's default");
        lambdas.disableProperty().bind(custom);
        g.addRow(row++, new Label("λ list"), lambdas);

        ComboBox<DatasetSpec.Kind> kind = new ComboBox<>();
        kind.setId("sweep-dataset");
        kind.getItems().addAll(DatasetSpec.Kind.values());
        kind.setConverter(converter(k -> k == DatasetSpec.Kind.DSPRITES ? "dSprites (built in)" : TrainView.datasetName(k)));
        kind.valueProperty().bindBidirectional(vm.datasetKind);
        kind.setTooltip(new Tooltip("The data set every run trains on"));
        g.addRow(row++, new Label("Data set"), kind);
        TextField path = field(vm.datasetPath, "dataset-path", "The data set's folder or .npz file");
        Button browse = new Button("…");
        browse.setId("sweep-dataset-browse");
        browse.setTooltip(new Tooltip("Choose the data set's folder (or .npz file)"));
        browse.setOnAction(e -> {
            Path p = vm.datasetKind.get() == DatasetSpec.Kind.DSPRITES_NPZ
                    ? ctx.open("Choose the dSprites .npz file", java.util.List.of(new javafx.stage.FileChooser.ExtensionFilter("NumPy archive", "*.npz")))
                    : ctx.openFolder("Choose the data set's folder");
            if (p != null) {
                vm.datasetPath.set(p.toString());
            }
        });
        HBox pathBox = new HBox(4, path, browse);
        HBox.setHgrow(path, Priority.ALWAYS);
        pathBox.disableProperty().bind(vm.datasetKind.isEqualTo(DatasetSpec.Kind.DSPRITES));
        g.addRow(row++, new Label("Path"), pathBox);

        ComboBox<Boolean> unit = new ComboBox<>();
        unit.setId("sweep-budget-unit");
        unit.getItems().addAll(true, false);
        unit.setConverter(converter(b -> b ? "images per run" : "epochs per run"));
        unit.valueProperty().bindBidirectional(vm.budgetInImages);
        unit.setTooltip(new Tooltip("Whether the budget counts images seen or epochs"));
        unit.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        TextField budget = field(vm.budget, "budget", "How long every run trains: images seen (e.g. 4096) or epochs");
        HBox budgetBox = new HBox(4, budget, unit);
        HBox.setHgrow(budget, Priority.ALWAYS);
        g.addRow(row++, new Label("Budget"), budgetBox);
        g.addRow(row++, new Label("Limit"), field(vm.limit, "limit",
                "Train every run on this many examples (0: all, or as the image budget implies)"));
        ComboBox<org.latentexplorer.data.Subset> subset = new ComboBox<>();
        subset.setId("sweep-subset");
        subset.getItems().addAll(org.latentexplorer.data.Subset.values());
        subset.setConverter(converter(x -> x == org.latentexplorer.data.Subset.SPREAD ? "spread evenly over the set" : "the first N"));
        subset.valueProperty().bindBidirectional(vm.subset);
        subset.setTooltip(new Tooltip("Which examples a limit keeps"));
        g.addRow(row++, new Label("Examples"), subset);
        g.addRow(row++, new Label("Batch size"), field(vm.batch, "batch", "Examples per training step"));
        g.addRow(row++, new Label("Learning rate"), field(vm.learningRate, "lr", "Adam's learning rate, e.g. 1e-4"));
        g.addRow(row++, new Label("Latent size D"), field(vm.latents, "latents", "Latent dimensions of every model"));
        g.addRow(row++, new Label("Seeds"), field(vm.seeds, "seeds", "Every grid point runs once per seed, e.g. 1234, 1235"));

        TextField folder = field(vm.folder, "folder", "Where the sweep is written: sweep.json and runs/NAME/ with model.zip, "
                + "log.txt and result.json. Run in the same folder again to continue it");
        Button chooseFolder = new Button("…");
        chooseFolder.setId("sweep-folder-browse");
        chooseFolder.setTooltip(new Tooltip("Choose the sweep's folder"));
        chooseFolder.setOnAction(e -> {
            Path p = ctx.openFolder("Choose the sweep's folder");
            if (p != null) {
                vm.folder.set(p.toString());
            }
        });
        HBox folderBox = new HBox(4, folder, chooseFolder);
        HBox.setHgrow(folder, Priority.ALWAYS);
        g.addRow(row++, new Label("Folder"), folderBox);

        Label error = new Label();
        error.setId("sweep-error");
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        g.add(error, 0, row++, 2, 1);

        run.setId("sweep-run");
        run.setDefaultButton(false);
        run.setTooltip(new Tooltip("Run the sweep in the background: finished runs are skipped, unfinished ones resume "
                + "from their last epoch"));
        var busy = vm.stateProperty().isEqualTo(SweepViewModel.State.RUNNING)
                .or(vm.stateProperty().isEqualTo(SweepViewModel.State.STOPPING));
        run.disableProperty().bind(busy.or(vm.errorProperty().isNotEmpty()));
        run.setOnAction(e -> vm.run());
        stop.setId("sweep-stop");
        stop.setTooltip(new Tooltip("Stop before the next training step; the last epoch's checkpoint stays and Run continues"));
        stop.disableProperty().bind(vm.stateProperty().isNotEqualTo(SweepViewModel.State.RUNNING));
        stop.setOnAction(e -> vm.cancel());
        open.setId("sweep-open");
        open.setTooltip(new Tooltip("Open an existing sweep folder: its runs and settings; Run continues it"));
        open.disableProperty().bind(busy);
        open.setOnAction(e -> {
            Path p = ctx.openFolder("Open a sweep folder");
            if (p != null) {
                vm.openFolder(p);
            }
        });
        Button refresh = new Button("Refresh");
        refresh.setId("sweep-refresh");
        refresh.setTooltip(new Tooltip("Read the folder's runs again"));
        refresh.setOnAction(e -> vm.refresh());
        FlowPane buttons = new FlowPane(6, 6, run, stop, open, refresh);
        g.add(buttons, 0, row++, 2, 1);

        vm.errorProperty().addListener((o, was, now) -> {
            if (now.isEmpty()) {
                vm.refresh();
            }
        });
        vm.folder.addListener((o, was, now) -> vm.refresh());

        ColumnConstraints c0 = new ColumnConstraints();
        ColumnConstraints c1 = new ColumnConstraints(160, 240, Double.MAX_VALUE);
        c1.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(c0, c1);
        return g;
    }

    /** A preset as people name it. */
    static String presetName(String p) {
        return switch (p) {
            case "table2" -> "Table 2 (23 runs)";
            case "alpha-grid" -> "α grid (Figs 10–11, 36 runs)";
            case "lambda-grid" -> "λ grid (Fig 12, 48 runs)";
            case "beta-grid" -> "β grid (Fig 13, 7 runs)";
            case SweepViewModel.CUSTOM -> "your own grid (below)";
            default -> p;
        };
    }

    /** What a preset trains, in words, shown under the choice. */
    static String presetDetail(String p) {
        return switch (p == null ? "" : p) {
            case "table2" -> "KL(q‖p), KL(p‖q), β-VAE (β = 4 and 0.25), MMD (λ = 500), JSᴳᵅ′ and JS⁎ᴳᵅ′ at nine α";
            case "alpha-grid" -> "JSᴳᵅ′, JS⁎ᴳᵅ′ and Nielsen's pair at nine α";
            case "lambda-grid" -> "JSᴳᵅ′ and JS⁎ᴳᵅ′ at λ = 1 … 4";
            case "beta-grid" -> "β-VAE at seven β";
            case SweepViewModel.CUSTOM -> "the divergences and α, β, λ lists below";
            default -> "";
        };
    }

    private static TextField field(StringProperty p, String id, String tip) {
        TextField t = new TextField();
        t.setId("sweep-" + id);
        t.textProperty().bindBidirectional(p);
        t.setTooltip(new Tooltip(tip));
        return t;
    }

    private static <T> StringConverter<T> converter(Function<T, String> f) {
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

    /** The status bar's text while a sweep runs, else null. */
    javafx.beans.binding.StringBinding statusText() {
        return Bindings.createStringBinding(() -> {
            SweepViewModel.State s = vm.stateProperty().get();
            return s == SweepViewModel.State.RUNNING || s == SweepViewModel.State.STOPPING
                    ? "Sweep: " + vm.progressTextProperty().get() : null;
        }, vm.stateProperty(), vm.progressTextProperty());
    }

    Node node() {
        return root;
    }

    void shutdown() {
        vm.shutdown();
    }
}
