package org.latentexplorer.render.traversal;

import java.util.List;
import java.util.Objects;
import org.latentexplorer.latent.LatentDecoder;

/**
 * Interpolation between two latent anchors, rendered as a one-row strip with the traversal grid's layout
 * and a single decode call. The first and last vectors are exactly the anchors.
 */
public final class Interpolation {
    /** Below this sin Ω, slerp falls back to linear interpolation. */
    public static final double SLERP_MIN_SIN = 1e-6;

    private Interpolation() {
    }

    /** t_i = i/(steps−1), i = 0 … steps−1. */
    public static double[] fractions(int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException("need at least 2 steps, got " + steps);
        }
        double[] t = new double[steps];
        for (int i = 0; i < steps; i++) {
            t[i] = (double) i / (steps - 1);
        }
        return t;
    }

    /** The steps×D latent vectors, row-major, computed in double and rounded to float. */
    public static float[] latents(float[] from, float[] to, int steps, InterpolationMethod method) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(method, "method");
        int d = from.length;
        if (d == 0 || to.length != d) {
            throw new IllegalArgumentException("anchors must have the same positive length, got " + from.length + " and " + to.length);
        }
        double[] t = fractions(steps);
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int k = 0; k < d; k++) {
            dot += (double) from[k] * to[k];
            na += (double) from[k] * from[k];
            nb += (double) to[k] * to[k];
        }
        double omega = 0;
        double sinOmega = 0;
        boolean spherical = false;
        if (method == InterpolationMethod.SPHERICAL && na > 0 && nb > 0) {
            double cos = Math.max(-1.0, Math.min(1.0, dot / Math.sqrt(na * nb)));
            omega = Math.acos(cos);
            sinOmega = Math.sin(omega);
            spherical = sinOmega >= SLERP_MIN_SIN;
        }
        float[] out = new float[steps * d];
        for (int i = 0; i < steps; i++) {
            double wa;
            double wb;
            if (spherical) {
                wa = Math.sin((1 - t[i]) * omega) / sinOmega;
                wb = Math.sin(t[i] * omega) / sinOmega;
            } else {
                wa = 1 - t[i];
                wb = t[i];
            }
            for (int k = 0; k < d; k++) {
                out[i * d + k] = (float) (wa * from[k] + wb * to[k]);
            }
        }
        System.arraycopy(from, 0, out, 0, d);
        System.arraycopy(to, 0, out, (steps - 1) * d, d);
        return out;
    }

    /** Decodes the strip from {@code from} to {@code to} with one decode call and lays it out in one row. */
    public static GridImage render(LatentDecoder decoder, float[] from, float[] to, InterpolationSpec spec) {
        Objects.requireNonNull(decoder, "decoder");
        Objects.requireNonNull(spec, "spec");
        if (from.length != decoder.latentSize() || to.length != decoder.latentSize()) {
            throw new IllegalArgumentException("anchors of length " + from.length + " and " + to.length
                    + " do not match the decoder's latent size " + decoder.latentSize());
        }
        int n = spec.steps();
        int h = decoder.imageHeight();
        int w = decoder.imageWidth();
        byte[] rgb = TraversalGrid.decodeIntoGrid(decoder, latents(from, to, n, spec.method()), n, n, spec.padding(), spec.padValue());
        double[] t = fractions(n);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) t[i];
        }
        return new GridImage(MakeGrid.width(n, n, w, spec.padding()), MakeGrid.height(n, n, h, spec.padding()), rgb, 1, n,
                h, w, spec.padding(), spec.padValue(), new float[][]{values}, new int[]{-1},
                List.of(spec.method().name().toLowerCase(java.util.Locale.ROOT)), new boolean[1], LabelPosition.NONE);
    }
}
