package org.latentexplorer.app;

import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYDataset;

/** Chart construction and the light/dark look of JFreeChart charts in the app. */
final class Charts {
    static final Color[] PALETTE = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
            new Color(148, 103, 189), new Color(255, 127, 14), new Color(23, 190, 207)};

    private Charts() {
    }

    /** A line chart with the app's palette. */
    static JFreeChart lines(String title, String x, String y, XYDataset data) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, x, y, data, PlotOrientation.VERTICAL, true, true, false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < PALETTE.length; i++) {
            r.setSeriesPaint(i, PALETTE[i]);
            r.setSeriesStroke(i, new java.awt.BasicStroke(1.8f));
        }
        chart.getXYPlot().setRenderer(r);
        return chart;
    }

    /** Two line plots sharing the x axis: large terms on top, small ones below, each on its own scale. */
    static JFreeChart stacked(String title, String x, XYDataset top, String topLabel, XYDataset bottom, String bottomLabel) {
        org.jfree.chart.axis.NumberAxis domain = new org.jfree.chart.axis.NumberAxis(x);
        org.jfree.chart.plot.CombinedDomainXYPlot plot = new org.jfree.chart.plot.CombinedDomainXYPlot(domain);
        plot.setGap(8);
        int offset = 0;
        for (Object[] part : new Object[][] {{top, topLabel, 3}, {bottom, bottomLabel, 2}}) {
            org.jfree.chart.axis.NumberAxis range = new org.jfree.chart.axis.NumberAxis((String) part[1]);
            range.setAutoRangeIncludesZero(false);
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            for (int i = 0; i < 3; i++) {
                r.setSeriesPaint(i, PALETTE[(offset + i) % PALETTE.length]);
                r.setSeriesStroke(i, new java.awt.BasicStroke(1.8f));
            }
            offset += 2;
            plot.add(new XYPlot((XYDataset) part[0], null, range, r), (Integer) part[2]);
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return chart;
    }

    /** The text colour of charts in the theme. */
    static Color foreground(boolean dark) {
        return dark ? new Color(0xdd, 0xe3, 0xea) : new Color(0x24, 0x29, 0x2f);
    }

    /** Colours a chart for the theme: white paper in light mode, the window's dark grey in dark mode. */
    static void style(JFreeChart chart, boolean dark) {
        Color bg = dark ? new Color(0x22, 0x27, 0x2e) : Color.WHITE;
        Color fg = foreground(dark);
        Color grid = dark ? new Color(0x44, 0x4c, 0x56) : new Color(0xdd, 0xdd, 0xdd);
        chart.setBackgroundPaint(bg);
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setPaint(fg);
            title.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof LegendTitle legend) {
                legend.setBackgroundPaint(bg);
                legend.setItemPaint(fg);
            }
        }
        if (chart.getPlot() instanceof org.jfree.chart.plot.CombinedDomainXYPlot combined) {
            combined.setBackgroundPaint(bg);
            axes(combined.getDomainAxis(), fg);
            for (Object o : combined.getSubplots()) {
                XYPlot plot = (XYPlot) o;
                plot.setBackgroundPaint(bg);
                plot.setDomainGridlinePaint(grid);
                plot.setRangeGridlinePaint(grid);
                axes(plot.getRangeAxis(), fg);
            }
        } else if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(bg);
            plot.setDomainGridlinePaint(grid);
            plot.setRangeGridlinePaint(grid);
            axes(plot.getDomainAxis(), fg);
            axes(plot.getRangeAxis(), fg);
            annotations(plot, fg, dark);
        } else if (chart.getPlot() instanceof org.jfree.chart.plot.CategoryPlot plot) {
            plot.setBackgroundPaint(bg);
            plot.setRangeGridlinePaint(grid);
            axes(plot.getDomainAxis(), fg);
            axes(plot.getRangeAxis(), fg);
        }
    }

    /**
     * Text annotations and marker labels in the theme's text colour on a backing of the plot's colour (a curve
     * under a label no longer strikes it through); the
     * trained-α marker light enough to see on dark, dark on light.
     */
    private static void annotations(XYPlot plot, Color fg, boolean dark) {
        Color bg = dark ? new Color(0x22, 0x27, 0x2e) : Color.WHITE;
        Color backing = new Color(bg.getRed(), bg.getGreen(), bg.getBlue(), 215);
        for (Object a : plot.getAnnotations()) {
            if (a instanceof org.jfree.chart.annotations.XYTextAnnotation t) {
                t.setPaint(fg);
                t.setBackgroundPaint(backing);
            }
        }
        for (org.jfree.chart.ui.Layer layer : new org.jfree.chart.ui.Layer[] {org.jfree.chart.ui.Layer.FOREGROUND,
                org.jfree.chart.ui.Layer.BACKGROUND}) {
            for (boolean domain : new boolean[] {true, false}) {
                java.util.Collection<?> markers = domain ? plot.getDomainMarkers(layer) : plot.getRangeMarkers(layer);
                if (markers == null) {
                    continue;
                }
                for (Object o : markers) {
                    org.jfree.chart.plot.Marker m = (org.jfree.chart.plot.Marker) o;
                    m.setLabelPaint(fg);
                    m.setLabelBackgroundColor(backing);
                    m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                    // the trained-α line is grey: lightened on dark (the reference lines keep their legend colours)
                    if (domain && m.getPaint() instanceof Color c) {
                        if (dark && brightness(c) < 0.5) {
                            m.setPaint(new Color(0xdd, 0xe3, 0xea));
                        } else if (!dark && c.equals(new Color(0xdd, 0xe3, 0xea))) {
                            m.setPaint(Color.DARK_GRAY); // back from dark: the marker's own colour
                        }
                    }
                }
            }
        }
        // the marker's legend entry (a grey line) follows it
        org.jfree.chart.LegendItemCollection fixed = plot.getFixedLegendItems();
        if (fixed != null) {
            boolean changed = false;
            for (int i = 0; i < fixed.getItemCount(); i++) {
                org.jfree.chart.LegendItem item = fixed.get(i);
                if (item.getLinePaint() instanceof Color c) {
                    if (dark && brightness(c) < 0.5 && c.getRed() == c.getGreen() && c.getGreen() == c.getBlue()) {
                        item.setLinePaint(new Color(0xdd, 0xe3, 0xea));
                        changed = true;
                    } else if (!dark && c.equals(new Color(0xdd, 0xe3, 0xea))) {
                        item.setLinePaint(Color.DARK_GRAY);
                        changed = true;
                    }
                }
            }
            if (changed) {
                plot.setFixedLegendItems(fixed); // a legend item's paint fires no change: redraw the legend
            }
        }
    }

    private static double brightness(Color c) {
        return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255.0;
    }

    private static void axes(org.jfree.chart.axis.Axis axis, Color fg) {
        if (axis != null) {
            axis.setLabelPaint(fg);
            axis.setTickLabelPaint(fg);
            axis.setAxisLinePaint(fg);
            axis.setTickMarkPaint(fg);
        }
    }
}
