package org.latentexplorer.app;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A logarithmic y axis for loss curves with ticks a reader can use: over a decade or more, 1, 2 and 5 times powers of
 * ten (or the powers alone when those are too many); within less than a decade, evenly spaced round numbers (1,050,
 * 1,100 …), placed logarithmically. JFreeChart's own ticks there are at fractional powers (1,148.1536).
 */
final class LossLogAxis extends LogAxis {
    LossLogAxis(String label) {
        super(label);
    }

    /** Ticks in [lo, hi] (lo > 0), at most about {@code max} of them, ascending. */
    static double[] ticks(double lo, double hi, int max) {
        if (!(lo > 0) || !(hi > lo) || max < 2) {
            return new double[0];
        }
        if (Math.log10(hi / lo) >= 1) {
            List<Double> all = new ArrayList<>();
            List<Double> powers = new ArrayList<>();
            for (int k = (int) Math.floor(Math.log10(lo)); k <= (int) Math.ceil(Math.log10(hi)); k++) {
                for (double m : new double[] {1, 2, 5}) {
                    double v = m * Math.pow(10, k);
                    if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) {
                        all.add(v);
                        if (m == 1) {
                            powers.add(v);
                        }
                    }
                }
            }
            // 1, 2, 5 times the powers of ten if they fit; else the powers (every n-th if need be); else every
            // n-th of 1, 2, 5 (a range of one or two decades with room for few ticks)
            return every(all.size() <= max || powers.size() < 2 ? all : powers, max);
        }
        // within a decade: the smallest round step (1, 2, 2.5, 5 times a power of ten) leaving at most max ticks,
        // or a finer one when that leaves fewer than two
        double raw = (hi - lo) / (max - 1);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double[] steps = {power / 2, power, 2 * power, 2.5 * power, 5 * power, 10 * power};
        int pick = steps.length - 1;
        for (int i = 1; i < steps.length; i++) {
            if (steps[i] >= raw) {
                pick = i;
                break;
            }
        }
        double[] out = linear(lo, hi, steps[pick]);
        for (int i = pick - 1; i >= 0 && out.length < 2; i--) {
            out = linear(lo, hi, steps[i]);
        }
        return out;
    }

    private static double[] linear(double lo, double hi, double step) {
        List<Double> out = new ArrayList<>();
        for (long i = (long) Math.ceil(lo / step - 1e-9); i * step <= hi * (1 + 1e-12); i++) {
            out.add(i * step);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Every n-th of {@code values}, with n the smallest that leaves at most {@code max}. */
    private static double[] every(List<Double> values, int max) {
        int n = Math.max(1, (int) Math.ceil(values.size() / (double) max));
        List<Double> kept = new ArrayList<>();
        for (int i = 0; i < values.size(); i += n) {
            kept.add(values.get(i));
        }
        return kept.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A tick's label: plain digits with thousands separators, or powers of ten for the very small and large. */
    static String label(double v) {
        if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e7)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        String s = String.format(Locale.ROOT, "%,.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        double length = vertical ? dataArea.getHeight() : dataArea.getWidth();
        int max = Math.max(2, (int) (length / (vertical ? 28 : 70)));
        List<NumberTick> out = new ArrayList<>();
        TextAnchor anchor = vertical ? (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT)
                : (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
        for (double v : ticks(getLowerBound(), getUpperBound(), max)) {
            out.add(new NumberTick(TickType.MAJOR, v, label(v), anchor, TextAnchor.CENTER, 0.0));
        }
        return out;
    }
}
