package org.latentexplorer.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.latentexplorer.render.traversal.InterpolationMethod;
import org.latentexplorer.render.traversal.RowOrder;

/**
 * The Traverse view: grid settings and anchor on the left, per-latent sliders on the right, the grid
 * and the live decode of the anchor in the middle, the thumbnail strip and interpolation below.
 */
final class TraverseView {
    private final TraverseViewModel vm;
    private final AppContext ctx;
    private final BorderPane root = new BorderPane();
    private final VBox sliders = new VBox(4);
    private final HBox thumbs = new HBox(6);
    final ImageView gridView = new ImageView();
    final ImageView liveView = new ImageView();
    /** The live decode's one image, rewritten in place for every frame of a drag (a new one only when the size changes). */
    private final LiveImage live = new LiveImage();
    /** How many decoded anchor images were written to the live view (for the drag-rate test). */
    long liveFrames;

    TraverseView(TraverseViewModel vm, AppContext ctx) {
        this.vm = vm;
        this.ctx = ctx;
        gridView.setId("traverse-grid");
        gridView.setPreserveRatio(true);
        gridView.setSmooth(false);
        liveView.setId("traverse-live");
        liveView.setSmooth(false);
        gridView.imageProperty().bind(Bindings.createObjectBinding(() -> vm.gridProperty().get() == null ? null
                : FxImages.of(shown(vm.gridProperty().get(), ctx.dark.get())), vm.gridProperty(), ctx.dark));
        vm.liveProperty().addListener((o, was, now) -> showLive(now));

        StackPane gridPane = new StackPane(gridView);
        gridPane.getStyleClass().add("image-well");
        gridPane.setMinSize(200, 200);
        CrispFit.bind(gridView, gridPane, 8); // grows with the window in whole-number steps: crisp pixels

        Label liveTitle = new Label("Anchor, decoded live");
        liveTitle.getStyleClass().add("section-title");
        ScrollPane sliderScroll = new ScrollPane(sliders);
        sliderScroll.setFitToWidth(true);
        sliderScroll.setPrefViewportWidth(230);
        Label latentTitle = new Label("Latent values (drag to re-decode)");
        latentTitle.setWrapText(true);
        latentTitle.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrapped in full, never cut short
        VBox right = new VBox(8, liveTitle, new StackPane(liveView), latentTitle, sliderScroll);
        VBox.setVgrow(sliderScroll, Priority.ALWAYS);
        right.setPadding(new Insets(10));
        right.setPrefWidth(250);
        // a low window: the live image gives up height to the sliders (192 px from about 850 px high)
        javafx.beans.binding.NumberBinding liveSide = Bindings.max(96, Bindings.min(192, right.heightProperty().subtract(230)));
        liveView.fitWidthProperty().bind(liveSide);
        liveView.fitHeightProperty().bind(liveSide);

        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        VBox centre = new VBox(6, gridPane, status);
        VBox.setVgrow(gridPane, Priority.ALWAYS);
        centre.setPadding(new Insets(10));

        root.setLeft(controls());
        root.setCenter(centre);
        root.setRight(right);
        root.setBottom(bottom());

        vm.latents().addListener((javafx.collections.ListChangeListener<DoubleProperty>) c -> rebuildSliders());
        vm.encodedProperty().addListener((o, was, now) -> rebuildThumbnails(now));
        rebuildSliders();
        vm.selectedExample.addListener((o, was, now) -> {
            for (int i = 0; i < thumbs.getChildren().size(); i++) {
                thumbs.getChildren().get(i).pseudoClassStateChanged(SELECTED, now.intValue() == i);
            }
        });
    }

    private Node controls() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(12));
        int row = 0;
        Label t = new Label("Grid");
        t.getStyleClass().add("section-title");
        g.add(t, 0, row++, 2, 1);
        ComboBox<String> preset = new ComboBox<>();
        preset.setId("traverse-preset");
        preset.getItems().addAll(TraverseViewModel.presets());
        preset.valueProperty().bindBidirectional(vm.preset);
        preset.setTooltip(new Tooltip("Grid settings of a published traversal figure: paper (the skew-JS paper's: "
                + "q = 0.475 of the prior's mass, 10 columns), disentangling-vae, beta-vae, dlib"));
        g.addRow(row++, new Label("Preset"), preset);
        ComboBox<TraverseViewModel.RangeMode> mode = new ComboBox<>();
        mode.setId("traverse-range");
        mode.getItems().addAll(TraverseViewModel.RangeMode.values());
        mode.valueProperty().bindBidirectional(vm.rangeMode);
        mode.setTooltip(new Tooltip("How far each row moves its latent: a central part of the prior N(0, 1), a fixed ±c, "
                + "μ ± k·σ of the picked example's posterior q(z|x), or the data sample's smallest to largest encoded mean"));
        g.addRow(row++, new Label("Range"), mode);
        Spinner<Double> value = new Spinner<>(0.01, 10, vm.rangeValue.get(), 0.025);
        value.setId("traverse-range-value");
        value.setEditable(true);
        // shown and committed with the digits it has: the paper preset's q = 0.475 stays 0.475
        value.getValueFactory().setConverter(new PreciseDoubleConverter());
        value.getEditor().setText(value.getValueFactory().getConverter().toString(value.getValue()));
        value.getValueFactory().valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.rangeValue.set(now);
            }
        });
        vm.rangeValue.addListener((o, was, now) -> value.getValueFactory().setValue(now.doubleValue()));
        value.disableProperty().bind(vm.rangeMode.isEqualTo(TraverseViewModel.RangeMode.DATA_RANGE));
        Label valueName = new Label();
        valueName.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.rangeMode.get()) {
            case PRIOR_QUANTILE -> "Half-mass q";
            case ABSOLUTE -> "Half-width c";
            case POSTERIOR -> "k (σ each way)";
            case DATA_RANGE -> "(from the data)";
        }, vm.rangeMode));
        value.setTooltip(new Tooltip("q: each row spans the prior's central 2q of mass (the paper: 0.475, z = ±1.96); "
                + "c: z from −c to +c; k: the example's μ ± k·σ"));
        g.addRow(row++, valueName, value);
        Spinner<Integer> steps = new Spinner<>(2, 30, vm.steps.get());
        steps.setTooltip(new Tooltip("Columns: how many values each row's latent takes, evenly spaced over the range"));
        steps.getValueFactory().valueProperty().addListener((o, was, now) -> vm.steps.set(now));
        vm.steps.addListener((o, was, now) -> steps.getValueFactory().setValue(now.intValue()));
        g.addRow(row++, new Label("Columns"), steps);
        ComboBox<RowOrder> order = new ComboBox<>();
        order.setId("traverse-order");
        order.getItems().addAll(RowOrder.INDEX, RowOrder.SCORE_DESCENDING);
        order.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(RowOrder o) {
                return o == null ? "" : Labels.rowOrder(o);
            }

            @Override
            public RowOrder fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        order.valueProperty().bindBidirectional(vm.rowOrder);
        order.setTooltip(new Tooltip("Latent order, or the dimensions sorted by their mean KL(q‖p) on a data sample, "
                + "the most informative first"));
        g.addRow(row++, new Label("Rows"), order);
        CheckBox labels = new CheckBox("row labels (KL per dimension)");
        labels.selectedProperty().bindBidirectional(vm.labels);
        labels.setTooltip(new Tooltip("Label each row with its latent and its mean KL(q‖p) on the data sample: "
                + "dimensions near 0 carry no information"));
        g.add(labels, 0, row++, 2, 1);

        Label a = new Label("Anchor");
        a.getStyleClass().add("section-title");
        g.add(a, 0, row++, 2, 1);
        ToggleGroup group = new ToggleGroup();
        ToggleButton prior = anchorButton("Prior mean", TraverseViewModel.AnchorKind.PRIOR, group);
        ToggleButton random = anchorButton("Random", TraverseViewModel.AnchorKind.RANDOM, group);
        ToggleButton data = anchorButton("Data", TraverseViewModel.AnchorKind.DATA, group);
        prior.setTooltip(new Tooltip("Anchor every row at the prior's mean, z = 0"));
        random.setTooltip(new Tooltip("Anchor every row at a random draw z ~ N(0, I) from the prior"));
        data.setTooltip(new Tooltip("Pick an example from the strip below"));
        HBox anchors = new HBox(0, prior, random, data);
        anchors.getStyleClass().add("segmented");
        g.add(anchors, 0, row++, 2, 1);
        Button reroll = new Button("New random anchor");
        reroll.setTooltip(new Tooltip("Draw another z from the prior N(0, I) as the anchor"));
        reroll.setOnAction(e -> {
            vm.randomSeed.set(vm.randomSeed.get() + 1);
            vm.anchorKind.set(TraverseViewModel.AnchorKind.RANDOM);
        });
        g.add(reroll, 0, row++, 2, 1);
        Button reset = new Button("Reset sliders to anchor");
        reset.setTooltip(new Tooltip("Undo the slider edits: back to the prior mean, the random draw or the example's μ"));
        reset.setOnAction(e -> vm.resetAnchor());
        g.add(reset, 0, row++, 2, 1);

        Label x = new Label("Export");
        x.getStyleClass().add("section-title");
        g.add(x, 0, row++, 2, 1);
        Button png = new Button("PNG…");
        png.setOnAction(e -> export("png"));
        png.setTooltip(new Tooltip("Export the grid as PNG with its settings (Ctrl+E)"));
        Button gif = new Button("GIF…");
        gif.setOnAction(e -> export("gif"));
        gif.setTooltip(new Tooltip("Animated GIF: one frame per column"));
        g.add(new HBox(6, png, gif), 0, row, 2, 1);

        vm.anchorKind.addListener((o, was, now) -> group.selectToggle(now == TraverseViewModel.AnchorKind.PRIOR ? prior
                : now == TraverseViewModel.AnchorKind.RANDOM ? random : data));
        ScrollPane s = new ScrollPane(g);
        s.setFitToWidth(true);
        s.setPrefViewportWidth(330); // wide enough that no label or choice is cut short
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // labels keep their full text
        g.getColumnConstraints().setAll(names, new javafx.scene.layout.ColumnConstraints());
        return s;
    }

    /** Dark theme: the row-label strip is dark too (the exported PNG keeps the grid's padding colour). */
    static final java.awt.Color DARK_LABEL_STRIP = new java.awt.Color(0x0d, 0x11, 0x17);

    /** The grid as shown: its row labels (if any) on a strip of the theme's colour. */
    static java.awt.image.BufferedImage shown(org.latentexplorer.render.traversal.GridImage g, boolean dark) {
        if (g.labelPosition() == org.latentexplorer.render.traversal.LabelPosition.NONE || !dark) {
            return g.toAnnotatedImage();
        }
        return org.latentexplorer.render.traversal.RowLabels.annotate(g, DARK_LABEL_STRIP);
    }

    private ToggleButton anchorButton(String text, TraverseViewModel.AnchorKind kind, ToggleGroup group) {
        ToggleButton b = new ToggleButton(text);
        b.setId("anchor-" + kind.name().toLowerCase(Locale.ROOT));
        b.setToggleGroup(group);
        b.setSelected(vm.anchorKind.get() == kind);
        b.setOnAction(e -> {
            if (kind == TraverseViewModel.AnchorKind.DATA && vm.selectedExample.get() < 0) {
                vm.selectedExample.set(0);
            }
            vm.anchorKind.set(kind);
            b.setSelected(true);
        });
        return b;
    }

    private Node bottom() {
        Label strip = new Label("Data examples: click to anchor the grid at one");
        strip.getStyleClass().add("section-title");
        ScrollPane thumbScroll = new ScrollPane(thumbs);
        thumbScroll.setFitToHeight(true);
        thumbScroll.setPrefViewportHeight(84);
        thumbs.setPadding(new Insets(4));
        Button setA = new Button("Selected → A");
        setA.setOnAction(e -> vm.interpolationFrom.set(vm.selectedExample.get()));
        Button setB = new Button("Selected → B");
        setB.setOnAction(e -> vm.interpolationTo.set(vm.selectedExample.get()));
        setA.setTooltip(new Tooltip("Make the selected example the interpolation's start A (its encoded mean μ)"));
        setB.setTooltip(new Tooltip("Make the selected example the interpolation's end B (its encoded mean μ)"));
        setA.disableProperty().bind(vm.selectedExample.lessThan(0));
        setB.disableProperty().bind(vm.selectedExample.lessThan(0));
        ComboBox<InterpolationMethod> method = new ComboBox<>();
        method.getItems().addAll(InterpolationMethod.values());
        method.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(InterpolationMethod m) {
                return m == null ? "" : Labels.interpolation(m);
            }

            @Override
            public InterpolationMethod fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        method.valueProperty().bindBidirectional(vm.interpolationMethod);
        method.setTooltip(new Tooltip("The path from A to B in latent space: a straight line, or spherical (slerp), "
                + "which keeps the norm that prior samples have"));
        Label ab = new Label();
        ab.textProperty().bind(Bindings.createStringBinding(() -> "A = " + name(vm.interpolationFrom.get()) + ", B = "
                + name(vm.interpolationTo.get()), vm.interpolationFrom, vm.interpolationTo, vm.encodedProperty()));
        ImageView interp = new ImageView();
        interp.setId("interpolation");
        interp.setPreserveRatio(true);
        interp.setFitHeight(72);
        interp.setSmooth(false);
        interp.managedProperty().bind(interp.imageProperty().isNotNull()); // no empty band before A and B are picked
        interp.imageProperty().bind(Bindings.createObjectBinding(() -> vm.interpolationProperty().get() == null ? null
                : FxImages.of(vm.interpolationProperty().get()), vm.interpolationProperty()));
        HBox controls = new HBox(8, new Label("Interpolation"), setA, setB, method, ab);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, strip, thumbScroll, controls, interp);
        box.setPadding(new Insets(6, 10, 10, 10));
        return box;
    }

    private String name(int k) {
        var e = vm.encodedProperty().get();
        return k < 0 || e == null ? "–" : "#" + e.indices()[k];
    }

    private void rebuildSliders() {
        sliders.getChildren().clear();
        for (int d = 0; d < vm.latents().size(); d++) {
            DoubleProperty p = vm.latents().get(d);
            Slider s = new Slider(-3, 3, p.get());
            s.setId("latent-" + d);
            s.setTooltip(Tooltips.wrap(new Tooltip("z" + d + ": move the anchor along latent dimension " + d
                    + "; the image above is decoded as you drag, the grid when you let go")));
            s.valueProperty().bindBidirectional(p);
            // a drag decodes the anchor alone; the grid follows on release
            s.valueChangingProperty().addListener((o, was, now) -> vm.dragging.set(now));
            Label value = new Label();
            value.textProperty().bind(p.asString(Locale.ROOT, "%+.2f"));
            value.setMinWidth(44);
            Label name = new Label("z" + d);
            name.setMinWidth(28);
            HBox row = new HBox(6, name, s, value);
            HBox.setHgrow(s, Priority.ALWAYS);
            row.setAlignment(Pos.CENTER_LEFT);
            sliders.getChildren().add(row);
        }
    }

    private void showLive(TraverseViewModel.Tile t) {
        liveView.setImage(t == null ? null : live.show(t));
        if (t != null) {
            liveFrames++;
        }
    }

    private void rebuildThumbnails(TraverseViewModel.Encoded e) {
        thumbs.getChildren().clear();
        if (e == null) {
            return;
        }
        int pixels = e.height() * e.width();
        for (int i = 0; i < e.indices().length; i++) {
            int k = i;
            ImageView v = new ImageView(FxImages.grey(e.images(), i * pixels, e.height(), e.width()));
            v.setFitWidth(64);
            v.setFitHeight(64);
            StackPane cell = new StackPane(v);
            cell.setId("thumb-" + i);
            cell.getStyleClass().add("thumb");
            Tooltip.install(cell, new Tooltip("example #" + e.indices()[i]));
            cell.setOnMouseClicked(ev -> vm.selectedExample.set(k));
            cell.pseudoClassStateChanged(SELECTED, vm.selectedExample.get() == k);
            thumbs.getChildren().add(cell);
        }
    }

    private static final javafx.css.PseudoClass SELECTED = javafx.css.PseudoClass.getPseudoClass("selected");

    /** Exports the grid (Ctrl+E). */
    void export(String kind) {
        boolean gif = kind.equals("gif");
        Path file = ctx.save(gif ? "Export traversal GIF" : "Export traversal grid", gif ? "traversal.gif" : "traversal.png",
                List.of(gif ? new FileChooser.ExtensionFilter("GIF (*.gif)", "*.gif")
                        : new FileChooser.ExtensionFilter("PNG (*.png)", "*.png")));
        if (file != null) {
            vm.export(file, () -> ctx.notice("Exported " + file.getFileName()), t -> ctx.showError("Export failed", t));
        }
    }

    Node node() {
        return root;
    }
}
