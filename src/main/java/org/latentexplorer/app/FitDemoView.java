package org.latentexplorer.app;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.latentexplorer.divergence.FitForm;

/**
 * The Fig 2 view: an isotropic Gaussian fitted to 2-D data by six objectives, one panel each, animated while
 * Adam runs in the background. Controls: α (refits the skew G-JS and its dual), K and seed of the mixture, the
 * form of the objectives, "draw your own" data by clicking, stop, export PNG/SVG.
 */
final class FitDemoView {
    private final FitDemoViewModel vm;
    private final AppContext ctx;
    private final SplitPane root = new SplitPane();
    private final ImageView image = new ImageView();
    private final Pane canvas = new Pane(image);
    private boolean started;

    FitDemoView(FitDemoViewModel vm, AppContext ctx) {
        this.vm = vm;
        this.ctx = ctx;
        image.setId("fit-demo-page");
        canvas.setId("fit-demo-canvas");
        canvas.setMinSize(200, 200);
        canvas.setStyle("-fx-background-color: white;");
        canvas.widthProperty().addListener(o -> resized());
        canvas.heightProperty().addListener(o -> resized());
        vm.pageProperty().addListener((o, was, now) -> image.setImage(now == null ? null : FxImages.of(now)));
        canvas.setOnMouseClicked(e -> vm.click(e.getX(), e.getY()));

        GridPane controls = new GridPane();
        controls.setHgap(8);
        controls.setVgap(8);
        int row = 0;
        Label title = new Label("Fitting one Gaussian to many (Fig. 2)");
        title.getStyleClass().add("section-title");
        controls.add(title, 0, row++, 3, 1);
        Label explain = new Label("p: the data (grey). q: an isotropic Gaussian (red contours) fitted by minimising each "
                + "divergence. KL(p‖q) covers all the data; KL(q‖p) settles on one mode. Move α: JSᴳᵅ′ goes from "
                + "KL(p‖q) at α = 0 to KL(q‖p) at α = 1, its dual JS⁎ᴳᵅ′ the other way.");
        explain.setWrapText(true);
        explain.setMaxWidth(300);
        controls.add(explain, 0, row++, 3, 1);

        Slider alpha = new Slider(0, 1, vm.alpha.get());
        alpha.setId("fit-alpha");
        alpha.setTooltip(new javafx.scene.control.Tooltip("α of the two skew geometric JS fits (JSᴳᵅ′ and its dual): moving it refits only those two panels"));
        alpha.setMajorTickUnit(0.25);
        alpha.setShowTickMarks(true);
        alpha.setShowTickLabels(true);
        // refit when the thumb is released or moved by keys, not on every pixel of a drag
        alpha.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                vm.alpha.set(alpha.getValue());
            }
        });
        alpha.valueProperty().addListener((o, was, now) -> {
            if (!alpha.isValueChanging()) {
                vm.alpha.set(now.doubleValue());
            }
        });
        vm.alpha.addListener((o, was, now) -> alpha.setValue(now.doubleValue()));
        Label alphaValue = new Label();
        alphaValue.textProperty().bind(alpha.valueProperty().asString("%.2f"));
        alphaValue.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        GridPane.setHgrow(alpha, Priority.ALWAYS);
        controls.addRow(row++, new Label("α"), alpha, alphaValue);

        Spinner<Integer> k = new Spinner<>(1, 50, vm.components.get());
        k.setId("fit-components");
        k.setTooltip(new javafx.scene.control.Tooltip("K, the number of Gaussian components of the 2-D mixture p that each panel fits one Gaussian q to"));
        k.setEditable(true);
        k.valueProperty().addListener((o, was, now) -> vm.components.set(now));
        controls.addRow(row++, new Label("components K"), k);
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, vm.seed.get());
        seed.setId("fit-seed");
        seed.setTooltip(new javafx.scene.control.Tooltip("The seed that places the mixture's components: another seed, another target p"));
        seed.setEditable(true);
        seed.valueProperty().addListener((o, was, now) -> vm.seed.set(now));
        controls.addRow(row++, new Label("seed"), seed);
        ChoiceBox<FitForm> form = new ChoiceBox<>();
        form.setId("fit-form");
        form.setTooltip(new javafx.scene.control.Tooltip("Which objectives are minimised: the textbook divergences, or the weighted forms of the paper's notebook (see the note below)"));
        form.getItems().addAll(FitForm.values());
        form.setValue(vm.form.get());
        form.setConverter(new StringConverter<>() {
            @Override
            public String toString(FitForm f) {
                return f == null ? "" : f.label();
            }

            @Override
            public FitForm fromString(String s) {
                return null;
            }
        });
        form.valueProperty().bindBidirectional(vm.form);
        controls.addRow(row++, new Label("objectives"), form);
        Label formNote = new Label("The paper's notebook weights KL, reverse KL and G-JS by an extra density factor "
                + "(∫p² ln(p/q)); that is no divergence: for one Gaussian its fit has σ/√2.");
        formNote.setWrapText(true);
        formNote.setMaxWidth(300);
        formNote.getStyleClass().add("hint");
        controls.add(formNote, 0, row++, 3, 1);

        ToggleButton draw = new ToggleButton("Draw your own data");
        draw.setId("fit-draw");
        draw.setTooltip(new javafx.scene.control.Tooltip("Draw your own target: each click on a panel adds a data point, and all six fits restart on those points"));
        draw.selectedProperty().bindBidirectional(vm.drawing);
        Button clear = new Button("Clear points");
        clear.setId("fit-clear");
        clear.setTooltip(new javafx.scene.control.Tooltip("Remove the points drawn so far"));
        clear.disableProperty().bind(vm.drawing.not());
        clear.setOnAction(e -> vm.clearDrawn());
        controls.add(new HBox(8, draw, clear), 0, row++, 3, 1);

        Button rerun = new Button("Fit again");
        rerun.setId("fit-run");
        rerun.setTooltip(new javafx.scene.control.Tooltip("Fit every panel again from its starting Gaussian"));
        rerun.setOnAction(e -> vm.refitAll());
        Button stop = new Button("Stop");
        stop.setId("fit-stop");
        stop.setTooltip(new javafx.scene.control.Tooltip("Stop the fits where they are"));
        stop.disableProperty().bind(vm.runningProperty().not());
        stop.setOnAction(e -> vm.cancel());
        Button export = new Button("Export PNG/SVG…");
        export.setId("fit-export");
        export.setTooltip(new javafx.scene.control.Tooltip("Export the six panels as PNG or SVG, with the settings in the file"));
        export.setOnAction(e -> export());
        controls.add(new HBox(8, rerun, stop, export), 0, row++, 3, 1);
        Label status = new Label();
        status.setId("fit-status");
        status.setWrapText(true);
        status.setMaxWidth(300);
        status.textProperty().bind(vm.statusProperty());
        controls.add(status, 0, row, 3, 1);
        controls.setPadding(new Insets(10));
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "components K", "objectives" in full
        controls.getColumnConstraints().setAll(names);
        ScrollPane left = new ScrollPane(controls);
        left.setFitToWidth(true);
        left.setMinWidth(345); // its title, labels and buttons in full from 1280 wide up
        SplitPane.setResizableWithParent(left, false);
        root.getItems().addAll(left, new BorderPane(canvas));
        root.setDividerPositions(0.24);
    }

    private void resized() {
        vm.resize((int) canvas.getWidth(), (int) canvas.getHeight());
    }

    /** Starts the fits the first time the view is shown. */
    void shown() {
        if (!started) {
            started = true;
            resized();
            vm.refitAll();
        }
    }

    void export() {
        Path file = ctx.save("Export Fig 2", "fig2.png", List.of(new FileChooser.ExtensionFilter("PNG (*.png)", "*.png"),
                new FileChooser.ExtensionFilter("SVG (*.svg)", "*.svg")));
        if (file != null) {
            vm.export(file, () -> ctx.notice("Exported " + file.getFileName()), t -> ctx.showError("Export failed", t));
        }
    }

    Node node() {
        return root;
    }

    /** Removes the left controls, for the presentation layout. */
    Node canvas() {
        return canvas;
    }
}
