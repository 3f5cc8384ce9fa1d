package org.latentexplorer.data;

import java.util.List;
import java.util.Optional;

/**
 * Procedural dSprites (spec §g): all 737,280 64×64 binary images, rasterised on demand from their
 * index, in the official storage order (posY fastest). Shapes, rotation direction and position
 * mapping were fitted to the official frames; a few boundary pixels may differ from the official
 * {@code .npz}. Stateless and thread-safe.
 */
public final class DSprites implements Dataset, FactorLabels {
    public static final int SIZE = 64;
    public static final int SHAPES = 3;
    public static final int SCALES = 6;
    public static final int ORIENTATIONS = 40;
    public static final int POSITIONS = 32;
    public static final int COUNT = SHAPES * SCALES * ORIENTATIONS * POSITIONS * POSITIONS;
    private static final List<String> NAMES = List.of("color", "shape", "scale", "orientation", "posX", "posY");

    private static final int HEART_VERTICES = 300;
    private static final double[] HEART_X = new double[HEART_VERTICES];
    private static final double[] HEART_Y = new double[HEART_VERTICES];

    static {
        for (int k = 0; k < HEART_VERTICES; k++) {
            double t = 2 * Math.PI * k / HEART_VERTICES;
            double s = Math.sin(t);
            HEART_X[k] = 9.6 * s * s * s;
            HEART_Y[k] = -(10.6 / 16) * (13 * Math.cos(t) - 5 * Math.cos(2 * t) - 2 * Math.cos(3 * t) - Math.cos(4 * t)) - 1.44;
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
        return Optional.of(this);
    }

    @Override
    public List<String> names() {
        return NAMES;
    }

    /** [color, shape, scale, orientation, posX, posY] class indices (color always 0). */
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

    /** [1, shape 1..3, scale 0.5..1, θ ∈ [0, 2π], posX ∈ [0,1], posY ∈ [0,1]]. */
    @Override
    public double[] values(int index) {
        int[] c = classes(index);
        return new double[] {1.0, c[1] + 1, scaleValue(c[2]), orientationValue(c[3]), c[4] / 31.0, c[5] / 31.0};
    }

    /** The index of a factor combination (shape 0..2 for square, ellipse, heart). */
    public static int index(int shape, int scale, int orientation, int posX, int posY) {
        if (shape < 0 || shape >= SHAPES || scale < 0 || scale >= SCALES || orientation < 0 || orientation >= ORIENTATIONS
                || posX < 0 || posX >= POSITIONS || posY < 0 || posY >= POSITIONS) {
            throw new IndexOutOfBoundsException("factor classes out of range");
        }
        return (((shape * SCALES + scale) * ORIENTATIONS + orientation) * POSITIONS + posX) * POSITIONS + posY;
    }

    static double scaleValue(int scale) {
        return 0.5 + 0.1 * scale;
    }

    /** linspace(0, 2π, 40): both 0 and 2π are present. */
    static double orientationValue(int orientation) {
        return 2 * Math.PI * orientation / (ORIENTATIONS - 1);
    }

    @Override
    public void read(int index, float[] dst, int offset) {
        int[] c = classes(index);
        java.util.Arrays.fill(dst, offset, offset + SIZE * SIZE, 0f);
        double s = scaleValue(c[2]);
        double theta = orientationValue(c[3]);
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double cx = 16 + 32 * (c[4] / 31.0);
        double cy = 16 + 32 * (c[5] / 31.0);
        // every shape fits in a circle of radius 13 pixels at scale 1
        double reach = 13.5 * s + 1;
        int r0 = Math.max(0, (int) Math.floor(cy - reach));
        int r1 = Math.min(SIZE - 1, (int) Math.ceil(cy + reach));
        int c0 = Math.max(0, (int) Math.floor(cx - reach));
        int c1 = Math.min(SIZE - 1, (int) Math.ceil(cx + reach));
        for (int r = r0; r <= r1; r++) {
            double dy = r + 0.5 - cy;
            for (int col = c0; col <= c1; col++) {
                double dx = col + 0.5 - cx;
                double u = (cos * dx - sin * dy) / s;
                double v = (sin * dx + cos * dy) / s;
                if (inside(c[1], u, v)) {
                    dst[offset + r * SIZE + col] = 1f;
                }
            }
        }
    }

    private static boolean inside(int shape, double u, double v) {
        switch (shape) {
            case 0:
                return Math.abs(u) <= 9.6 && Math.abs(v) <= 9.6;
            case 1: {
                double a = u / 12.76;
                double b = v / 7.22;
                return a * a + b * b <= 1;
            }
            default:
                return insideHeart(u, v);
        }
    }

    /** Even-odd rule against the 300-vertex heart polygon. */
    private static boolean insideHeart(double u, double v) {
        boolean inside = false;
        for (int i = 0, j = HEART_VERTICES - 1; i < HEART_VERTICES; j = i++) {
            double yi = HEART_Y[i];
            double yj = HEART_Y[j];
            if ((yi > v) != (yj > v)) {
                double xCross = HEART_X[i] + (v - yi) * (HEART_X[j] - HEART_X[i]) / (yj - yi);
                if (u < xCross) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    private static void checkIndex(int index) {
        if (index < 0 || index >= COUNT) {
            throw new IndexOutOfBoundsException("dSprites index " + index + " is outside [0, " + COUNT + ")");
        }
    }
}
