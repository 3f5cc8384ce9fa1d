package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/**
 * Chart texts and the trained-α marker in both themes, judged by WCAG contrast (relative luminance computed here):
 * labels at least 4.5:1 against the plot, the marker line at least 3:1; the reference lines keep their colours.
 */
class ChartsThemeTest {
    private static double channel(int v) {
        double c = v / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double luminance(Paint p) {
        Color c = (Color) p;
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double contrast(Paint a, Paint b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @Test
    void markerLabelsAndTheTrainedAlphaLineAreReadableInBothThemes() {
        XYPlot plot = new XYPlot(new XYSeriesCollection(), new NumberAxis("α"), new NumberAxis("nats"),
                new XYLineAndShapeRenderer());
        ValueMarker trained = new ValueMarker(0.5, Color.DARK_GRAY, new java.awt.BasicStroke(1));
        trained.setLabel("trained α = 0.5");
        plot.addDomainMarker(trained);
        Color green = new Color(0, 128, 0);
        ValueMarker klPq = new ValueMarker(600, green, new java.awt.BasicStroke(1));
        klPq.setLabel("KL(p‖q)");
        plot.addRangeMarker(klPq);
        XYTextAnnotation note = new XYTextAnnotation("note", 0.2, 10);
        plot.addAnnotation(note);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem("trained α", null, null, null, new java.awt.geom.Line2D.Double(-7, 0, 7, 0),
                new java.awt.BasicStroke(1), Color.DARK_GRAY));
        legend.add(new LegendItem("KL(p‖q)", null, null, null, new java.awt.geom.Line2D.Double(-7, 0, 7, 0),
                new java.awt.BasicStroke(1), green));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(plot);
        for (boolean dark : new boolean[] {true, false, true}) {
            Charts.style(chart, dark);
            Paint bg = plot.getBackgroundPaint();
            String theme = dark ? "dark" : "light";
            assertTrue(contrast(trained.getLabelPaint(), bg) >= 4.5, theme + " trained-α label");
            assertTrue(contrast(klPq.getLabelPaint(), bg) >= 4.5, theme + " reference line label");
            assertTrue(contrast(note.getPaint(), bg) >= 4.5, theme + " annotation");
            assertTrue(contrast(trained.getPaint(), bg) >= 3, theme + " trained-α line " + trained.getPaint());
            assertTrue(contrast(plot.getFixedLegendItems().get(0).getLinePaint(), bg) >= 3, theme + " its legend entry");
            assertEquals(green, klPq.getPaint(), "a reference line keeps its legend colour");
            assertEquals(green, plot.getFixedLegendItems().get(1).getLinePaint());
            // a label's backing is the plot's own colour, so a curve under it does not strike it through
            assertEquals(((Color) bg).getRGB() & 0xffffff, trained.getLabelBackgroundColor().getRGB() & 0xffffff);
        }
    }
}
