package org.latentexplorer.divergence;

/** Grids of skew parameters α in [0, 1]. */
public final class AlphaGrid {
    private AlphaGrid() {
    }

    /** {@code count} evenly spaced α from 0 to 1: exactly {@code i / (double) (count − 1)}; 101 gives i/100. */
    public static double[] uniform(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("an alpha grid needs at least 2 points, got " + count);
        }
        double[] a = new double[count];
        for (int i = 0; i < count; i++) {
            a[i] = i / (double) (count - 1);
        }
        return a;
    }

    /**
     * Checks that α values lie in [0, 1] and strictly increase, and that every series has as many finite
     * values. Used by the curve records.
     */
    public static void check(double[] alpha, String what, double[]... series) {
        if (alpha == null || alpha.length == 0) {
            throw new IllegalArgumentException(what + ": at least one alpha value is needed");
        }
        for (int i = 0; i < alpha.length; i++) {
            if (!(alpha[i] >= 0 && alpha[i] <= 1)) {
                throw new IllegalArgumentException(what + ": alpha must lie in [0, 1], got " + alpha[i]);
            }
            if (i > 0 && !(alpha[i] > alpha[i - 1])) {
                throw new IllegalArgumentException(what + ": alpha values must strictly increase, got " + alpha[i - 1]
                        + " then " + alpha[i]);
            }
        }
        for (double[] s : series) {
            if (s == null || s.length != alpha.length) {
                throw new IllegalArgumentException(what + ": every series needs one value per alpha (" + alpha.length + ")");
            }
            for (double v : s) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(what + ": values must be finite, got " + v);
                }
            }
        }
    }

    public static void checkFinite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite, got " + v);
        }
    }
}
