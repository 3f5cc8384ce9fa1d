package org.latentexplorer.render.traversal;

import java.util.Objects;
import org.latentexplorer.latent.LatentDecoder;

/**
 * Renders a latent traversal grid: all rows·columns latent vectors are built into one array, decoded
 * in chunks of {@value #CHUNK} (so that any number of steps and any latent size decode in bounded
 * memory) and laid out by {@link MakeGrid} with {@code nrow = columns}, chunk by chunk. For the {@link TraversalSpec#paper() paper} preset this is pixel-identical to
 * the last frame of geometric-js's {@code training.gif} for the same decoder.
 */
public final class TraversalGrid {
    /**
     * Latent vectors decoded per call: bounds the decoder's native working memory (about 1 MB per
     * 64×64 image, most of it the transposed convolutions' column buffers).
     */
    public static final int CHUNK = 128;

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
        long pixels = (long) MakeGrid.width(plan.count(), plan.columns(), w, spec.padding())
                * MakeGrid.height(plan.count(), plan.columns(), h, spec.padding());
        if (pixels * 3 > Integer.MAX_VALUE - 16) {
            throw new org.latentexplorer.common.UserInputException("a grid of " + plan.rows() + " rows × " + plan.columns()
                    + " columns of " + h + "×" + w + " images would have " + pixels + " pixels, too many for one image;"
                    + " ask for fewer --steps or --dims");
        }
        byte[] rgb = decodeIntoGrid(decoder, plan.latents(), plan.count(), plan.columns(), spec.padding(), spec.padValue());
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

    /**
     * Decodes n latent vectors in chunks of {@value #CHUNK} and lays each chunk into a grid of
     * {@code nrow} images per row: the decoded images are never all held at once.
     */
    static byte[] decodeIntoGrid(LatentDecoder decoder, float[] latents, int n, int nrow, int padding, float padValue) {
        int d = decoder.latentSize();
        int h = decoder.imageHeight();
        int w = decoder.imageWidth();
        int c = decoder.channels();
        byte[] rgb = MakeGrid.blank(n, h, w, nrow, padding, padValue);
        for (int first = 0; first < n; first += CHUNK) {
            int count = Math.min(CHUNK, n - first);
            float[] chunk = java.util.Arrays.copyOfRange(latents, first * d, (first + count) * d);
            MakeGrid.place(rgb, decodeOnce(decoder, chunk, count, h, w), first, count, n, c, h, w, nrow, padding);
        }
        return rgb;
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
