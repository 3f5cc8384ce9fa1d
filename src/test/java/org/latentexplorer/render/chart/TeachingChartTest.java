package org.latentexplorer.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

class TeachingChartTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void geometricMeansAreColouredByJet() {
        GaussianTeaching.Result r = GaussianTeachingTest.figureOne();
        JFreeChart chart = TeachingChart.chart(r, TeachingChart.Panel.GEOMETRIC_MEANS);
        XYPlot plot = chart.getXYPlot();
        XYDataset data = plot.getDataset();
        assertEquals(11, data.getSeriesCount());
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        for (int a = 0; a <= 10; a++) {
            assertEquals(Jet.color(a / 10.0), renderer.getSeriesPaint(a));
            assertEquals("G_" + (a == 10 ? "1.0" : "0." + a), data.getSeriesKey(a));
        }
        assertEquals(500, data.getItemCount(3));
        assertEquals(r.geometric()[3][250], data.getYValue(3, 250), 0.0);
        assertEquals(-5.0, plot.getDomainAxis().getLowerBound(), 0.0);
    }

    @Test
    void otherPanels() {
        GaussianTeaching.Result r = GaussianTeachingTest.figureOne();
        XYPlot densities = TeachingChart.chart(r, TeachingChart.Panel.DENSITIES).getXYPlot();
        assertEquals(2, densities.getDataset().getSeriesCount());
        assertEquals(r.pDensity()[100], densities.getDataset().getYValue(0, 100), 0.0);
        XYPlot mix = TeachingChart.chart(r, TeachingChart.Panel.MIXTURE_VS_GEOMETRIC).getXYPlot();
        assertEquals(4, mix.getDataset().getSeriesCount());
        assertEquals(r.geometric()[5][77], mix.getDataset().getYValue(3, 77), 1e-15);
        XYPlot integrands = TeachingChart.chart(r, TeachingChart.Panel.INTEGRANDS).getXYPlot();
        XYLineAndShapeRenderer ren = (XYLineAndShapeRenderer) integrands.getRenderer();
        assertEquals(Color.BLACK, ren.getSeriesPaint(0));
        assertEquals(Color.BLACK, ren.getSeriesPaint(1));
        assertEquals(AlphaCurves.SOLID, ren.getSeriesStroke(0));
        assertEquals(AlphaCurves.DOTTED, ren.getSeriesStroke(1));
        assertEquals(r.gjsIntegrand()[321], integrands.getDataset().getYValue(1, 321), 0.0);
    }
}
