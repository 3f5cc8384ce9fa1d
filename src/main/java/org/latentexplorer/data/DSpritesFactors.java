package org.latentexplorer.data;

import java.util.List;

/**
 * The dSprites factor grid (docs/method.md §7) and its storage order: color (1 value), shape (3: square,
 * ellipse, heart), scale (6: 0.5 … 1), orientation (40: linspace(0, 2π, 40), so 0 and 2π are both
 * present), posX and posY (32 each: linspace(0, 1, 32)), with
 * {@code index = ((((color·3 + shape)·6 + scale)·40 + orientation)·32 + posX)·32 + posY} (posY
 * fastest). Invariant: {@link #index} and {@link #classes} are inverse bijections between
 * [0, 737280) and the class grid; {@link #values} reproduces numpy's linspace values
 * ({@code start + i·step}, last point exactly the stop). Stateless and thread-safe.
 */
public final class DSpritesFactors implements FactorLabels {
    /** The single instance. */
    public static final DSpritesFactors INSTANCE = new DSpritesFactors();

    public static final int COLORS = 1;
    public static final int SHAPES = 3;
    public static final int SCALES = 6;
    public static final int ORIENTATIONS = 40;
    public static final int POSITIONS = 32;
    /** Number of factor combinations, 737,280. */
    public static final int COUNT = COLORS * SHAPES * SCALES * ORIENTATIONS * POSITIONS * POSITIONS;
    /** Column order of {@code latents_classes} and {@code latents_values}. */
    public static final List<String> NAMES = List.of("color", "shape", "scale", "orientation", "posX", "posY");
    /** Column indices. */
    public static final int COLOR = 0;
    public static final int SHAPE = 1;
    public static final int SCALE = 2;
    public static final int ORIENTATION = 3;
    public static final int POS_X = 4;
    public static final int POS_Y = 5;

    private static final int[] COUNTS = {COLORS, SHAPES, SCALES, ORIENTATIONS, POSITIONS, POSITIONS};

    private DSpritesFactors() {
    }

    @Override
    public List<String> names() {
        return NAMES;
    }

    /** Number of classes of each factor, in column order. */
    public static int[] classCounts() {
        return COUNTS.clone();
    }

    /**
     * The index of a factor combination (color is always 0; shape 0..2 = square, ellipse, heart).
     *
     * @throws IndexOutOfBoundsException naming the factor that is out of range
     */
    public static int index(int shape, int scale, int orientation, int posX, int posY) {
        int[] c = {0, shape, scale, orientation, posX, posY};
        for (int f = 1; f < c.length; f++) {
            if (c[f] < 0 || c[f] >= COUNTS[f]) {
                throw new IndexOutOfBoundsException("dSprites " + NAMES.get(f) + " class " + c[f] + " is outside [0, " + COUNTS[f] + ")");
            }
        }
        return (((shape * SCALES + scale) * ORIENTATIONS + orientation) * POSITIONS + posX) * POSITIONS + posY;
    }

    /** The index of a {@code latents_classes} row [color, shape, scale, orientation, posX, posY]. */
    public static int index(int[] classes) {
        if (classes.length != COUNTS.length || classes[COLOR] != 0) {
            throw new IndexOutOfBoundsException("not a dSprites class row: " + java.util.Arrays.toString(classes));
        }
        return index(classes[SHAPE], classes[SCALE], classes[ORIENTATION], classes[POS_X], classes[POS_Y]);
    }

    /** [color, shape, scale, orientation, posX, posY] class indices of {@code index} (color always 0). */
    @Override
    public int[] classes(int index) {
        checkIndex(index);
        int posY = index % POSITIONS;
        int rest = index / POSITIONS;
        int posX = rest % POSITIONS;
        rest /= POSITIONS;
        int orientation = rest % ORIENTATIONS;
        rest /= ORIENTATIONS;
        int scale = rest % SCALES;
        int shape = rest / SCALES;
        return new int[] {0, shape, scale, orientation, posX, posY};
    }

    /** [1, shape 1..3, scale 0.5..1, θ ∈ [0, 2π], posX ∈ [0, 1], posY ∈ [0, 1]] of {@code index}. */
    @Override
    public double[] values(int index) {
        return valuesOf(classes(index));
    }

    /** The {@code latents_values} row of a class row. */
    static double[] valuesOf(int[] c) {
        return new double[] {1.0, c[SHAPE] + 1, scaleValue(c[SCALE]), orientationValue(c[ORIENTATION]), positionValue(c[POS_X]),
                positionValue(c[POS_Y])};
    }

    /** linspace(0.5, 1, 6)[scale]. */
    public static double scaleValue(int scale) {
        return linspace(0.5, 1.0, SCALES, scale);
    }

    /** linspace(0, 2π, 40)[orientation]: both 0 and 2π are present. */
    public static double orientationValue(int orientation) {
        return linspace(0, 2 * Math.PI, ORIENTATIONS, orientation);
    }

    /** linspace(0, 1, 32)[position]. */
    public static double positionValue(int position) {
        return linspace(0, 1, POSITIONS, position);
    }

    /** numpy.linspace(start, stop, n)[i]: {@code i·step + start}, with the last point exactly {@code stop}. */
    static double linspace(double start, double stop, int n, int i) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("class " + i + " is outside [0, " + n + ")");
        }
        if (i == n - 1) {
            return stop;
        }
        double step = (stop - start) / (n - 1);
        return i * step + start;
    }

    static void checkIndex(int index) {
        if (index < 0 || index >= COUNT) {
            throw new IndexOutOfBoundsException("dSprites index " + index + " is outside [0, " + COUNT + ")");
        }
    }
}
