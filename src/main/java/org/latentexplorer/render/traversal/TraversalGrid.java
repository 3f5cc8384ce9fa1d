package org.latentexplorer.render.traversal;

import java.util.Objects;
import org.latentexplorer.latent.LatentDecoder;

/**
 * Renders a latent traversal grid: all rows·columns latent vectors are built into one array and decoded
 * with a single {@link LatentDecoder#decode} call, then laid out by {@link MakeGrid} with
 * {@code nrow = columns}. For the {@link TraversalSpec#paper() paper} preset this is pixel-identical to
 * the last frame of geometric-js's {@code training.gif} for the same decoder.
 */
public final class TraversalGrid {
    private TraversalGrid() {
    }

    /** Renders with no inputs beyond the spec (prior anchors and ranges, index order). */
    public static GridImage render(TraversalSpec spec, LatentDecoder decoder) {
        return render(spec, decoder, TraversalInputs.none());
    }

    /**
     * Renders a grid.
     *
     * @throws org.latentexplorer.common.UserInputException if the spec needs an input that is missing
     * @throws IllegalStateException                       if the decoder returns the wrong number of pixels
     */
    public static GridImage render(TraversalSpec spec, LatentDecoder decoder, TraversalInputs inputs) {
        Objects.requireNonNull(decoder, "decoder");
        TraversalPlan plan = TraversalPlan.of(spec, decoder.latentSize(), inputs);
        int h = decoder.imageHeight();
        int w = decoder.imageWidth();
        float[] images = decodeOnce(decoder, plan.latents(), plan.count(), h, w);
        byte[] rgb = MakeGrid.layout(images, plan.count(), decoder.channels(), h, w, plan.columns(), spec.padding(), spec.padValue());
        float[][] values = new float[plan.rows()][];
        boolean[] inactive = new boolean[plan.rows()];
        for (int r = 0; r < plan.rows(); r++) {
            values[r] = plan.columnValues(r);
            inactive[r] = plan.inactive(r);
        }
        return new GridImage(MakeGrid.width(plan.count(), plan.columns(), w, spec.padding()),
                MakeGrid.height(plan.count(), plan.columns(), h, spec.padding()), rgb, plan.rows(), plan.columns(), h, w,
                spec.padding(), spec.padValue(), values, plan.dimensions(), plan.labels(), inactive, spec.labels());
    }

    static float[] decodeOnce(LatentDecoder decoder, float[] latents, int n, int h, int w) {
        float[] images = decoder.decode(latents, n);
        int c = decoder.channels();
        if (images == null || images.length != (long) n * c * h * w) {
            throw new IllegalStateException("decoder returned " + (images == null ? "null" : images.length + " values")
                    + " for " + n + " latent vectors; expected " + n + "×" + c + "×" + h + "×" + w);
        }
        return images;
    }
}
