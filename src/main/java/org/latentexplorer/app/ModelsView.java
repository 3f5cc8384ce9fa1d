package org.latentexplorer.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.model.EpochRecord;
import org.latentexplorer.model.ModelManifest;

/** The Models view: open (button, Ctrl+O, drag and drop), recent and bundled files, manifest and loss history. */
final class ModelsView {
    private final AppContext ctx;
    private final Consumer<Path> opener;
    private final Button saveImported = new Button("Save imported model as…");
    private Consumer<Path> saveImportedAction = p -> { };
    private final SplitPane root = new SplitPane();
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ObservableList<Path> bundled = FXCollections.observableArrayList();
    private final GridPane manifest = new GridPane();
    private final TableView<EpochRecord> history = new TableView<>();
    private final XYSeriesCollection historyData = new XYSeriesCollection();
    private final LossChart historyChart;

    ModelsView(AppContext ctx, Consumer<Path> opener) {
        this.ctx = ctx;
        this.opener = opener;
        Button open = new Button("Open model…");
        open.setId("models-open");
        open.setTooltip(new javafx.scene.control.Tooltip("Open a model file (.zip) trained here or by the command line (Ctrl+O); it becomes the current model of every view"));
        open.getStyleClass().add("accent");
        open.setOnAction(e -> chooseAndOpen());
        saveImported.setId("models-save-imported");
        saveImported.setTooltip(new javafx.scene.control.Tooltip("Save the model imported from PyTorch as a model file of this app, so that it can be trained further"));
        saveImported.setVisible(false);
        saveImported.managedProperty().bind(saveImported.visibleProperty());
        saveImported.setOnAction(e -> {
            Path target = ctx.save("Save imported model", "imported.zip", List.of(AppContext.MODELS));
            if (target != null) {
                saveImportedAction.accept(target);
            }
        });
        Button openRun = new Button("Open PyTorch run folder…");
        openRun.setId("models-open-run");
        openRun.setTooltip(new javafx.scene.control.Tooltip("Open a PyTorch run folder of geometric-js or disentangling-vae (model.pt with specs.json): its weights are imported in memory"));
        openRun.setOnAction(e -> chooseRunAndOpen());
        Label drop = new Label("or drop a .zip model, a PyTorch model.pt or a run folder (model.pt + specs.json) anywhere on the window");
        drop.getStyleClass().add("drop-hint");
        drop.setWrapText(true);
        ListView<Path> recentList = list(recent, "models-recent");
        ListView<Path> bundledList = list(bundled, "models-bundled");
        VBox left = new VBox(8, title("Open"), open, openRun, drop, saveImported, title("Recent files"), recentList, title("Bundled models (models/)"),
                bundledList);
        VBox.setVgrow(recentList, Priority.ALWAYS);
        left.setPadding(new Insets(12));
        left.setMinWidth(240);

        manifest.setHgap(12);
        manifest.setVgap(4);
        manifest.setId("models-manifest");
        history.setId("models-history");
        // the short columns (epoch numbers, seconds) stay narrow, so the named ones fit at 1280 wide
        history.getColumns().add(narrow(column("epoch", r -> Integer.toString(r.epoch())), 64));
        history.getColumns().add(column("loss", r -> num(r.loss())));
        history.getColumns().add(column("reconstruction", r -> num(r.recLoss())));
        history.getColumns().add(column("divergence", r -> num(r.divergence())));
        history.getColumns().add(klColumn(0));
        history.getColumns().add(klColumn(1));
        history.getColumns().add(narrow(column("seconds", r -> String.format(Locale.ROOT, "%.1f", r.seconds())), 80));
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        history.setPlaceholder(new Label("no epochs recorded: an untrained model"));
        historyChart = new LossChart(ctx, "models-chart", "Loss history per epoch", LossChart.Unit.EPOCH,
                new String[] {"mean loss"}, new XYSeriesCollection[] {historyData},
                new int[][] {{LossChart.TOTAL, LossChart.RECONSTRUCTION, LossChart.DIVERGENCE}}, new int[] {1});
        Node chart = historyChart.node();
        // the table and the chart share the height below the manifest; the divider moves
        VBox table = new VBox(4, title("Loss history"), history);
        VBox.setVgrow(history, Priority.ALWAYS);
        table.setMinHeight(90);
        SplitPane lower = new SplitPane(table, chart);
        lower.setOrientation(javafx.geometry.Orientation.VERTICAL);
        lower.setDividerPositions(0.35);
        VBox details = new VBox(8, title("Manifest"), manifest, lower);
        VBox.setVgrow(lower, Priority.ALWAYS);
        details.setPadding(new Insets(12));
        root.getItems().addAll(left, details);
        root.setDividerPositions(0.28);

        recent.setAll(ctx.prefs.recent());
        ctx.model.addListener((o, was, now) -> show(now));
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static TableColumn<EpochRecord, String> column(String name, java.util.function.Function<EpochRecord, String> f) {
        TableColumn<EpochRecord, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        return c;
    }

    private static <S, T> TableColumn<S, T> narrow(TableColumn<S, T> c, double width) {
        c.setMinWidth(width);
        c.setPrefWidth(width);
        c.setMaxWidth(width * 1.25);
        return c;
    }

    /** A KL-term column, named for the current model's divergence (its dual swaps the arguments). */
    private TableColumn<EpochRecord, String> klColumn(int term) {
        TableColumn<EpochRecord, String> c = column(Labels.klTerms((DivergenceKind) null)[term],
                r -> (term == 0 ? r.kl1() : r.kl2()) == null ? "" : num(term == 0 ? r.kl1() : r.kl2()));
        ctx.model.addListener((o, was, now) -> {
            c.setText(Labels.klTerms(now == null ? null : now.manifest())[term]);
        });
        return c;
    }

    private ListView<Path> list(ObservableList<Path> items, String id) {
        ListView<Path> l = new ListView<>(items);
        l.setId(id);
        l.setPrefHeight(160);
        l.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Path p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.getFileName() + "  —  " + (p.getParent() == null ? "" : p.getParent()));
            }
        });
        l.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && l.getSelectionModel().getSelectedItem() != null) {
                opener.accept(l.getSelectionModel().getSelectedItem());
            }
        });
        l.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && l.getSelectionModel().getSelectedItem() != null) {
                opener.accept(l.getSelectionModel().getSelectedItem());
            }
        });
        return l;
    }

    /** Accepts .zip files dropped on {@code target}. */
    void acceptDrops(Node target) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            var files = e.getDragboard().getFiles();
            boolean ok = files != null && !files.isEmpty();
            if (ok) {
                opener.accept(files.get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    void chooseAndOpen() {
        Path p = ctx.open("Open model", List.of(AppContext.MODELS,
                new javafx.stage.FileChooser.ExtensionFilter("PyTorch checkpoints (*.pt, *.pth)", "*.pt", "*.pth"),
                new javafx.stage.FileChooser.ExtensionFilter("All files", "*")));
        if (p != null) {
            opener.accept(p);
        }
    }

    /** Opens a PyTorch run folder (model.pt + specs.json of geometric-js or disentangling-vae), imported on the fly. */
    void chooseRunAndOpen() {
        Path p = ctx.openFolder("Open PyTorch run folder (model.pt + specs.json)");
        if (p != null) {
            opener.accept(p);
        }
    }

    /** What "Save imported model as…" does with the chosen file. */
    void onSaveImported(Consumer<Path> action) {
        saveImportedAction = action;
    }

    void recent(List<Path> paths) {
        recent.setAll(paths);
    }

    void bundled(List<Path> paths) {
        bundled.setAll(paths);
    }

    private void show(LoadedModel m) {
        saveImported.setVisible(m != null && m.file() == null && m.manifest().imported() != null);
        manifest.getChildren().clear();
        history.getItems().clear();
        historyData.removeAllSeries();
        if (m == null) {
            return;
        }
        ModelManifest mf = m.manifest();
        int row = 0;
        row = entry(row, "File", m.file() == null ? "(in memory) " + m.origin() : m.file().toString());
        row = entry(row, "Divergence", mf.trainable() ? Labels.divergence(mf.divergence().kind())
                + (mf.divergence().kind().isSkewJs() ? ", α = " + TraverseViewModel.plain(mf.divergence().alpha()) : "")
                + (mf.divergence().kind() == org.latentexplorer.divergence.DivergenceKind.BETA
                    ? ", β = " + TraverseViewModel.plain(mf.divergence().beta()) : "")
                : mf.divergenceLabel() + "  (explorable; evaluated with KL(q‖p); training cannot be continued here)");
        row = entry(row, "λ, reconstruction", TraverseViewModel.plain(mf.lambda()) + ", " + mf.reconstruction().cliName());
        row = entry(row, "Architecture", mf.architecture().imageSize() + "×" + mf.architecture().imageSize()
                + (mf.architecture().channels() == 3 ? " RGB" : "") + ", D = "
                + mf.architecture().latents() + ", " + String.format(Locale.ROOT, "%,d", mf.architecture().parameterCount())
                + " parameters");
        var p = mf.provenance();
        row = entry(row, "Data set", p.dataset() + (p.limit() > 0 ? " (" + p.limit() + ", " + p.subset() + ")" : ""));
        row = entry(row, "Training", mf.epochsCompleted() + " of " + p.epochs() + " epochs, " + mf.steps() + " steps, batch "
                + p.batchSize() + ", lr " + p.learningRate() + ", seed " + p.seed());
        row = entry(row, "Written by", "Latent Explorer " + mf.appVersion() + ", ND4J " + mf.nd4jVersion() + ", " + mf.createdAt());
        if (mf.imported() != null) {
            var i = mf.imported();
            row = entry(row, "Imported from", i.source() + " (" + i.format() + " format)");
            row = entry(row, "SHA-256", i.sha256());
            row = entry(row, "Run", "loss " + i.loss() + ", specs " + i.specs() + ", torch " + i.torchVersion());
            for (String note : i.notes()) {
                row = entry(row, "Note", note);
            }
        }
        if (m.untrained()) {
            entry(row, "Note", "freshly initialised, not trained: train one in the Train view or open a model file");
        }
        history.getItems().setAll(mf.history());
        XYSeries loss = new XYSeries("total loss");
        XYSeries rec = new XYSeries("reconstruction");
        XYSeries div = new XYSeries("divergence");
        for (EpochRecord r : mf.history()) {
            loss.add(r.epoch(), r.loss());
            rec.add(r.epoch(), r.recLoss());
            div.add(r.epoch(), r.divergence());
        }
        historyData.addSeries(loss);
        historyData.addSeries(rec);
        historyData.addSeries(div);
    }

    private int entry(int row, String key, String value) {
        Label k = new Label(key);
        k.getStyleClass().add("key");
        Label v = new Label(value);
        v.setWrapText(true);
        manifest.addRow(row, k, v);
        return row + 1;
    }

    LossChart historyChart() {
        return historyChart;
    }

    Node node() {
        return root;
    }
}
