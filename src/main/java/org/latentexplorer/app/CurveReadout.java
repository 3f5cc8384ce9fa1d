package org.latentexplorer.app;

import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;

/**
 * Makes a chart of curves against α readable when their sizes differ by orders of magnitude (KL(p‖q) in the
 * hundreds, the trained divergence near 1): a logarithmic y axis, curves that can be hidden, and a read-out of
 * every visible curve's value at one α.
 */
final class CurveReadout {
    private CurveReadout() {
    }

    /** Whether the positive values of {@code data} span more than {@code decades} powers of ten. */
    static boolean spansDecades(XYDataset data, double decades) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                double y = data.getYValue(s, i);
                if (y > 0 && Double.isFinite(y)) {
                    lo = Math.min(lo, y);
                    hi = Math.max(hi, y);
                }
            }
        }
        return hi > 0 && Math.log10(hi / lo) > decades;
    }

    /** Switches the chart's y axis between linear and logarithmic, keeping its label and colours. */
    static void logScale(JFreeChart chart, boolean log) {
        XYPlot plot = chart.getXYPlot();
        ValueAxis old = plot.getRangeAxis();
        if ((old instanceof LogAxis) == log) {
            return;
        }
        ValueAxis axis;
        if (log) {
            LogAxis l = new LogAxis(old.getLabel());
            l.setSmallestValue(1e-4); // zero (KL at α = 0 or 1) sits on the axis floor instead of at −∞
            l.setAutoRange(true);
            axis = l;
        } else {
            NumberAxis n = new NumberAxis(old.getLabel());
            n.setAutoRangeIncludesZero(true);
            axis = n;
        }
        axis.setLabelFont(old.getLabelFont());
        axis.setLabelPaint(old.getLabelPaint());
        axis.setTickLabelFont(old.getTickLabelFont());
        axis.setTickLabelPaint(old.getTickLabelPaint());
        axis.setAxisLinePaint(old.getAxisLinePaint());
        axis.setTickMarkPaint(old.getTickMarkPaint());
        plot.setRangeAxis(axis);
    }

    /** Shows or hides the series named {@code key}; returns whether it is now visible. */
    static boolean toggle(JFreeChart chart, Comparable<?> key) {
        XYPlot plot = chart.getXYPlot();
        int s = plot.getDataset().indexOf(key);
        if (s < 0) {
            return false;
        }
        Boolean visible = plot.getRenderer().getSeriesVisible(s);
        boolean now = visible != null && !visible;
        plot.getRenderer().setSeriesVisible(s, now);
        return now;
    }

    /** "α = 0.50   name value   …": each visible curve's value at its sample nearest to {@code alpha}, and that α. */
    static String at(JFreeChart chart, double alpha) {
        XYPlot plot = chart.getXYPlot();
        XYDataset data = plot.getDataset();
        StringBuilder b = new StringBuilder();
        double at = alpha;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            Boolean visible = plot.getRenderer().getSeriesVisible(s);
            if ((visible != null && !visible) || data.getItemCount(s) == 0) {
                continue;
            }
            int best = 0;
            for (int i = 1; i < data.getItemCount(s); i++) {
                if (Math.abs(data.getXValue(s, i) - alpha) < Math.abs(data.getXValue(s, best) - alpha)) {
                    best = i;
                }
            }
            at = data.getXValue(s, best); // the values are read at a sample of the curves: name that α
            b.append("   ").append(Labels.typeset(String.valueOf(data.getSeriesKey(s)))).append(' ')
                    .append(String.format(Locale.ROOT, "%.4g", data.getYValue(s, best)));
        }
        return String.format(Locale.ROOT, "α = %.2f", at) + b;
    }
}
