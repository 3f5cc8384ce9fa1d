package org.latentexplorer.render.chart;

import java.awt.Color;

/**
 * Matplotlib's {@code jet} colormap, value for value: the piecewise-linear segment data of
 * {@code matplotlib._cm._jet_data}, sampled into a 256-entry lookup table, indexed by
 * {@code min(floor(x·256), 255)} for x in [0, 1] (values outside are clipped).
 */
public final class Jet {
    private static final double[][] RED = {{0, 0}, {0.35, 0}, {0.66, 1}, {0.89, 1}, {1, 0.5}};
    private static final double[][] GREEN = {{0, 0}, {0.125, 0}, {0.375, 1}, {0.64, 1}, {0.91, 0}, {1, 0}};
    private static final double[][] BLUE = {{0, 0.5}, {0.11, 1}, {0.34, 1}, {0.65, 0}, {1, 0}};
    private static final int N = 256;

    private Jet() {
    }

    /** {r, g, b} in [0, 1] as {@code matplotlib.cm.jet(x)} returns them. */
    public static double[] rgb(double x) {
        int index;
        if (Double.isNaN(x) || x <= 0) {
            index = 0;
        } else {
            index = (int) Math.min(N - 1, Math.floor(x * N));
        }
        double t = index / (double) (N - 1);
        return new double[]{segment(RED, t), segment(GREEN, t), segment(BLUE, t)};
    }

    /** The colour as an AWT colour (each channel rounded to the nearest of 0…255). */
    public static Color color(double x) {
        double[] c = rgb(x);
        return new Color((int) Math.round(c[0] * 255), (int) Math.round(c[1] * 255), (int) Math.round(c[2] * 255));
    }

    private static double segment(double[][] points, double t) {
        for (int i = 1; i < points.length; i++) {
            if (t <= points[i][0]) {
                double[] a = points[i - 1];
                double[] b = points[i];
                return a[1] + (t - a[0]) / (b[0] - a[0]) * (b[1] - a[1]);
            }
        }
        return points[points.length - 1][1];
    }
}
