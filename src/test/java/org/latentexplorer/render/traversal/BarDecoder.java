package org.latentexplorer.render.traversal;

import java.util.ArrayList;
import java.util.List;
import org.latentexplorer.latent.LatentDecoder;

/**
 * An analytic decoder: in image row y, one bright pixel (1.0) at column {@link #barX(float) barX(z[y mod D])},
 * background 0 elsewhere, so a bar's position is a linear function of each latent value. Counts calls.
 */
public class BarDecoder implements LatentDecoder {
    final int d;
    final int h;
    final int w;
    final List<Integer> calls = new ArrayList<>();
    final List<float[]> latentsSeen = new ArrayList<>();

    public BarDecoder(int d, int h, int w) {
        this.d = d;
        this.h = h;
        this.w = w;
    }

    @Override
    public int latentSize() {
        return d;
    }

    @Override
    public int imageHeight() {
        return h;
    }

    @Override
    public int imageWidth() {
        return w;
    }

    /** Column of the bar for latent value v: round(W/2 − 0.5 + v·W/5), clamped into the image. */
    int barX(float v) {
        long x = Math.round(w / 2.0 - 0.5 + v * (w / 5.0));
        return (int) Math.max(0, Math.min(w - 1, x));
    }

    @Override
    public float[] decode(float[] latents, int n) {
        calls.add(n);
        latentsSeen.add(latents.clone());
        if (latents.length != n * d) {
            throw new AssertionError("latents length " + latents.length + " != n·D = " + n * d);
        }
        float[] out = new float[n * h * w];
        for (int k = 0; k < n; k++) {
            for (int y = 0; y < h; y++) {
                out[k * h * w + y * w + barX(latents[k * d + (y % d)])] = 1f;
            }
        }
        return out;
    }
}
