package org.latentexplorer.data;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Procedural dSprites against the official frames' pixel counts and geometry (spec §g). */
class DSpritesTest {
    private final DSprites d = new DSprites();

    private float[] image(int shape, int scale, int orientation, int posX, int posY) {
        float[] px = new float[64 * 64];
        d.read(DSprites.index(shape, scale, orientation, posX, posY), px, 0);
        return px;
    }

    private static int count(float[] px) {
        int n = 0;
        for (float v : px) {
            assertTrue(v == 0f || v == 1f);
            n += (int) v;
        }
        return n;
    }

    @Test
    void pixelCountsAtZeroRotationMatchTheOfficialFrames() {
        // at posX = posY = 0 the centre (16, 16) lies on a pixel corner, as in the official scale sweeps
        int[] square = {100, 144, 196, 256, 324, 400};
        int[] ellipse = {76, 104, 144, 184, 228, 288};
        for (int s = 0; s < 6; s++) {
            assertEquals(square[s], count(image(0, s, 0, 0, 0)), "square scale " + s);
            assertEquals(ellipse[s], count(image(1, s, 0, 0, 0)), "ellipse scale " + s);
        }
        int[] heart = {58, 84, 108, 142, 182, 222};
        for (int s = 0; s < 6; s++) {
            assertEquals(heart[s], count(image(2, s, 0, 0, 0)), "heart scale " + s);
        }
    }

    @Test
    void orientationsZeroAndThirtyNineAreIdentical() {
        for (int shape = 0; shape < 3; shape++) {
            assertArrayEquals(image(shape, 3, 0, 10, 20), image(shape, 3, 39, 10, 20), 1e-6f);
        }
    }

    @Test
    void indexOrderAndFactorsRoundTrip() {
        assertEquals(737_280, d.size());
        assertEquals(1, DSprites.index(0, 0, 0, 0, 1), "posY varies fastest");
        for (int i : new int[] {0, 1, 31, 32, 1023, 1024, 40_959, 40_960, 737_279, 123_457}) {
            int[] c = d.classes(i);
            assertEquals(i, DSprites.index(c[1], c[2], c[3], c[4], c[5]));
            double[] v = d.values(i);
            assertEquals(c[1] + 1, v[1]);
            assertEquals(0.5 + 0.1 * c[2], v[2], 1e-12);
            assertEquals(2 * Math.PI * c[3] / 39, v[3], 1e-12);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> d.classes(737_280));
    }

    @Test
    void positionMovesTheSpriteRightAndDown() {
        float[] left = image(0, 0, 0, 0, 0);
        // square of side 10 centred at (16, 16): columns/rows 11..20
        assertEquals(1f, left[11 * 64 + 11]);
        assertEquals(1f, left[20 * 64 + 20]);
        assertEquals(0f, left[21 * 64 + 21]);
        float[] right = image(0, 0, 0, 31, 0);
        assertEquals(1f, right[15 * 64 + 47]);
        assertEquals(0f, right[15 * 64 + 16]);
        float[] down = image(0, 0, 0, 0, 31);
        assertEquals(1f, down[47 * 64 + 15]);
    }

    @Test
    void heartLobesAreOnTopAndRotationIsCounterClockwise() {
        float[] heart = image(2, 5, 0, 16, 16);
        // lobes at the top: the row 7 px above the centre is wider than the row 7 px below
        assertTrue(rowWidth(heart, 32 - 7) > rowWidth(heart, 32 + 7));
        // an ellipse (major axis horizontal) is wide at θ = 0 and tall near θ = π/2 (index 10)
        float[] flat = image(1, 5, 0, 16, 16);
        float[] tall = image(1, 5, 10, 16, 16);
        assertTrue(rowWidth(flat, 32) > colHeight(flat, 32));
        assertTrue(colHeight(tall, 32) > rowWidth(tall, 32));
        // counter-clockwise as displayed: at θ ≈ π/4 (index 5) the ellipse runs from bottom-left to top-right
        float[] diag = image(1, 5, 5, 16, 16);
        assertEquals(1f, diag[(32 - 7) * 64 + 32 + 7], "top-right arm");
        assertEquals(0f, diag[(32 - 7) * 64 + 32 - 7], "top-left is empty");
    }

    private static int rowWidth(float[] px, int row) {
        int n = 0;
        for (int c = 0; c < 64; c++) {
            n += (int) px[row * 64 + c];
        }
        return n;
    }

    private static int colHeight(float[] px, int col) {
        int n = 0;
        for (int r = 0; r < 64; r++) {
            n += (int) px[r * 64 + col];
        }
        return n;
    }
}
