package org.latentexplorer.app;

import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentexplorer.evaluation.DivergenceCurves;
import org.latentexplorer.render.chart.AlphaCurves;
import org.latentexplorer.render.chart.GaussianTeaching;

/**
 * The α explorer: the current model's divergence against α on a data sample (KL baselines, trained α
 * marked), its per-dimension divergence, and the Fig 1 teaching view with live sliders.
 */
final class AlphaView {
    private final AlphaViewModel vm;
    private final AppContext ctx;
    private final SplitPane root = new SplitPane();
    private final ChartViewer curvesViewer = new ChartViewer(placeholder());
    private final DefaultCategoryDataset dims = new DefaultCategoryDataset();
    private final JFreeChart dimsChart;
    private final XYSeriesCollection teachingData = new XYSeriesCollection();
    private final JFreeChart teachingChart;
    private final GridPane values = new GridPane();
    private final javafx.scene.control.CheckBox logScale = new javafx.scene.control.CheckBox("log scale");
    private final Label readout = new Label("move the pointer over the chart to read every curve at one α");

    AlphaView(AlphaViewModel vm, AppContext ctx) {
        this.vm = vm;
        this.ctx = ctx;
        curvesViewer.setId("alpha-curves");
        curvesViewer.setMinSize(300, 220);
        dimsChart = ChartFactory.createBarChart("Per-dimension divergence", "latent dimension", "nats (sample mean)", dims,
                PlotOrientation.VERTICAL, true, true, false);
        ChartViewer dimsViewer = new ChartViewer(dimsChart);
        dimsViewer.setId("alpha-dimensions");
        dimsViewer.setMinSize(260, 220);
        teachingChart = Charts.lines("Two Gaussians: densities, mixture and Gα", "x", "density", teachingData);
        ChartViewer teachingViewer = new ChartViewer(teachingChart);
        teachingViewer.setId("teaching-chart");
        teachingViewer.setMinSize(300, 220);
        restyle(ctx.dark.get());
        ctx.dark.addListener((o, was, now) -> restyle(now));

        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        Slider dimAlpha = slider(vm.dimensionAlpha, 0, 1, "dimension-alpha");
        HBox dimControls = new HBox(8, new Label("α for the per-dimension view"), dimAlpha, valueLabel(vm.dimensionAlpha));
        HBox.setHgrow(dimAlpha, Priority.ALWAYS);
        SplitPane modelCharts = new SplitPane(curvesViewer, new BorderPane(dimsViewer, null, null, dimControls, null));
        modelCharts.setDividerPositions(0.58);
        logScale.setId("alpha-log");
        logScale.setTooltip(new javafx.scene.control.Tooltip("Logarithmic y axis: on by itself when the curves span more "
                + "than two powers of ten (KL(p‖q) in the hundreds beside a trained divergence near 1)"));
        logScale.selectedProperty().addListener((o, was, now) -> {
            if (curvesViewer.getChart() != null && curvesViewer.getChart().getPlot() instanceof org.jfree.chart.plot.XYPlot) {
                CurveReadout.logScale(curvesViewer.getChart(), now);
            }
        });
        readout.setId("alpha-readout");
        readout.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        readout.setWrapText(true);
        curvesViewer.addChartMouseListener(new org.jfree.chart.fx.interaction.ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(org.jfree.chart.fx.interaction.ChartMouseEventFX e) {
                if (e.getEntity() instanceof org.jfree.chart.entity.LegendItemEntity item) {
                    CurveReadout.toggle(e.getChart(), item.getSeriesKey()); // a click on the legend hides or shows a curve
                }
            }

            @Override
            public void chartMouseMoved(org.jfree.chart.fx.interaction.ChartMouseEventFX e) {
                var info = curvesViewer.getCanvas().getRenderingInfo();
                if (info == null || !(e.getChart().getPlot() instanceof org.jfree.chart.plot.XYPlot plot)) {
                    return;
                }
                var area = info.getPlotInfo().getDataArea();
                double x = e.getTrigger().getX();
                if (x < area.getMinX() || x > area.getMaxX()) {
                    return;
                }
                double alpha = plot.getDomainAxis().java2DToValue(x, area, plot.getDomainAxisEdge());
                readout.setText(CurveReadout.at(e.getChart(), alpha));
            }
        });
        HBox chartTools = new HBox(12, logScale, new Label("click a legend entry to hide or show its curve"));
        VBox top = new VBox(6, title("Current model: divergence against α"), status, chartTools, modelCharts, readout);
        VBox.setVgrow(modelCharts, Priority.ALWAYS);
        top.setPadding(new Insets(10));

        GridPane sliders = new GridPane();
        sliders.setHgap(8);
        sliders.setVgap(6);
        int row = 0;
        sliders.add(title("Teaching view (Fig. 1)"), 0, row++, 3, 1);
        row = sliderRow(sliders, row, "μ of p", vm.muP, -5, 5, "mu-p");
        row = sliderRow(sliders, row, "σ of p", vm.sigmaP, 0.1, 4, "sigma-p");
        row = sliderRow(sliders, row, "μ of q", vm.muQ, -5, 5, "mu-q");
        row = sliderRow(sliders, row, "σ of q", vm.sigmaQ, 0.1, 4, "sigma-q");
        row = sliderRow(sliders, row, "α", vm.teachingAlpha, 0, 1, "teaching-alpha");
        values.setHgap(12);
        values.setVgap(3);
        values.setId("teaching-values");
        sliders.add(title("Divergences between q and p"), 0, row++, 3, 1);
        sliders.add(values, 0, row, 3, 1);
        ScrollPane left = new ScrollPane(sliders);
        left.setFitToWidth(true);
        left.setPadding(new Insets(10));
        SplitPane bottom = new SplitPane(left, teachingViewer);
        bottom.setDividerPositions(0.32);
        root.setOrientation(javafx.geometry.Orientation.VERTICAL);
        root.getItems().addAll(top, bottom);
        root.setDividerPositions(0.5);

        vm.curvesProperty().addListener((o, was, now) -> showCurves(now));
        vm.perDimensionProperty().addListener((o, was, now) -> showDimensions(now));
        vm.teachingProperty().addListener((o, was, now) -> showTeaching(now));
        vm.teachingValuesProperty().addListener((o, was, now) -> showValues());
        showTeaching(vm.teachingProperty().get());
        showValues();
    }

    private static JFreeChart placeholder() {
        return Charts.lines("Encoding a data sample …", "α", "Divergence (nats)", new XYSeriesCollection());
    }

    private void restyle(boolean dark) {
        Charts.style(dimsChart, dark);
        Charts.style(teachingChart, dark);
        if (curvesViewer.getChart() != null) {
            Charts.style(curvesViewer.getChart(), dark);
        }
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    /** What each slider does, in the paper's terms. */
    private static final java.util.Map<String, String> TIPS = java.util.Map.of(
            "dimension-alpha", "The α at which the bar chart compares each latent dimension's divergence with its KL(q‖p)",
            "mu-p", "μ of p, the first 1-D Gaussian (the prior's role in the VAE)",
            "sigma-p", "σ of p, the first 1-D Gaussian",
            "mu-q", "μ of q, the second 1-D Gaussian (the encoder's posterior's role)",
            "sigma-q", "σ of q, the second 1-D Gaussian",
            "teaching-alpha", "α, the skew: the normalised geometric mean Gα ∝ p^(1−α)·q^α (weight α on q, as in the paper's "
                    + "JSᴳᵅ′) moves from p at α = 0 to q at α = 1");

    private static Slider slider(DoubleProperty p, double min, double max, String id) {
        Slider s = new Slider(min, max, p.get());
        s.setId(id);
        s.setTooltip(new javafx.scene.control.Tooltip(TIPS.get(id)));
        s.valueProperty().bindBidirectional(p);
        return s;
    }

    private static Label valueLabel(DoubleProperty p) {
        Label l = new Label();
        l.textProperty().bind(p.asString("%.2f"));
        l.setMinWidth(40);
        return l;
    }

    private static int sliderRow(GridPane g, int row, String name, DoubleProperty p, double min, double max, String id) {
        Slider s = slider(p, min, max, id);
        GridPane.setHgrow(s, Priority.ALWAYS);
        g.addRow(row, new Label(name), s, valueLabel(p));
        return row + 1;
    }

    private void showCurves(DivergenceCurves c) {
        if (c == null) {
            JFreeChart empty = placeholder();
            Charts.style(empty, ctx.dark.get());
            curvesViewer.setChart(empty);
            return;
        }
        JFreeChart chart = AlphaCurves.divergenceChart(null, c);
        typesetLegend(chart.getXYPlot());
        Charts.style(chart, ctx.dark.get());
        curvesViewer.setChart(chart);
        boolean spread = CurveReadout.spansDecades(chart.getXYPlot().getDataset(), 2);
        if (logScale.isSelected() == spread) {
            CurveReadout.logScale(chart, spread);
        } else {
            logScale.setSelected(spread); // its listener switches the axis
        }
    }

    /** The chart's fixed legend with the paper's notation typeset (JS⁎ᴳᵅ′, not JS_*^{Gα'}); series keys are kept. */
    private static void typesetLegend(org.jfree.chart.plot.XYPlot plot) {
        org.jfree.chart.LegendItemCollection fixed = plot.getFixedLegendItems();
        if (fixed == null) {
            plot.getRenderer().setLegendItemLabelGenerator((data, series) -> Labels.typeset(String.valueOf(data.getSeriesKey(series))));
            return;
        }
        org.jfree.chart.LegendItemCollection out = new org.jfree.chart.LegendItemCollection();
        for (int i = 0; i < fixed.getItemCount(); i++) {
            org.jfree.chart.LegendItem it = fixed.get(i);
            org.jfree.chart.LegendItem n = new org.jfree.chart.LegendItem(Labels.typeset(it.getLabel()), it.getDescription(),
                    it.getToolTipText(), it.getURLText(), it.getLine(), it.getLineStroke(), it.getLinePaint());
            n.setSeriesKey(it.getSeriesKey());
            n.setSeriesIndex(it.getSeriesIndex());
            n.setDataset(it.getDataset());
            n.setDatasetIndex(it.getDatasetIndex());
            n.setShapeVisible(it.isShapeVisible());
            n.setLineVisible(it.isLineVisible());
            out.add(n);
        }
        plot.setFixedLegendItems(out);
    }

    private void showDimensions(AlphaViewModel.PerDimensionView v) {
        dims.clear();
        if (v == null) {
            return;
        }
        String own = Labels.typeset(v.name()) + (v.name().contains("α") ? String.format(Locale.ROOT, " at α = %.2f", v.alpha()) : "");
        for (int d = 0; d < v.value().length; d++) {
            dims.addValue(v.value()[d], own, "z" + d);
            dims.addValue(v.klQp()[d], "KL(q‖p)", "z" + d);
        }
    }

    private void showTeaching(GaussianTeaching.Result r) {
        if (r == null) {
            return;
        }
        teachingData.removeAllSeries();
        teachingData.addSeries(series("p", r.x(), r.pDensity()));
        teachingData.addSeries(series("q", r.x(), r.qDensity()));
        teachingData.addSeries(series("(p+q)/2", r.x(), r.mixture()));
        teachingData.addSeries(series(String.format(Locale.ROOT, "Gα, α = %.2f", r.alphas()[0]), r.x(), r.geometric()[0]));
    }

    private static XYSeries series(String name, double[] x, double[] y) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < x.length; i++) {
            s.add(x[i], y[i], false);
        }
        return s;
    }

    private void showValues() {
        values.getChildren().clear();
        int row = 0;
        for (GaussianTeaching.NamedValue v : vm.teachingValuesProperty().get()) {
            Label value = new Label(String.format(Locale.ROOT, "%.4f", v.value()));
            value.getStyleClass().add("number");
            values.addRow(row++, new Label(Labels.typeset(v.name())), value);
        }
    }

    Node node() {
        return root;
    }

    javafx.scene.control.CheckBox logScale() {
        return logScale;
    }

    ChartViewer curvesViewer() {
        return curvesViewer;
    }

    XYSeriesCollection teachingData() {
        return teachingData;
    }
}
