package org.latentexplorer.render.chart;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentexplorer.divergence.Gaussian1d;

/** The panels of the paper's Fig. 1 from a {@link GaussianTeaching.Result}. */
public final class TeachingChart {
    /** Fig. 1's panels. */
    public enum Panel {
        /** p and q. */
        DENSITIES,
        /** The arithmetic mixture ½(p+q) against the geometric mean G_½. */
        MIXTURE_VS_GEOMETRIC,
        /** G_α for every α, coloured by jet(α), with p and q for reference. */
        GEOMETRIC_MEANS,
        /** Point-wise integrands of JS (solid black) and G-JS (dotted black). */
        INTEGRANDS
    }

    private TeachingChart() {
    }

    /** One panel as a line chart over x. */
    public static JFreeChart chart(GaussianTeaching.Result r, Panel panel) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = AlphaCurves.lineRenderer(false);
        String yLabel = "density";
        String title;
        switch (panel) {
            case DENSITIES -> {
                title = "Densities";
                add(data, renderer, "p", r.x(), r.pDensity(), Color.BLUE, false);
                add(data, renderer, "q", r.x(), r.qDensity(), Color.RED, false);
            }
            case MIXTURE_VS_GEOMETRIC -> {
                title = "Arithmetic vs geometric mean";
                add(data, renderer, "p", r.x(), r.pDensity(), Color.BLUE, false);
                add(data, renderer, "q", r.x(), r.qDensity(), Color.RED, false);
                add(data, renderer, "(p+q)/2", r.x(), r.mixture(), Color.BLACK, false);
                Gaussian1d half = r.p().geometricMean(r.q(), 0.5);
                double[] g = new double[r.x().length];
                for (int i = 0; i < g.length; i++) {
                    g[i] = half.density(r.x()[i]);
                }
                add(data, renderer, "p^½ q^½ (normalised)", r.x(), g, Color.BLACK, true);
            }
            case GEOMETRIC_MEANS -> {
                title = "Geometric means G_α ∝ p^(1−α) q^α";
                for (int a = 0; a < r.alphas().length; a++) {
                    add(data, renderer, GaussianTeaching.Result.geometricName(r.alphas()[a]), r.x(), r.geometric()[a],
                            Jet.color(r.alphas()[a]), false);
                }
            }
            case INTEGRANDS -> {
                title = "Point-wise integrands";
                yLabel = "integrand";
                add(data, renderer, "JS integrand", r.x(), r.jsIntegrand(), Color.BLACK, false);
                add(data, renderer, "G-JS integrand (α = " + r.integrandAlpha() + ")", r.x(), r.gjsIntegrand(), Color.BLACK, true);
            }
            default -> throw new IllegalStateException(panel.toString());
        }
        JFreeChart chart = AlphaCurves.lineChart(title, "x", yLabel, data);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(renderer);
        double[] x = r.x();
        plot.getDomainAxis().setRange(x[0], x[x.length - 1]);
        return chart;
    }

    private static void add(XYSeriesCollection data, XYLineAndShapeRenderer renderer, String name, double[] x, double[] y,
                            Color colour, boolean dotted) {
        int s = data.getSeriesCount();
        data.addSeries(AlphaCurves.series(name, x, y));
        renderer.setSeriesPaint(s, colour);
        renderer.setSeriesStroke(s, dotted ? AlphaCurves.DOTTED : AlphaCurves.SOLID);
    }
}
