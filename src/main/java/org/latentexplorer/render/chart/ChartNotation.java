package org.latentexplorer.render.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.latentexplorer.divergence.Notation;

/**
 * Typesets the paper's notation in a finished chart (its title and every legend entry) for a figure people read:
 * the series keep their plain-text keys, only what is drawn changes ({@link Notation#typeset}).
 */
public final class ChartNotation {
    private ChartNotation() {
    }

    /** Typesets {@code chart}'s title and, on an XY plot, the legend labels of every renderer; returns the chart. */
    public static JFreeChart typeset(JFreeChart chart) {
        TextTitle title = chart.getTitle();
        if (title != null && title.getText() != null) {
            title.setText(Notation.typeset(title.getText()));
        }
        if (chart.getPlot() instanceof XYPlot plot) {
            for (int i = 0; i < plot.getRendererCount(); i++) {
                if (plot.getRenderer(i) != null) {
                    plot.getRenderer(i).setLegendItemLabelGenerator(
                            (data, series) -> Notation.typeset(String.valueOf(data.getSeriesKey(series))));
                }
            }
        }
        return chart;
    }
}
