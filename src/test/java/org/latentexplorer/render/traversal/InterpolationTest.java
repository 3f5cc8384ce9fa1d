package org.latentexplorer.render.traversal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class InterpolationTest {

    @Test
    void linearIncludesBothEnds() {
        float[] z = Interpolation.latents(new float[]{0, 2}, new float[]{4, -2}, 5, InterpolationMethod.LINEAR);
        assertArrayEquals(new float[]{0, 2, 1, 1, 2, 0, 3, -1, 4, -2}, z, 1e-6f);
        assertArrayEquals(new double[]{0, 0.25, 0.5, 0.75, 1}, Interpolation.fractions(5), 0.0);
    }

    @Test
    void slerpFollowsTheGreatCircle() {
        float[] a = {1, 0, 0};
        float[] b = {0, 1, 0};
        float[] z = Interpolation.latents(a, b, 3, InterpolationMethod.SPHERICAL);
        float s = (float) Math.sqrt(0.5);
        assertArrayEquals(new float[]{1, 0, 0, s, s, 0, 0, 1, 0}, z, 1e-6f);
        // equal norms stay on the sphere at every step
        float[] c = {3, 4, 0};
        float[] d = {0, -3, 4};
        float[] path = Interpolation.latents(c, d, 7, InterpolationMethod.SPHERICAL);
        for (int i = 0; i < 7; i++) {
            double n = Math.sqrt(path[i * 3] * path[i * 3] + path[i * 3 + 1] * path[i * 3 + 1] + path[i * 3 + 2] * path[i * 3 + 2]);
            assertEquals(5.0, n, 1e-5, "step " + i);
        }
        // a quarter turn at t = 1/3 of a 90° arc: 30°
        float[] q = Interpolation.latents(new float[]{2, 0}, new float[]{0, 2}, 4, InterpolationMethod.SPHERICAL);
        assertEquals(2 * Math.cos(Math.PI / 6), q[2], 1e-6);
        assertEquals(2 * Math.sin(Math.PI / 6), q[3], 1e-6);
    }

    @Test
    void slerpFallsBackToLinearForParallelOrZeroVectors() {
        float[] a = {1, 2};
        float[] b = {2, 4};
        assertArrayEquals(Interpolation.latents(a, b, 5, InterpolationMethod.LINEAR),
                Interpolation.latents(a, b, 5, InterpolationMethod.SPHERICAL), 0f);
        float[] zero = {0, 0};
        assertArrayEquals(Interpolation.latents(zero, b, 4, InterpolationMethod.LINEAR),
                Interpolation.latents(zero, b, 4, InterpolationMethod.SPHERICAL), 0f);
    }

    @Test
    void stripIsOneRowWithOneDecodeCall() {
        BarDecoder dec = new BarDecoder(2, 6, 10);
        float[] from = {-2, 0};
        float[] to = {2, 0};
        GridImage g = Interpolation.render(dec, from, to, InterpolationSpec.of(InterpolationMethod.LINEAR, 5));
        assertEquals(List.of(5), dec.calls);
        assertEquals(5 * 12 + 2, g.width());
        assertEquals(6 + 4, g.height());
        assertEquals(1, g.rows());
        assertArrayEquals(new float[]{0, 0.25f, 0.5f, 0.75f, 1}, g.columnValues(0), 0f);
        float[] z = {-2, -1, 0, 1, 2};
        for (int j = 0; j < 5; j++) {
            // image row 0 shows z_0 (bar moves right), image row 1 shows z_1 = 0
            assertEquals(0xFFFFFF, g.pixel(tileLeft(g, j) + dec.barX(z[j]), g.tileTop(0)));
            assertEquals(0x000000, g.pixel(tileLeft(g, j) + (dec.barX(z[j]) + 1) % 10, g.tileTop(0)));
            assertEquals(0xFFFFFF, g.pixel(tileLeft(g, j) + dec.barX(0), g.tileTop(0) + 1));
        }
        assertEquals(0xFFFFFF, g.pixel(0, 0));
        GridImage white = Interpolation.render(dec, from, to, new InterpolationSpec(InterpolationMethod.LINEAR, 3, 2, 1.0));
        assertEquals(0x000000, white.pixel(1, 1));
    }

    @Test
    void validation() {
        assertThrows(IllegalArgumentException.class, () -> InterpolationSpec.of(InterpolationMethod.LINEAR, 1));
        assertThrows(IllegalArgumentException.class, () -> Interpolation.latents(new float[2], new float[3], 3, InterpolationMethod.LINEAR));
        assertThrows(IllegalArgumentException.class, () -> Interpolation.render(new BarDecoder(3, 2, 2), new float[2], new float[2],
                InterpolationSpec.of(InterpolationMethod.LINEAR, 3)));
    }

    /** Left edge (x) of the tile in column j: make_grid's layout, computed here independently of the renderer. */
    private static int tileLeft(GridImage g, int column) {
        return column * (g.tileWidth() + g.padding()) + g.padding();
    }
}
