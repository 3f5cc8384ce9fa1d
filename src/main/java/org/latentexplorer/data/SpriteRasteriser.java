package org.latentexplorer.data;

import java.util.Arrays;

/**
 * The dSprites shapes of docs/method.md §7 drawn onto a 64×64 binary canvas. A pixel (row r, column c) is 1
 * exactly when its centre (c + 0.5, r + 0.5), mapped into the sprite's frame by
 * {@code u = (cosθ·dx − sinθ·dy)/s}, {@code v = (sinθ·dx + cosθ·dy)/s} with
 * {@code dx = c + 0.5 − cx}, {@code dy = r + 0.5 − cy}, {@code cx = 16 + 32·posX},
 * {@code cy = 16 + 32·posY}, lies inside the unit shape (square half-side 9.6, ellipse semi-axes
 * 12.76 × 7.22, or the 300-vertex heart polygon under the even-odd rule); every other pixel is 0.
 * Increasing θ turns the sprite counter-clockwise as displayed (y points down).
 *
 * <p>Speed without changing the result: only the pixels whose centres can reach the shape (its
 * bounding circle) are tested, and a heart test looks only at the polygon edges whose y-range
 * overlaps the query's horizontal band, which are exactly the edges the full even-odd test could
 * count. Stateless and thread-safe.
 */
final class SpriteRasteriser {
    static final int SIZE = 64;
    static final int SQUARE = 0;
    static final int ELLIPSE = 1;
    static final int HEART = 2;

    private static final double SQUARE_HALF = 9.6;
    private static final double ELLIPSE_A = 12.76;
    private static final double ELLIPSE_B = 7.22;

    private static final int HEART_VERTICES = 300;
    private static final double[] HEART_X = new double[HEART_VERTICES];
    private static final double[] HEART_Y = new double[HEART_VERTICES];
    private static final double HEART_MIN_X;
    private static final double HEART_MAX_X;
    private static final double HEART_MIN_Y;
    private static final double HEART_MAX_Y;
    private static final double HEART_RADIUS;
    private static final int BANDS = 48;
    private static final double BAND_HEIGHT;
    /** For each band, the start vertex i of each candidate edge (i, i−1 mod n), in polygon order. */
    private static final int[][] BAND_EDGES = new int[BANDS][];

    static {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        double radius = 0;
        for (int k = 0; k < HEART_VERTICES; k++) {
            double t = 2 * Math.PI * k / HEART_VERTICES;
            double s = Math.sin(t);
            HEART_X[k] = 9.6 * s * s * s;
            HEART_Y[k] = -(10.6 / 16) * (13 * Math.cos(t) - 5 * Math.cos(2 * t) - 2 * Math.cos(3 * t) - Math.cos(4 * t)) - 1.44;
            minX = Math.min(minX, HEART_X[k]);
            maxX = Math.max(maxX, HEART_X[k]);
            minY = Math.min(minY, HEART_Y[k]);
            maxY = Math.max(maxY, HEART_Y[k]);
            radius = Math.max(radius, Math.hypot(HEART_X[k], HEART_Y[k]));
        }
        HEART_MIN_X = minX;
        HEART_MAX_X = maxX;
        HEART_MIN_Y = minY;
        HEART_MAX_Y = maxY;
        HEART_RADIUS = radius;
        BAND_HEIGHT = (maxY - minY) / BANDS;
        int[][] lists = new int[BANDS][HEART_VERTICES];
        int[] counts = new int[BANDS];
        for (int i = 0, j = HEART_VERTICES - 1; i < HEART_VERTICES; j = i++) {
            double lo = Math.min(HEART_Y[i], HEART_Y[j]);
            double hi = Math.max(HEART_Y[i], HEART_Y[j]);
            // one band of margin on each side: rounding in band() can never drop a needed edge
            int b0 = Math.max(0, band(lo) - 1);
            int b1 = Math.min(BANDS - 1, band(hi) + 1);
            for (int b = b0; b <= b1; b++) {
                lists[b][counts[b]++] = i;
            }
        }
        for (int b = 0; b < BANDS; b++) {
            BAND_EDGES[b] = Arrays.copyOf(lists[b], counts[b]);
        }
    }

    private SpriteRasteriser() {
    }

    private static int band(double v) {
        return Math.max(0, Math.min(BANDS - 1, (int) Math.floor((v - HEART_MIN_Y) / BAND_HEIGHT)));
    }

    /**
     * Writes the 64×64 image of one sprite at {@code dst[offset ..< offset + 4096]}, every value
     * exactly 0 or 1.
     *
     * @param shape {@link #SQUARE}, {@link #ELLIPSE} or {@link #HEART}
     * @param scale the scale factor s (0.5 … 1)
     * @param cosTheta cos θ of the orientation
     * @param sinTheta sin θ of the orientation
     * @param posX horizontal position in [0, 1]
     * @param posY vertical position in [0, 1] (0 is the top)
     */
    static void draw(int shape, double scale, double cosTheta, double sinTheta, double posX, double posY, float[] dst, int offset) {
        Arrays.fill(dst, offset, offset + SIZE * SIZE, 0f);
        double cx = 16 + 32 * posX;
        double cy = 16 + 32 * posY;
        double reach = radius(shape) * scale + 1;
        int r0 = Math.max(0, (int) Math.floor(cy - reach - 0.5));
        int r1 = Math.min(SIZE - 1, (int) Math.ceil(cy + reach - 0.5));
        int c0 = Math.max(0, (int) Math.floor(cx - reach - 0.5));
        int c1 = Math.min(SIZE - 1, (int) Math.ceil(cx + reach - 0.5));
        for (int r = r0; r <= r1; r++) {
            double dy = r + 0.5 - cy;
            int row = offset + r * SIZE;
            for (int c = c0; c <= c1; c++) {
                double dx = c + 0.5 - cx;
                double u = (cosTheta * dx - sinTheta * dy) / scale;
                double v = (sinTheta * dx + cosTheta * dy) / scale;
                if (inside(shape, u, v)) {
                    dst[row + c] = 1f;
                }
            }
        }
    }

    /** The largest distance from the centre to a point of the unit shape. */
    static double radius(int shape) {
        return switch (shape) {
            case SQUARE -> SQUARE_HALF * Math.sqrt(2);
            case ELLIPSE -> ELLIPSE_A;
            case HEART -> HEART_RADIUS;
            default -> throw new IllegalArgumentException("shape " + shape);
        };
    }

    /** Whether (u, v), in the sprite's own frame at scale 1, lies inside the shape. */
    static boolean inside(int shape, double u, double v) {
        switch (shape) {
            case SQUARE:
                return Math.abs(u) <= SQUARE_HALF && Math.abs(v) <= SQUARE_HALF;
            case ELLIPSE: {
                double a = u / ELLIPSE_A;
                double b = v / ELLIPSE_B;
                return a * a + b * b <= 1;
            }
            case HEART:
                return insideHeart(u, v);
            default:
                throw new IllegalArgumentException("shape " + shape);
        }
    }

    /**
     * Even-odd rule against the heart polygon. An edge (i, j) counts when
     * {@code (y_i > v) != (y_j > v)} and u lies left of its crossing; only edges spanning v can
     * count, and a point right of every vertex (or left of every vertex, where the number of
     * spanning edges of a closed polygon is even) is outside, so those cases return early.
     */
    static boolean insideHeart(double u, double v) {
        if (v < HEART_MIN_Y || v >= HEART_MAX_Y || u > HEART_MAX_X + 1e-9 || u < HEART_MIN_X - 1e-9) {
            return false;
        }
        boolean inside = false;
        for (int i : BAND_EDGES[band(v)]) {
            int j = i == 0 ? HEART_VERTICES - 1 : i - 1;
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

    /** The plain even-odd test over all 300 edges (the definition; used by tests to check the fast path). */
    static boolean insideHeartAllEdges(double u, double v) {
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
}
