package org.latentexplorer.app;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.latentexplorer.teaching.LatentMap;
import org.latentexplorer.teaching.ReconstructionStrip;

/**
 * The latent map: the data sample's posterior means projected to 2-D, coloured by a factor; hovering shows an
 * example, clicking decodes its μ and makes it the Traverse anchor. Below, originals above their
 * reconstructions with each image's error. Both follow the current model and each finished training epoch.
 */
final class LatentMapView {
    private final LatentMapViewModel vm;
    private final AppContext ctx;
    private final BorderPane root = new BorderPane();
    private final ImageView page = new ImageView();
    private final Pane canvas = new Pane(page);
    private final ChoiceBox<String> factor = new ChoiceBox<>();
    private final ImageView hovered = new ImageView();
    private final Label hoveredText = new Label("Hover over a point to see its image.");
    private final ImageView decodedView = new ImageView();
    private final ImageView stripView = new ImageView();
    private boolean updatingFactors;

    LatentMapView(LatentMapViewModel vm, AppContext ctx) {
        this.vm = vm;
        this.ctx = ctx;
        page.setId("latent-map-page");
        canvas.setId("latent-map-canvas");
        canvas.setMinSize(200, 200);
        canvas.setStyle("-fx-background-color: white;");
        canvas.widthProperty().addListener(o -> resized());
        canvas.heightProperty().addListener(o -> resized());
        vm.pageProperty().addListener((o, was, now) -> page.setImage(now == null ? null : FxImages.of(now)));
        canvas.setOnMouseMoved(e -> hover(vm.pointAt(e.getX(), e.getY())));
        canvas.setOnMouseClicked(e -> {
            int i = vm.pointAt(e.getX(), e.getY());
            if (i >= 0) {
                vm.select(i);
                ctx.notice("Traverse anchor set to " + vm.describe(i));
            }
        });

        factor.setId("latent-map-factor");

        factor.setTooltip(new javafx.scene.control.Tooltip("Colour the points by a ground-truth factor of the data (dSprites: shape, scale, orientation, position) or by the label (MNIST digit, Fashion-MNIST class)"));
        factor.setMinWidth(140);
        factor.valueProperty().addListener((o, was, now) -> {
            if (!updatingFactors && now != null) {
                vm.factor.set(factor.getItems().indexOf(now) - 1);
            }
        });
        vm.mapProperty().addListener((o, was, now) -> factors(now));
        vm.factor.addListener((o, was, now) -> factors(vm.mapProperty().get()));
        hovered.setFitWidth(128);
        hovered.setFitHeight(128);
        hovered.setId("latent-map-hovered");
        decodedView.setFitWidth(128);
        decodedView.setFitHeight(128);
        decodedView.setId("latent-map-decoded");
        vm.decodedProperty().addListener((o, was, now) -> {
            LoadedModel m = vm.model();
            decodedView.setImage(now == null || m == null ? null
                    : FxImages.grey(now, 0, m.model().imageHeight(), m.model().imageWidth()));
        });
        hoveredText.setWrapText(true);
        hoveredText.setMaxWidth(200);
        Button export = new Button("Export map PNG/SVG/CSV…");
        export.setId("latent-map-export");
        export.setTooltip(new javafx.scene.control.Tooltip("Export the map as PNG or SVG, or the points (μ, projection, factor) as CSV"));
        export.setOnAction(e -> export());
        Button other = new Button("Other examples");
        other.setId("reconstructions-other");
        other.setTooltip(new javafx.scene.control.Tooltip("Ten other examples, drawn at random from the data set, above their reconstructions"));
        other.setOnAction(e -> vm.otherExamples());
        Button exportStrip = new Button("Export reconstructions PNG…");
        exportStrip.setId("reconstructions-export");
        exportStrip.setTooltip(new javafx.scene.control.Tooltip("Export the originals and their reconstructions as PNG"));
        exportStrip.setOnAction(e -> exportStrip());
        Label status = new Label();
        status.setWrapText(true);
        status.setMaxWidth(200);
        status.setId("latent-map-status");
        status.textProperty().bind(vm.statusProperty());
        Label title = new Label("Latent map");
        title.getStyleClass().add("section-title");
        Label explain = new Label("Each dot is one example's posterior mean μ, projected on the two directions of "
                + "largest variance (PCA). Colour by a true factor to see which ones the model separates.");
        explain.setWrapText(true);
        explain.setMaxWidth(200);
        Label clicked = new Label("clicked point decoded (z = μ), now the Traverse anchor:");
        clicked.setWrapText(true); // the column is narrow: wrapped, not cut short
        clicked.setMaxWidth(200);
        VBox side = new VBox(8, title, explain, new Label("colour by"), factor, hovered, hoveredText,
                clicked, decodedView, export, new Label("reconstructions (below):"), other, exportStrip, status);
        side.setPadding(new Insets(10));
        ScrollPane left = new ScrollPane(side);
        left.setFitToWidth(true);
        left.setMinWidth(220);
        stripView.setId("reconstructions-strip");
        vm.stripProperty().addListener((o, was, now) -> showStrip(now));
        ScrollPane strip = new ScrollPane(stripView);
        strip.setId("reconstructions");
        strip.setMinHeight(150);
        strip.setPrefHeight(205);
        SplitPane main = new SplitPane(left, canvas);
        main.setDividerPositions(0.2);
        root.setCenter(main);
        root.setBottom(strip);
    }

    private void factors(LatentMap map) {
        updatingFactors = true;
        factor.getItems().setAll("none");
        if (map != null) {
            factor.getItems().addAll(map.factorNames());
        }
        int f = vm.factor.get();
        factor.setValue(f + 1 < factor.getItems().size() ? factor.getItems().get(f + 1) : "none");
        updatingFactors = false;
    }

    private void hover(int i) {
        if (i < 0) {
            return;
        }
        LoadedModel m = vm.model();
        hovered.setImage(FxImages.grey(vm.image(i), 0, m.sample().height(), m.sample().width()));
        hoveredText.setText(vm.describe(i));
    }

    private void showStrip(ReconstructionStrip s) {
        LoadedModel m = vm.model();
        stripView.setImage(s == null || m == null ? null : FxImages.of(s.image(s.height() >= 64 ? 1 : 2,
                LatentMapViewModel.stripTitle(m, s))));
    }

    private void resized() {
        vm.resize((int) canvas.getWidth(), (int) canvas.getHeight());
    }

    void shown() {
        resized();
        vm.activate();
    }

    void export() {
        Path file = ctx.save("Export latent map", "latent-map.png", List.of(new FileChooser.ExtensionFilter("PNG (*.png)", "*.png"),
                new FileChooser.ExtensionFilter("SVG (*.svg)", "*.svg"), new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv")));
        if (file != null) {
            vm.export(file, () -> ctx.notice("Exported " + file.getFileName()), t -> ctx.showError("Export failed", t));
        }
    }

    void exportStrip() {
        Path file = ctx.save("Export reconstructions", "reconstructions.png", List.of(new FileChooser.ExtensionFilter("PNG (*.png)",
                "*.png")));
        if (file != null) {
            vm.exportStrip(file, () -> ctx.notice("Exported " + file.getFileName()), t -> ctx.showError("Export failed", t));
        }
    }

    Node node() {
        return root;
    }
}
