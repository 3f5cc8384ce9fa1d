package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** The α explorer's readability aids on a chart of curves of very different sizes. */
class CurveReadoutTest {
    private static XYSeries series(String name, double scale) {
        XYSeries s = new XYSeries(name);
        for (int i = 0; i <= 10; i++) {
            s.add(i / 10.0, scale * (i / 10.0));
        }
        return s;
    }

    @Test
    void curvesSpanningDecadesGetALogAxisAHidableLegendAndAReadout() {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("KL(p‖q)", 630));
        data.addSeries(series("JS⁎ᴳᵅ′", 1));
        assertTrue(CurveReadout.spansDecades(data, 2), "0.1 … 630 spans almost four decades");
        XYSeriesCollection close = new XYSeriesCollection();
        close.addSeries(series("a", 2));
        close.addSeries(series("b", 3));
        assertFalse(CurveReadout.spansDecades(close, 2), "0.2 … 3 does not");

        JFreeChart chart = Charts.lines("t", "α", "nats", data);
        CurveReadout.logScale(chart, true);
        assertInstanceOf(LogAxis.class, chart.getXYPlot().getRangeAxis());
        assertEquals("nats", chart.getXYPlot().getRangeAxis().getLabel());
        CurveReadout.logScale(chart, false);
        assertInstanceOf(NumberAxis.class, chart.getXYPlot().getRangeAxis());

        assertEquals("α = 0.50   KL(p‖q) 315.0   JS⁎ᴳᵅ′ 0.5000", CurveReadout.at(chart, 0.52));
        assertFalse(CurveReadout.toggle(chart, "KL(p‖q)"), "hidden by a legend click");
        assertEquals("α = 0.50   JS⁎ᴳᵅ′ 0.5000", CurveReadout.at(chart, 0.5));
        assertTrue(CurveReadout.toggle(chart, "KL(p‖q)"), "shown again by a second click");
    }

    @Test
    void theLibrarysNotationIsTypesetForTheScreen() {
        assertEquals("JS⁎ᴳᵅ′ at α = 0.50", Labels.typeset("JS_*^{Gα'} at α = 0.50"));
        assertEquals("JS⁎ᴳᵅ′", Labels.typeset("JS*^{Gα'}"));
        assertEquals("JSᴳᵅ (Nielsen)", Labels.typeset("JS^{Gα} (Nielsen)"));
        assertEquals("Gα, α = 0.30", Labels.typeset("G_α, α = 0.30"));
        for (org.latentexplorer.divergence.DivergenceKind k : org.latentexplorer.divergence.DivergenceKind.values()) {
            assertFalse(Labels.typeset(k.label()).matches(".*[_^{}].*"), k + ": " + Labels.typeset(k.label()));
            assertEquals(Labels.divergence(k).replace("β-VAE, β·KL(q‖p)", "β-VAE"), Labels.typeset(k.label()), k.toString());
        }
        // the Fig. 2 panels' titles use the same typesetting
        for (org.latentexplorer.divergence.FitObjective o : org.latentexplorer.divergence.FitObjective.values()) {
            assertEquals(Labels.typeset(o.label()), o.symbol(), o.toString());
        }
    }
}
