package org.latentexplorer.render.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentexplorer.evaluation.DivergenceCurves;
import org.latentexplorer.render.export.CurveTable;

/**
 * JFreeChart charts of quantities against the skew α. The numbers come from the caller (the divergence
 * package and evaluation logs); this class only draws them. Charts have a white background, α on
 * [0, 1], and horizontal reference lines as {@link ValueMarker}s that also appear in the legend.
 */
public final class AlphaCurves {
    static final Stroke SOLID = new BasicStroke(2f);
    static final Stroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f);
    static final Stroke DOTTED = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[]{1f, 4f}, 0f);
    /** Matplotlib's "c" and "g", used by Fig. 3 for KL(q‖p) and KL(p‖q). */
    static final Color CYAN = new Color(0, 191, 191);
    static final Color GREEN = new Color(0, 128, 0);

    private AlphaCurves() {
    }

    /**
     * Divergence against α: JS^{Gα′}, JS_*^{Gα′}, Nielsen's JS^{Gα} and JS_*^{Gα}, horizontal lines at
     * KL(q‖p) (cyan) and KL(p‖q) (green), and a vertical line at the trained α when given.
     */
    public static JFreeChart divergenceChart(String title, DivergenceCurves c) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series(DivergenceCurves.JS_PRIME, c.alpha(), c.jsPrime()));
        data.addSeries(series(DivergenceCurves.DUAL_PRIME, c.alpha(), c.dualPrime()));
        data.addSeries(series(DivergenceCurves.JS_NIELSEN, c.alpha(), c.jsNielsen()));
        data.addSeries(series(DivergenceCurves.DUAL_NIELSEN, c.alpha(), c.dualNielsen()));
        JFreeChart chart = lineChart(title, "α", "Divergence (nats)", data);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = lineRenderer(false);
        Color[] colours = {Color.BLUE, new Color(128, 0, 128), new Color(255, 127, 14), Color.RED};
        Stroke[] strokes = {SOLID, SOLID, DASHED, DASHED};
        for (int s = 0; s < 4; s++) {
            r.setSeriesPaint(s, colours[s]);
            r.setSeriesStroke(s, strokes[s]);
        }
        plot.setRenderer(r);
        LegendItemCollection legend = plot.getLegendItems();
        addHorizontal(plot, legend, DivergenceCurves.KL_QP, c.klQp(), CYAN, SOLID);
        addHorizontal(plot, legend, DivergenceCurves.KL_PQ, c.klPq(), GREEN, SOLID);
        if (c.trainedAlpha().isPresent()) {
            double a = c.trainedAlpha().getAsDouble();
            ValueMarker m = new ValueMarker(a, Color.DARK_GRAY, DASHED);
            m.setLabel("trained α = " + a);
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(m);
            legend.add(lineLegend("trained α", Color.DARK_GRAY, DASHED));
        }
        plot.setFixedLegendItems(legend);
        unitDomain(plot);
        return chart;
    }

    /**
     * Figs 6–9: kl_loss1 (green), kl_loss2 (red) and the weighted total (blue) against α, y label
     * "Divergence loss", with circle markers at the trained α values.
     */
    public static JFreeChart breakdownChart(LossBreakdown b) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series(b.klLoss1Name(), b.alpha(), b.klLoss1()));
        data.addSeries(series(b.klLoss2Name(), b.alpha(), b.klLoss2()));
        data.addSeries(series(b.totalName(), b.alpha(), b.total()));
        JFreeChart chart = lineChart(b.title(), "α", "Divergence loss", data);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = lineRenderer(true);
        Color[] colours = {GREEN, Color.RED, Color.BLUE};
        for (int s = 0; s < 3; s++) {
            r.setSeriesPaint(s, colours[s]);
            r.setSeriesStroke(s, SOLID);
        }
        plot.setRenderer(r);
        unitDomain(plot);
        return chart;
    }

    /**
     * Fig. 3: reconstruction against α as blue "o-" (test) and "o--" (train, optional, may be null), with
     * horizontal KL(q‖p) (cyan) and KL(p‖q) (green) lines, solid for test and dashed for train. The α curve's legend
     * entries are {@code curve} followed by the split, e.g. "JS*^{Gα'} train".
     */
    public static JFreeChart reconstructionChart(String title, String curve, ReconstructionCurve test, ReconstructionCurve train) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series(curve + " " + test.split(), test.alpha(), test.reconstruction()));
        if (train != null) {
            data.addSeries(series(curve + " " + train.split(), train.alpha(), train.reconstruction()));
        }
        JFreeChart chart = lineChart(title, "α", "Reconstruction loss", data);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = lineRenderer(true);
        r.setSeriesPaint(0, Color.BLUE);
        r.setSeriesStroke(0, SOLID);
        if (train != null) {
            r.setSeriesPaint(1, Color.BLUE);
            r.setSeriesStroke(1, DASHED);
        }
        plot.setRenderer(r);
        LegendItemCollection legend = plot.getLegendItems();
        addHorizontal(plot, legend, DivergenceCurves.KL_QP + " " + test.split(), test.klQp(), CYAN, SOLID);
        addHorizontal(plot, legend, DivergenceCurves.KL_PQ + " " + test.split(), test.klPq(), GREEN, SOLID);
        if (train != null) {
            addHorizontal(plot, legend, DivergenceCurves.KL_QP + " " + train.split(), train.klQp(), CYAN, DASHED);
            addHorizontal(plot, legend, DivergenceCurves.KL_PQ + " " + train.split(), train.klPq(), GREEN, DASHED);
        }
        plot.setFixedLegendItems(legend);
        unitDomain(plot);
        return chart;
    }

    static XYSeries series(String name, double[] x, double[] y) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < x.length; i++) {
            s.add(x[i], y[i], false);
        }
        return s;
    }

    static JFreeChart lineChart(String title, String xLabel, String yLabel, XYSeriesCollection data) {
        JFreeChart chart = ChartFactory.createXYLineChart(title == null || title.isEmpty() ? null : title, xLabel, yLabel,
                data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        return chart;
    }

    static XYLineAndShapeRenderer lineRenderer(boolean circles) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, circles);
        if (circles) {
            r.setDefaultShape(new Ellipse2D.Double(-4, -4, 8, 8));
            r.setAutoPopulateSeriesShape(false);
        }
        r.setAutoPopulateSeriesStroke(false);
        // One path per series, so dash patterns run along the whole curve instead of restarting at every
        // (often sub-pixel) segment, which made dotted and dashed curves look solid.
        r.setDrawSeriesLineAsPath(true);
        return r;
    }

    /** A horizontal line at y with a legend entry. */
    static void addHorizontal(XYPlot plot, LegendItemCollection legend, String name, double y, Paint paint, Stroke stroke) {
        ValueMarker m = new ValueMarker(y, paint, stroke);
        m.setLabel(name);
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT); // below its line: the largest (KL(p‖q)) is not cut off at the top
        plot.addRangeMarker(m);
        legend.add(lineLegend(name, paint, stroke));
    }

    static LegendItem lineLegend(String name, Paint paint, Stroke stroke) {
        LegendItem item = new LegendItem(name, null, null, null, new Line2D.Double(-10, 0, 10, 0), stroke, paint);
        return item;
    }

    static void unitDomain(XYPlot plot) {
        plot.getDomainAxis().setRange(0.0, 1.0);
    }

    /** The numbers behind {@link #divergenceChart}: columns alpha, the four series, and constant kl_qp, kl_pq columns. */
    public static CurveTable table(DivergenceCurves c) {
        double[] qp = new double[c.alpha().length];
        double[] pq = new double[c.alpha().length];
        Arrays.fill(qp, c.klQp());
        Arrays.fill(pq, c.klPq());
        return CurveTable.ofColumns(List.of("alpha", "js_prime", "dual_prime", "js_nielsen", "dual_nielsen", "kl_qp", "kl_pq"),
                List.of(c.alpha(), c.jsPrime(), c.dualPrime(), c.jsNielsen(), c.dualNielsen(), qp, pq));
    }
}
