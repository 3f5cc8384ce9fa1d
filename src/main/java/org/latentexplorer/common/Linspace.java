package org.latentexplorer.common;

/**
 * Evenly spaced values, reproducing the arithmetic of the reference libraries so grids and curves
 * match the paper's figures value for value.
 */
public final class Linspace {
    private Linspace() {
    }

    /**
     * {@code torch.linspace(start, end, steps)} in float32, as in PyTorch 1.x of 2020: the endpoints are
     * rounded to float, {@code step = (end − start) / (steps − 1)} is computed in float, and value i is
     * {@code start + step·i} in float. The paper's traversal values come from this (§6).
     * (PyTorch ≥ 1.8 fills the second half backwards from {@code end}; the two differ by at most an ulp.)
     *
     * @throws IllegalArgumentException if steps &lt; 1 or an endpoint is not finite
     */
    public static float[] float32(double start, double end, int steps) {
        check(start, end, steps);
        float s = (float) start;
        float e = (float) end;
        float[] out = new float[steps];
        if (steps == 1) {
            out[0] = s;
            return out;
        }
        float step = (e - s) / (float) (steps - 1);
        for (int i = 0; i < steps; i++) {
            out[i] = s + step * (float) i;
        }
        return out;
    }

    /**
     * {@code numpy.linspace(start, end, steps)} in double: {@code start + i·step} with
     * {@code step = (end − start)/(steps − 1)}, and the last value set to {@code end} exactly.
     */
    public static double[] float64(double start, double end, int steps) {
        check(start, end, steps);
        double[] out = new double[steps];
        if (steps == 1) {
            out[0] = start;
            return out;
        }
        double step = (end - start) / (steps - 1);
        for (int i = 0; i < steps; i++) {
            out[i] = start + i * step;
        }
        out[steps - 1] = end;
        return out;
    }

    private static void check(double start, double end, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        if (!Double.isFinite(start) || !Double.isFinite(end)) {
            throw new IllegalArgumentException("linspace endpoints must be finite, got " + start + " and " + end);
        }
    }
}
