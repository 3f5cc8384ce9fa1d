package org.latentexplorer.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.latentexplorer.divergence.AlphaGrid;
import org.latentexplorer.divergence.Gaussian1d;
import org.latentexplorer.divergence.TwoGaussians;
import org.latentexplorer.evaluation.DivergenceCurves;
import org.latentexplorer.render.export.CurveTable;

public class AlphaCurvesTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** The paper's trained skews 0.1, 0.2, …, 0.9. */
    private static final double[] PAPER_SKEWS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    /** Curves from the closed forms of the teaching example (any real numbers would do for drawing). */
    public static DivergenceCurves sampleCurves() {
        double[] a = AlphaGrid.uniform(101);
        Gaussian1d prior = new Gaussian1d(0, 1);
        Gaussian1d post = new Gaussian1d(0.5, 0.64);
        double[] prime = new double[a.length];
        double[] dual = new double[a.length];
        double[] nielsen = new double[a.length];
        double[] dualNielsen = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            prime[i] = TwoGaussians.skewGeometricJs(prior, post, a[i]);
            dual[i] = prime[i] * 0.9;
            nielsen[i] = a[i] * (1 - a[i]);
            dualNielsen[i] = nielsen[i] * 0.8;
        }
        return new DivergenceCurves(a, prime, dual, nielsen, dualNielsen, post.klTo(prior), prior.klTo(post), OptionalDouble.of(0.3));
    }

    @Test
    void alphaGridIsExactlyIOver100() {
        double[] a = AlphaGrid.uniform(101);
        assertEquals(101, a.length);
        for (int i = 0; i <= 100; i++) {
            assertEquals(i / 100.0, a[i], 0.0);
        }
        assertEquals(0.1, a[10], 0.0);
        assertEquals(0.3, a[30], 0.0);
    }

    @Test
    void divergenceChartHasFourSeriesTwoKlLinesAndTheTrainedAlpha() {
        DivergenceCurves c = sampleCurves();
        JFreeChart chart = AlphaCurves.divergenceChart("MNIST posterior", c);
        XYPlot plot = chart.getXYPlot();
        XYSeriesCollection data = (XYSeriesCollection) plot.getDataset();
        assertEquals(4, data.getSeriesCount());
        assertEquals(List.of(DivergenceCurves.JS_PRIME, DivergenceCurves.DUAL_PRIME, DivergenceCurves.JS_NIELSEN,
                DivergenceCurves.DUAL_NIELSEN), keys(data));
        assertEquals(101, data.getSeries(0).getItemCount());
        assertEquals(c.jsPrime()[37], data.getYValue(0, 37), 0.0);
        assertEquals(0.37, data.getXValue(0, 37), 0.0);
        List<Double> horizontal = values(plot.getRangeMarkers(Layer.FOREGROUND));
        assertEquals(List.of(c.klQp(), c.klPq()), horizontal);
        assertEquals(List.of(0.3), values(plot.getDomainMarkers(Layer.FOREGROUND)));
        LegendItemCollection legend = plot.getLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < legend.getItemCount(); i++) {
            labels.add(legend.get(i).getLabel());
        }
        assertTrue(labels.containsAll(List.of(DivergenceCurves.JS_PRIME, DivergenceCurves.KL_QP, DivergenceCurves.KL_PQ, "trained α")), labels.toString());
        assertEquals(0.0, plot.getDomainAxis().getLowerBound(), 0.0);
        assertEquals(1.0, plot.getDomainAxis().getUpperBound(), 0.0);
        CurveTable t = AlphaCurves.table(c);
        assertEquals(List.of("alpha", "js_prime", "dual_prime", "js_nielsen", "dual_nielsen", "kl_qp", "kl_pq"), t.columns());
        assertEquals(c.klPq(), t.value(50, "kl_pq"), 0.0);
    }

    @Test
    void breakdownChartColoursAndLabel() {
        double[] a = PAPER_SKEWS.clone();
        double[] l1 = new double[9];
        double[] l2 = new double[9];
        double[] tot = new double[9];
        for (int i = 0; i < 9; i++) {
            l1[i] = 10 - i;
            l2[i] = 2 + i;
            tot[i] = (1 - a[i]) * l1[i] + a[i] * l2[i];
        }
        LossBreakdown b = new LossBreakdown("Fashion JS*", true, a, l1, l2, tot);
        JFreeChart chart = AlphaCurves.breakdownChart(b);
        XYPlot plot = chart.getXYPlot();
        assertEquals("Divergence loss", plot.getRangeAxis().getLabel());
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        assertEquals(AlphaCurves.GREEN, r.getSeriesPaint(0));
        assertEquals(Color.RED, r.getSeriesPaint(1));
        assertEquals(Color.BLUE, r.getSeriesPaint(2));
        XYSeriesCollection data = (XYSeriesCollection) plot.getDataset();
        assertEquals("kl_loss1: KL(N_α‖N(μ,Σ))", data.getSeriesKey(0));
        assertEquals(tot[4], data.getYValue(2, 4), 0.0);
        assertEquals(List.of("alpha", "kl_loss1", "kl_loss2", "total"), b.toTable().columns());
    }

    @Test
    void reconstructionChartIsBlueCirclesWithCyanAndGreenBaselines() {
        double[] a = PAPER_SKEWS.clone();
        double[] mnist = {7.52, 8.30, 8.84, 9.39, 9.87, 10.28, 10.51, 11.00, 11.87};
        ReconstructionCurve test = new ReconstructionCurve("test", a, mnist, 8.46, 11.61);
        double[] train = mnist.clone();
        for (int i = 0; i < train.length; i++) {
            train[i] -= 0.3;
        }
        ReconstructionCurve tr = new ReconstructionCurve("train", a, train, 8.1, 11.2);
        JFreeChart chart = AlphaCurves.reconstructionChart("MNIST", "JS", test, tr);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        assertEquals(Color.BLUE, r.getSeriesPaint(0));
        assertTrue(r.getDefaultShapesVisible() || Boolean.TRUE.equals(r.getSeriesShapesVisible(0)));
        assertTrue(r.getItemShapeVisible(0, 0));
        assertEquals(AlphaCurves.DASHED, r.getSeriesStroke(1));
        List<Marker> markers = new ArrayList<>(plot.getRangeMarkers(Layer.FOREGROUND));
        assertEquals(4, markers.size());
        assertEquals(AlphaCurves.CYAN, markers.get(0).getPaint());
        assertEquals(8.46, ((ValueMarker) markers.get(0)).getValue(), 0.0);
        assertEquals(AlphaCurves.GREEN, markers.get(1).getPaint());
        assertEquals(11.61, ((ValueMarker) markers.get(1)).getValue(), 0.0);
        assertEquals(AlphaCurves.DASHED, markers.get(2).getStroke());
        JFreeChart testOnly = AlphaCurves.reconstructionChart("dSprites", "JS", test, null);
        assertEquals(1, testOnly.getXYPlot().getDataset().getSeriesCount());
    }

    @Test
    void curveRecordsValidate() {
        double[] a = {0.1, 0.2};
        assertThrows(IllegalArgumentException.class, () -> new ReconstructionCurve("test", new double[]{0.2, 0.1}, a, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new ReconstructionCurve("test", new double[]{0.1, 1.2}, a, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new ReconstructionCurve("test", a, new double[]{1}, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new LossBreakdown("", false, a, a, a, new double[]{1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new DivergenceCurves(a, a, a, a, a, 1, 2, OptionalDouble.of(1.5)));
    }

    private static List<Comparable<?>> keys(XYSeriesCollection data) {
        List<Comparable<?>> k = new ArrayList<>();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            k.add(data.getSeriesKey(i));
        }
        return k;
    }

    private static List<Double> values(Collection<?> markers) {
        List<Double> v = new ArrayList<>();
        for (Object m : markers) {
            v.add(((ValueMarker) m).getValue());
        }
        return v;
    }
}
