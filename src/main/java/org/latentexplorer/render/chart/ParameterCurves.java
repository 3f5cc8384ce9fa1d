package org.latentexplorer.render.chart;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Reconstruction error of a sweep's models against one of their parameters, several named lines in one chart: Figs
 * 10–11 (the paper's α' variant in blue against Nielsen's in red), Fig 12 (one line per λ) and Fig 13 (against β,
 * with highlighted points as squares). Every line is drawn with circle markers at the models; the numbers come from
 * the caller.
 */
public final class ParameterCurves {
    /**
     * One line.
     *
     * @param name   legend text
     * @param x      the parameter values, strictly increasing
     * @param y      the values at them
     * @param colour the line's colour
     */
    public record Line(String name, double[] x, double[] y, Color colour) {
        public Line {
            if (x.length != y.length || x.length == 0) {
                throw new IllegalArgumentException(name + ": x and y must have the same non-zero length, got "
                        + x.length + " and " + y.length);
            }
            for (int i = 1; i < x.length; i++) {
                if (!(x[i] > x[i - 1])) {
                    throw new IllegalArgumentException(name + ": x must strictly increase, got " + x[i - 1] + " then " + x[i]);
                }
            }
            x = x.clone();
            y = y.clone();
        }
    }

    /** A point drawn as a filled square with a legend entry, e.g. Fig 13's VAE (β = 1, red) and β-VAE (β = 4, green). */
    public record Highlight(String name, double x, double y, Color colour) {
    }

    /** Colours for successive lines: blue, red, green, orange, purple, brown, then grey. */
    public static final List<Color> PALETTE = List.of(Color.BLUE, Color.RED, AlphaCurves.GREEN, new Color(255, 127, 14),
            new Color(128, 0, 128), new Color(140, 86, 75));

    private ParameterCurves() {
    }

    /**
     * The chart.
     *
     * @param unitDomain whether the x axis is [0, 1] (α), else it fits the data (β)
     */
    public static JFreeChart chart(String title, String xLabel, String yLabel, List<Line> lines, List<Highlight> highlights,
                                   boolean unitDomain) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one line");
        }
        XYSeriesCollection data = new XYSeriesCollection();
        for (Line l : lines) {
            data.addSeries(AlphaCurves.series(l.name(), l.x(), l.y()));
        }
        JFreeChart chart = AlphaCurves.lineChart(title, xLabel, yLabel, data);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = AlphaCurves.lineRenderer(true);
        for (int s = 0; s < lines.size(); s++) {
            r.setSeriesPaint(s, lines.get(s).colour());
            r.setSeriesStroke(s, AlphaCurves.SOLID);
        }
        plot.setRenderer(r);
        int n = lines.size();
        for (Highlight h : highlights) {
            data.addSeries(AlphaCurves.series(h.name(), new double[] {h.x()}, new double[] {h.y()}));
            r.setSeriesLinesVisible(n, false);
            r.setSeriesShapesVisible(n, true);
            r.setSeriesShape(n, new Rectangle2D.Double(-7, -7, 14, 14));
            r.setSeriesPaint(n, h.colour());
            r.setSeriesStroke(n, AlphaCurves.SOLID);
            n++;
        }
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        if (unitDomain) {
            AlphaCurves.unitDomain(plot);
        }
        return chart;
    }
}
