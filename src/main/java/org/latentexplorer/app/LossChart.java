package org.latentexplorer.app;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.fx.interaction.PanHandlerFX;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentexplorer.model.EpochRecord;
import org.latentexplorer.model.ModelFile;
import org.latentexplorer.model.ModelManifest;

/**
 * A loss chart read as in TensorBoard: one or more stacked plots sharing the x axis (step or epoch), each curve
 * smoothed by {@link LossSmoothing} with the raw curve faint behind it, a logarithmic y axis on demand, zoom (drag
 * a box or turn the wheel), pan (Ctrl+drag) and a reset, a read-out of every curve's value under the mouse, and a
 * model's per-epoch history from its manifest overlaid for comparison. The raw series are owned by the caller and
 * may grow while shown; the smoothed copies follow them.
 */
final class LossChart {
    /** What the x axis counts. */
    enum Unit { STEP, EPOCH }

    /** The loss fields of an {@link EpochRecord}, numbered 0–4 as the {@code fields} of a plot. */
    static final int TOTAL = 0;
    static final int RECONSTRUCTION = 1;
    static final int DIVERGENCE = 2;
    static final int KL1 = 3;
    static final int KL2 = 4;

    /** One of the stacked plots: its raw series (owned by the caller), their smoothed copies and the comparison. */
    private record Part(XYPlot plot, XYSeriesCollection raw, int[] fields, XYSeriesCollection smoothed,
                        XYSeriesCollection overlay, XYLineAndShapeRenderer rawRenderer,
                        XYLineAndShapeRenderer overlayRenderer, String label) {
    }

    private final AppContext ctx;
    private final Unit unit;
    private final JFreeChart chart;
    private final CombinedDomainXYPlot plot;
    private final ChartViewer viewer;
    private final List<Part> parts = new ArrayList<>();
    final Slider smoothing = new Slider(0, LossSmoothing.MAX_WEIGHT, 0);
    final CheckBox logY = new CheckBox("log y");
    final Button reset = new Button("Reset zoom");
    final MenuButton compare = new MenuButton("Compare with…");
    final MenuItem compareCurrent = new MenuItem("the current model's history");
    final MenuItem compareFile = new MenuItem("a model file…");
    final MenuItem compareNone = new MenuItem("no comparison");
    final Label readout = new Label();
    private final VBox node;
    private IntSupplier stepsPerEpoch = () -> 0;
    private String compared;
    private double comparedPerEpoch;
    /** The chart's subtitle naming the compared history while there is one. */
    private final org.jfree.chart.title.TextTitle comparison = new org.jfree.chart.title.TextTitle();
    private boolean rebuildQueued;

    /**
     * @param id       the node id prefix of the chart and its controls
     * @param labels   each plot's y-axis label
     * @param raws     each plot's raw series
     * @param fields   for each plot, the {@link EpochRecord} field each of its series shows (colour and comparison)
     * @param weights  each plot's share of the height
     */
    LossChart(AppContext ctx, String id, String title, Unit unit, String[] labels, XYSeriesCollection[] raws,
              int[][] fields, int[] weights) {
        this.ctx = ctx;
        this.unit = unit;
        NumberAxis domain = new NumberAxis(unit == Unit.STEP ? "step" : "epoch");
        domain.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // steps and epochs are whole numbers
        domain.setAutoRangeIncludesZero(false);
        domain.setAutoRangeMinimumSize(unit == Unit.STEP ? 10 : 2); // one epoch: 0–2 with a tick at 1, not 0.95–1.05
        plot = new CombinedDomainXYPlot(domain);
        plot.setGap(8);
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        for (int p = 0; p < raws.length; p++) {
            NumberAxis range = new NumberAxis(labels[p]);
            range.setAutoRangeIncludesZero(false);
            XYLineAndShapeRenderer rawRenderer = renderer(fields[p], true);
            XYPlot sub = new XYPlot(raws[p], null, range, rawRenderer);
            XYSeriesCollection smoothed = new XYSeriesCollection();
            sub.setDataset(1, smoothed);
            sub.setRenderer(1, renderer(fields[p], false));
            XYSeriesCollection overlay = new XYSeriesCollection();
            XYLineAndShapeRenderer overlayRenderer = new XYLineAndShapeRenderer(true, true);
            overlayRenderer.setDefaultSeriesVisibleInLegend(false); // named once, in the chart's subtitle
            sub.setDataset(2, overlay);
            sub.setRenderer(2, overlayRenderer);
            // the raw curves first, faint; the smoothed ones over them; in each, the total first and the
            // reconstruction over it (dashed), so neither hides the other where they coincide
            sub.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
            sub.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
            plot.add(sub, weights[p]);
            parts.add(new Part(sub, raws[p], fields[p].clone(), smoothed, overlay, rawRenderer, overlayRenderer, labels[p]));
            raws[p].addChangeListener(e -> queueRebuild());
        }
        chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        comparison.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
        rebuild();
        Charts.style(chart, ctx.dark.get());
        comparison.setPaint(Charts.foreground(ctx.dark.get()));
        ctx.dark.addListener((o, was, now) -> {
            Charts.style(chart, now);
            comparison.setPaint(Charts.foreground(now));
        });

        viewer = new ChartViewer(chart);
        viewer.setId(id);
        viewer.setMinSize(300, 150);
        // dragging a box zooms and the wheel zooms (the viewer's own); Ctrl+drag pans as well as Alt+drag
        viewer.getCanvas().addMouseHandler(new PanHandlerFX("pan-ctrl", false, true, false, false));
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX e) {
                if (e.getTrigger().getClickCount() == 2) {
                    resetZoom();
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX e) {
                hover(e.getTrigger().getX());
            }
        });

        smoothing.setId(id + "-smoothing");
        smoothing.setPrefWidth(140);
        smoothing.setMajorTickUnit(0.25);
        smoothing.setBlockIncrement(0.05);
        smoothing.setTooltip(new Tooltip("Smoothing as in TensorBoard: an exponential moving average of weight w "
                + "(0 = none, 0.99 = about the last hundred points); the raw curve stays faint behind"));
        Label smoothingValue = new Label();
        smoothingValue.setMinWidth(Region.USE_PREF_SIZE);
        smoothingValue.textProperty().bind(smoothing.valueProperty().asString(Locale.ROOT, "%.2f"));
        smoothing.valueProperty().addListener((o, was, now) -> rebuild());
        logY.setId(id + "-log");
        logY.setTooltip(new Tooltip("Logarithmic y axes: equal ratios look equal, so a loss falling from 500 to 50 "
                + "and one from 5 to 0.5 fall alike"));
        logY.selectedProperty().addListener((o, was, now) -> logScale(now));
        reset.setId(id + "-reset");
        reset.setTooltip(new Tooltip("Show all of every curve again (or double-click the chart)"));
        reset.setOnAction(e -> resetZoom());
        compare.setId(id + "-compare");
        compare.setTooltip(new Tooltip("Draw a saved model's loss per epoch (from its manifest) over these curves"));
        compareCurrent.setId(id + "-compare-current");
        compareCurrent.setOnAction(e -> {
            LoadedModel m = ctx.model.get();
            if (m != null) {
                compareOrSay(m.file() == null ? m.origin() : m.file().getFileName().toString(), m.manifest());
            }
        });
        compareFile.setOnAction(e -> chooseAndCompare());
        compareNone.setId(id + "-compare-none");
        compareNone.setOnAction(e -> clearComparison());
        compare.getItems().addAll(compareCurrent, compareFile, new SeparatorMenuItem(), compareNone);
        compare.setOnShowing(e -> {
            LoadedModel m = ctx.model.get();
            compareCurrent.setDisable(m == null || m.manifest().history().isEmpty());
            compareNone.setDisable(compared == null);
        });
        Label hint = new Label("drag: zoom · wheel: zoom · Ctrl+drag: pan");
        hint.getStyleClass().add("hint");
        HBox smooth = new HBox(6, new Label("Smoothing"), smoothing, smoothingValue);
        smooth.setAlignment(Pos.CENTER_LEFT);
        FlowPane tools = new FlowPane(12, 4, smooth, logY, reset, compare, hint);
        tools.setAlignment(Pos.CENTER_LEFT);
        readout.setId(id + "-readout");
        readout.setWrapText(true);
        readout.setMinHeight(Region.USE_PREF_SIZE);
        readout.setText("move the mouse over the chart to read every curve's value");
        node = new VBox(6, tools, viewer, readout);
        node.setPadding(new Insets(0));
        VBox.setVgrow(viewer, Priority.ALWAYS);
    }

    /** The step axis' read-out also names the epoch and the step in it, given the run's steps per epoch (0: unknown). */
    void stepsPerEpoch(IntSupplier s) {
        stepsPerEpoch = s;
    }

    private static XYLineAndShapeRenderer renderer(int[] fields, boolean raw) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < fields.length; i++) {
            Color c = Charts.PALETTE[fields[i] % Charts.PALETTE.length];
            if (raw) {
                r.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), 70));
                r.setSeriesStroke(i, new BasicStroke(1f));
            } else {
                r.setSeriesPaint(i, c);
                r.setSeriesStroke(i, stroke(fields[i], 1f));
            }
        }
        if (raw) {
            r.setDefaultSeriesVisibleInLegend(false);
            r.setDefaultSeriesVisible(false);
        }
        return r;
    }

    /** The total wide and solid, the reconstruction drawn over it dashed, the rest solid. */
    private static BasicStroke stroke(int field, float scale) {
        if (field == TOTAL) {
            return new BasicStroke(2.6f * scale, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
        if (field == RECONSTRUCTION) {
            return new BasicStroke(1.8f * scale, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {7f, 4f}, 0f);
        }
        return new BasicStroke(1.8f * scale, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    private void queueRebuild() {
        if (!rebuildQueued) {
            rebuildQueued = true;
            Platform.runLater(this::rebuild);
        }
    }

    /** Recomputes the smoothed copies from the raw series (the raw curves show, faint, only when smoothing). */
    private void rebuild() {
        rebuildQueued = false;
        double w = weight();
        for (Part p : parts) {
            p.smoothed.setNotify(false);
            p.smoothed.removeAllSeries();
            for (int s = 0; s < p.raw.getSeriesCount(); s++) {
                XYSeries raw = p.raw.getSeries(s);
                int n = raw.getItemCount();
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    y[i] = raw.getY(i).doubleValue();
                }
                double[] smooth = LossSmoothing.ema(y, w);
                XYSeries out = new XYSeries(raw.getKey(), false, true);
                for (int i = 0; i < n; i++) {
                    out.add(raw.getX(i).doubleValue(), smooth[i], false);
                }
                p.smoothed.addSeries(out);
            }
            p.rawRenderer.setDefaultSeriesVisible(w > 0, false);
            p.smoothed.setNotify(true);
        }
        updateLogFloors();
    }

    /** A log axis' floor follows the data: zeros sit just below the smallest positive value. */
    private void updateLogFloors() {
        for (Part p : parts) {
            if (p.plot.getRangeAxis() instanceof LogAxis l) {
                double floor = ChartLookup.logFloor(List.of(p.raw, p.overlay));
                if (floor != l.getSmallestValue()) {
                    l.setSmallestValue(floor);
                }
            }
        }
    }

    /** The smoothing weight in use (the slider's, below 1). */
    double weight() {
        return Math.min(LossSmoothing.MAX_WEIGHT, Math.max(0, smoothing.getValue()));
    }

    /** Switches every plot's y axis between linear and logarithmic. */
    private void logScale(boolean log) {
        for (Part p : parts) {
            ValueAxis axis;
            if (log) {
                LogAxis l = new LossLogAxis(p.label);
                l.setSmallestValue(ChartLookup.logFloor(List.of(p.raw, p.overlay)));
                axis = l;
            } else {
                NumberAxis n = new NumberAxis(p.label);
                n.setAutoRangeIncludesZero(false);
                axis = n;
            }
            axis.setAutoRange(true);
            p.plot.setRangeAxis(axis);
        }
        Charts.style(chart, ctx.dark.get());
    }

    /** Back to the whole of every curve after zooming or panning. */
    void resetZoom() {
        plot.getDomainAxis().setAutoRange(true);
        for (Part p : parts) {
            p.plot.getRangeAxis().setAutoRange(true);
        }
    }

    private void hover(double screenX) {
        var info = viewer.getCanvas().getRenderingInfo();
        if (info == null || info.getPlotInfo().getSubplotCount() == 0) {
            return;
        }
        var area = info.getPlotInfo().getSubplotInfo(0).getDataArea();
        if (screenX < area.getMinX() || screenX > area.getMaxX()) {
            return;
        }
        readoutAt(plot.getDomainAxis().java2DToValue(screenX, area, plot.getDomainAxisEdge()));
    }

    /** Shows the read-out at {@code x} on the chart's x axis. */
    void readoutAt(double x) {
        List<XYDataset> raw = new ArrayList<>();
        List<XYDataset> smoothed = new ArrayList<>();
        List<XYDataset> overlay = new ArrayList<>();
        for (Part p : parts) {
            raw.add(p.raw);
            smoothed.add(p.smoothed);
            overlay.add(p.overlay);
        }
        readout.setText(readout(x, unit, stepsPerEpoch.getAsInt(), raw, weight() > 0 ? smoothed : null, overlay,
                comparedPerEpoch));
    }

    /**
     * The read-out at {@code x}: the nearest recorded step (or epoch) of the curves — on a step axis with the epoch and
     * the step within it when {@code stepsPerEpoch > 0} — and each curve's value there (with its smoothed value when
     * {@code smoothed} is given, parallel to {@code raw}); then, on a line of its own, each compared curve's value at
     * its point nearest to x, with that point's epoch (on a step axis from {@code overlayStepsPerEpoch}, the compared
     * run's steps per epoch).
     */
    static String readout(double x, Unit unit, int stepsPerEpoch, List<XYDataset> raw, List<XYDataset> smoothed,
                          List<XYDataset> overlay, double overlayStepsPerEpoch) {
        double at = Double.NaN;
        for (XYDataset d : raw) {
            for (int s = 0; s < d.getSeriesCount() && Double.isNaN(at); s++) {
                int i = ChartLookup.nearest(d, s, x);
                if (i >= 0) {
                    at = d.getXValue(s, i);
                }
            }
        }
        StringBuilder b = new StringBuilder();
        if (Double.isNaN(at)) {
            b.append(unit == Unit.STEP ? "step " : "epoch ").append(String.format(Locale.ROOT, "%,d", Math.round(x)));
        } else {
            long step = Math.round(at);
            b.append(unit == Unit.STEP ? "step " : "epoch ").append(String.format(Locale.ROOT, "%,d", step));
            if (unit == Unit.STEP && stepsPerEpoch > 0 && step > 0) {
                long epoch = (step + stepsPerEpoch - 1) / stepsPerEpoch;
                b.append(String.format(Locale.ROOT, " (epoch %d, step %d of %d)", epoch,
                        step - (epoch - 1) * stepsPerEpoch, stepsPerEpoch));
            }
            for (int p = 0; p < raw.size(); p++) {
                XYDataset d = raw.get(p);
                for (int s = 0; s < d.getSeriesCount(); s++) {
                    int i = ChartLookup.nearest(d, s, at);
                    if (i < 0) {
                        continue;
                    }
                    b.append(" · ").append(d.getSeriesKey(s)).append(' ').append(number(d.getYValue(s, i)));
                    if (smoothed != null && s < smoothed.get(p).getSeriesCount()
                            && i < smoothed.get(p).getItemCount(s)) {
                        b.append(" (smoothed ").append(number(smoothed.get(p).getYValue(s, i))).append(')');
                    }
                }
            }
        }
        // the compared history on a line of its own: "name, epoch 3: total loss 281.6 · reconstruction 276.6 …"
        String prefix = null;
        for (XYDataset d : overlay) {
            for (int s = 0; s < d.getSeriesCount(); s++) {
                int i = ChartLookup.nearest(d, s, Double.isNaN(at) ? x : at);
                if (i < 0) {
                    continue;
                }
                String key = String.valueOf(d.getSeriesKey(s));
                int colon = key.lastIndexOf(": ");
                if (prefix == null) {
                    prefix = colon < 0 ? "compared" : key.substring(0, colon);
                    double ox = d.getXValue(s, i);
                    long epoch = unit == Unit.EPOCH ? Math.round(ox)
                            : overlayStepsPerEpoch > 0 ? Math.round(ox / overlayStepsPerEpoch + 0.5) : -1;
                    b.append('\n').append(prefix).append(epoch > 0 ? ", epoch " + epoch : "").append(": ");
                } else {
                    b.append(" · ");
                }
                b.append(colon < 0 ? key : key.substring(colon + 2)).append(' ').append(number(d.getYValue(s, i)));
            }
        }
        return b.toString();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private void chooseAndCompare() {
        Path file = ctx.open("Compare with a model's loss history", List.of(AppContext.MODELS));
        if (file == null) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                ModelManifest mf = ModelFile.read(file).manifest();
                Platform.runLater(() -> compareOrSay(file.getFileName().toString(), mf));
            } catch (RuntimeException e) {
                Platform.runLater(() -> ctx.showError("Cannot compare with " + file.getFileName(), e));
            }
        }, "compare-history");
        t.setDaemon(true);
        t.start();
    }

    private void compareOrSay(String name, ModelManifest mf) {
        try {
            compare(name, mf);
        } catch (IllegalArgumentException e) {
            ctx.showError("Cannot compare with " + name, e.getMessage());
        }
    }

    /**
     * Draws {@code mf}'s per-epoch history over the curves, named {@code name}: each plot gets the fields its own
     * curves show. On a step axis an epoch's mean sits at the middle step of that epoch.
     *
     * @throws IllegalArgumentException if the history is empty, or has no step count for a step axis
     */
    void compare(String name, ModelManifest mf) {
        List<EpochRecord> history = mf.history();
        if (history.isEmpty()) {
            throw new IllegalArgumentException(name + " has no loss history (it was never trained)");
        }
        double perEpoch = mf.epochsCompleted() > 0 ? (double) mf.steps() / mf.epochsCompleted() : 0;
        if (unit == Unit.STEP && !(perEpoch > 0)) {
            throw new IllegalArgumentException(name + " records no step count: its epochs cannot be placed on steps");
        }
        String[] kl = Labels.klTerms(mf);
        String[] names = {"total loss", "reconstruction", "divergence", kl[0], kl[1]};
        for (Part p : parts) {
            p.overlay.setNotify(false);
            p.overlay.removeAllSeries();
            for (int field : p.fields) {
                double[][] xy = overlayPoints(history, field, unit, perEpoch);
                if (xy[0].length == 0) {
                    continue;
                }
                XYSeries s = new XYSeries(name + ": " + names[field], false, true);
                for (int i = 0; i < xy[0].length; i++) {
                    s.add(xy[0][i], xy[1][i], false);
                }
                int index = p.overlay.getSeriesCount();
                p.overlay.addSeries(s);
                Color c = Charts.PALETTE[field % Charts.PALETTE.length];
                p.overlayRenderer.setSeriesPaint(index, c.darker());
                p.overlayRenderer.setSeriesStroke(index, new BasicStroke(1.4f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_ROUND, 10f, new float[] {2f, 4f}, 0f));
                p.overlayRenderer.setSeriesShape(index, new java.awt.geom.Ellipse2D.Double(-3.5, -3.5, 7, 7));
            }
            p.overlay.setNotify(true);
        }
        compared = name;
        comparedPerEpoch = perEpoch;
        comparison.setText("dotted, a dot per epoch: " + name);
        if (chart.getSubtitles().stream().noneMatch(t -> t == comparison)) {
            chart.addSubtitle(0, comparison);
        }
        updateLogFloors();
    }

    /** Removes the compared history. */
    void clearComparison() {
        for (Part p : parts) {
            p.overlay.removeAllSeries();
        }
        compared = null;
        chart.removeSubtitle(comparison);
        updateLogFloors();
    }

    /** The subtitle naming the compared history ("" when none). */
    String comparisonTitle() {
        return compared == null ? "" : comparison.getText();
    }

    /**
     * One field of a per-epoch history as chart points: x the epoch, or on a step axis the middle step of the epoch
     * ({@code (epoch − ½)·stepsPerEpoch}); the KL terms' missing (null) and any non-finite values are left out.
     */
    static double[][] overlayPoints(List<EpochRecord> history, int field, Unit unit, double stepsPerEpoch) {
        double[] x = new double[history.size()];
        double[] y = new double[history.size()];
        int n = 0;
        for (EpochRecord r : history) {
            Double v = switch (field) {
                case TOTAL -> r.loss();
                case RECONSTRUCTION -> r.recLoss();
                case DIVERGENCE -> r.divergence();
                case KL1 -> r.kl1();
                case KL2 -> r.kl2();
                default -> throw new IllegalArgumentException("no loss field " + field);
            };
            if (v == null || !Double.isFinite(v)) {
                continue;
            }
            x[n] = unit == Unit.EPOCH ? r.epoch() : (r.epoch() - 0.5) * stepsPerEpoch;
            y[n++] = v;
        }
        return new double[][] {java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n)};
    }

    /** The name of the compared history, or null. */
    String compared() {
        return compared;
    }

    /** The compared history's series of plot {@code part}. */
    XYSeriesCollection overlay(int part) {
        return parts.get(part).overlay;
    }

    /** The smoothed series of plot {@code part}. */
    XYSeriesCollection smoothed(int part) {
        return parts.get(part).smoothed;
    }

    /** Plot {@code part}'s y axis. */
    ValueAxis rangeAxis(int part) {
        return parts.get(part).plot.getRangeAxis();
    }

    /** Whether the faint raw curves are drawn (only while smoothing). */
    boolean rawShown() {
        return parts.get(0).rawRenderer.getDefaultSeriesVisible();
    }

    JFreeChart chart() {
        return chart;
    }

    ChartViewer viewer() {
        return viewer;
    }

    Node node() {
        return node;
    }
}
