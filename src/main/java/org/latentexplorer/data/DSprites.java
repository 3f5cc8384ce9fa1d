package org.latentexplorer.data;

import java.util.List;
import java.util.Optional;

/**
 * Procedural dSprites (docs/method.md §7): all 737,280 binary 64×64 images, rasterised on demand from their
 * index in the official storage order (posY fastest; see {@link DSpritesFactors}), so nothing
 * but a few constants is held in memory. Invariants: every pixel is exactly 0 or 1; the same index
 * always gives the same image; orientation classes 0 and 39 (θ = 0 and 2π) give identical images.
 * The geometry was fitted to the official frames, so a few boundary pixels may differ from the
 * official {@code .npz}. Stateless and thread-safe.
 */
public final class DSprites implements Dataset, FactorLabels {
    /** Image side length. */
    public static final int SIZE = SpriteRasteriser.SIZE;
    public static final int SHAPES = DSpritesFactors.SHAPES;
    public static final int SCALES = DSpritesFactors.SCALES;
    public static final int ORIENTATIONS = DSpritesFactors.ORIENTATIONS;
    public static final int POSITIONS = DSpritesFactors.POSITIONS;
    /** Number of images, 737,280. */
    public static final int COUNT = DSpritesFactors.COUNT;

    private static final double[] COS = new double[ORIENTATIONS];
    private static final double[] SIN = new double[ORIENTATIONS];

    static {
        for (int o = 0; o < ORIENTATIONS; o++) {
            // θ = 2π is drawn with the exact cos/sin of θ = 0, so classes 0 and 39 are pixel-identical
            double theta = o == ORIENTATIONS - 1 ? 0 : DSpritesFactors.orientationValue(o);
            COS[o] = Math.cos(theta);
            SIN[o] = Math.sin(theta);
        }
    }

    @Override
    public String description() {
        return "dsprites (procedural, " + COUNT + " images)";
    }

    @Override
    public int size() {
        return COUNT;
    }

    @Override
    public int height() {
        return SIZE;
    }

    @Override
    public int width() {
        return SIZE;
    }

    @Override
    public Optional<FactorLabels> factors() {
        return Optional.of(DSpritesFactors.INSTANCE);
    }

    @Override
    public List<String> names() {
        return DSpritesFactors.NAMES;
    }

    /** [color, shape, scale, orientation, posX, posY] class indices (color always 0). */
    @Override
    public int[] classes(int index) {
        return DSpritesFactors.INSTANCE.classes(index);
    }

    /** [1, shape 1..3, scale 0.5..1, θ ∈ [0, 2π], posX ∈ [0,1], posY ∈ [0,1]]. */
    @Override
    public double[] values(int index) {
        return DSpritesFactors.INSTANCE.values(index);
    }

    /** The index of a factor combination (shape 0..2 for square, ellipse, heart); see {@link DSpritesFactors#index}. */
    public static int index(int shape, int scale, int orientation, int posX, int posY) {
        return DSpritesFactors.index(shape, scale, orientation, posX, posY);
    }

    @Override
    public void read(int index, float[] dst, int offset) {
        int[] c = DSpritesFactors.INSTANCE.classes(index);
        int o = c[DSpritesFactors.ORIENTATION];
        SpriteRasteriser.draw(c[DSpritesFactors.SHAPE], DSpritesFactors.scaleValue(c[DSpritesFactors.SCALE]), COS[o], SIN[o],
                DSpritesFactors.positionValue(c[DSpritesFactors.POS_X]), DSpritesFactors.positionValue(c[DSpritesFactors.POS_Y]),
                dst, offset);
    }
}
