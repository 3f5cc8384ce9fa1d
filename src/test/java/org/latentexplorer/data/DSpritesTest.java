package org.latentexplorer.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Procedural dSprites against the official frames' pixel counts and geometry (docs/method.md §7). */
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
            assertTrue(v == 0f || v == 1f, "binary");
            n += (int) v;
        }
        return n;
    }

    @Test
    void pixelCountsAtZeroRotationMatchTheOfficialFrames() {
        // posX = posY = 0: the centre (16, 16) lies on a pixel corner, as in the official scale sweeps
        int[] square = {100, 144, 196, 256, 324, 400};
        int[] ellipse = {76, 104, 144, 184, 228, 288};
        int[] heart = {58, 84, 108, 142, 182, 222}; // docs/method.md §7: the official count at scale 0.8 is 140
        for (int s = 0; s < 6; s++) {
            assertEquals(square[s], count(image(0, s, 0, 0, 0)), "square scale " + s);
            assertEquals(ellipse[s], count(image(1, s, 0, 0, 0)), "ellipse scale " + s);
            assertEquals(heart[s], count(image(2, s, 0, 0, 0)), "heart scale " + s);
        }
    }

    @Test
    void theCountsAssumeACentreOnAPixelCornerNotTheMiddlePosition() {
        // posX = posY = 31 puts the centre on the corner (48, 48): the same counts as position 0
        int[][] counts = {{100, 144, 196, 256, 324, 400}, {76, 104, 144, 184, 228, 288}, {58, 84, 108, 142, 182, 222}};
        for (int shape = 0; shape < 3; shape++) {
            for (int s = 0; s < 6; s++) {
                assertEquals(counts[shape][s], count(image(shape, s, 0, 31, 31)), "shape " + shape + " scale " + s);
                assertEquals(counts[shape][s], count(image(shape, s, 0, 0, 31)), "shape " + shape + " scale " + s);
            }
        }
        // cx = 16 + 32·i/31 = 16 + i + i/31: the square's 20-pixel side needs the centre within 0.1 px of a corner
        for (int p : new int[] {1, 3, 28, 30}) {
            assertEquals(400, count(image(0, 5, 0, p, p)), "square scale 1 at position " + p);
        }
        // at position 16 (cx = 32.52) a side of 19.2 px covers 19 pixel centres, not 20
        assertEquals(19 * 19, count(image(0, 5, 0, 16, 16)));
    }

    @Test
    void everyPixelIsZeroOrOneAndNothingLeaksOutsideTheBoundingCircle() {
        SplittableRandom random = new SplittableRandom(3);
        float[] px = new float[4096];
        for (int k = 0; k < 500; k++) {
            int i = random.nextInt(DSprites.COUNT);
            d.read(i, px, 0);
            int[] c = d.classes(i);
            double cx = 16 + 32 * c[4] / 31.0;
            double cy = 16 + 32 * c[5] / 31.0;
            double reach = SpriteRasteriser.radius(c[1]) * (0.5 + 0.1 * c[2]);
            for (int r = 0; r < 64; r++) {
                for (int col = 0; col < 64; col++) {
                    float v = px[r * 64 + col];
                    assertTrue(v == 0f || v == 1f);
                    if (v == 1f) {
                        assertTrue(Math.hypot(col + 0.5 - cx, r + 0.5 - cy) <= reach + 1e-9, "pixel inside the shape's circle");
                    }
                }
            }
        }
    }

    @Test
    void fastRasterisationEqualsThePlainPerPixelDefinition() {
        SplittableRandom random = new SplittableRandom(11);
        float[] fast = new float[4096 + 7];
        for (int k = 0; k < 1500; k++) {
            int i = random.nextInt(DSprites.COUNT);
            d.read(i, fast, 7);
            int[] c = d.classes(i);
            double s = 0.5 + 0.1 * c[2];
            double theta = c[3] == 39 ? 0 : DSpritesFactors.orientationValue(c[3]);
            double cos = Math.cos(theta);
            double sin = Math.sin(theta);
            double cx = 16 + 32 * DSpritesFactors.positionValue(c[4]);
            double cy = 16 + 32 * DSpritesFactors.positionValue(c[5]);
            for (int r = 0; r < 64; r++) {
                for (int col = 0; col < 64; col++) {
                    double dx = col + 0.5 - cx;
                    double dy = r + 0.5 - cy;
                    double u = (cos * dx - sin * dy) / s;
                    double v = (sin * dx + cos * dy) / s;
                    boolean in = c[1] == 2 ? SpriteRasteriser.insideHeartAllEdges(u, v) : SpriteRasteriser.inside(c[1], u, v);
                    assertEquals(in ? 1f : 0f, fast[7 + r * 64 + col], "index " + i + " pixel " + r + "," + col);
                }
            }
        }
    }

    @Test
    void heartBandsGiveTheSameAnswerAsAllEdgesEverywhere() {
        for (double v = -16; v <= 16; v += 0.0137) {
            for (double u = -12; u <= 12; u += 0.0511) {
                assertEquals(SpriteRasteriser.insideHeartAllEdges(u, v), SpriteRasteriser.insideHeart(u, v), u + "," + v);
            }
        }
    }

    @Test
    void orientationsZeroAndThirtyNineAreIdentical() {
        for (int shape = 0; shape < 3; shape++) {
            for (int scale = 0; scale < 6; scale++) {
                for (int p : new int[] {0, 7, 16, 31}) {
                    assertArrayEquals(image(shape, scale, 0, p, 31 - p), image(shape, scale, 39, p, 31 - p));
                }
            }
        }
    }

    @Test
    void indexOrderAndFactorsRoundTrip() {
        assertEquals(737_280, d.size());
        assertEquals(64, d.height());
        assertEquals(1, DSprites.index(0, 0, 0, 0, 1), "posY varies fastest");
        assertEquals(32, DSprites.index(0, 0, 0, 1, 0));
        assertEquals(1024, DSprites.index(0, 0, 1, 0, 0));
        assertEquals(40 * 1024, DSprites.index(0, 1, 0, 0, 0));
        assertEquals(6 * 40 * 1024, DSprites.index(1, 0, 0, 0, 0));
        for (int i = 0; i < DSprites.COUNT; i++) {
            int[] c = d.classes(i);
            assertEquals(0, c[0]);
            if (DSpritesFactors.index(c) != i) {
                fail("round trip of " + i);
            }
        }
        for (int i : new int[] {0, 1, 31, 32, 1023, 1024, 40_959, 40_960, 737_279, 123_457}) {
            int[] c = d.classes(i);
            assertEquals(i, DSprites.index(c[1], c[2], c[3], c[4], c[5]));
            double[] v = d.values(i);
            assertEquals(1.0, v[0]);
            assertEquals(c[1] + 1, v[1]);
            assertEquals(0.5 + 0.1 * c[2], v[2], 1e-12);
            assertEquals(2 * Math.PI * c[3] / 39, v[3], 1e-12);
            assertEquals(c[4] / 31.0, v[4], 1e-12);
            assertEquals(c[5] / 31.0, v[5], 1e-12);
        }
        assertEquals(2 * Math.PI, DSpritesFactors.orientationValue(39));
        assertEquals(1.0, DSpritesFactors.positionValue(31));
        assertEquals(1.0, DSpritesFactors.scaleValue(5));
        assertEquals(java.util.List.of("color", "shape", "scale", "orientation", "posX", "posY"), d.factors().orElseThrow().names());
        assertThrows(IndexOutOfBoundsException.class, () -> d.classes(737_280));
        assertThrows(IndexOutOfBoundsException.class, () -> d.read(-1, new float[4096], 0));
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> DSprites.index(0, 6, 0, 0, 0));
        assertTrue(e.getMessage().contains("scale"), e.getMessage());
    }

    @Test
    void positionMovesTheSpriteRightAndDown() {
        float[] left = image(0, 0, 0, 0, 0);
        // square of side 9.6 centred at (16, 16): pixel centres 11.5 … 20.5, so columns/rows 11..20
        assertEquals(1f, left[11 * 64 + 11]);
        assertEquals(1f, left[20 * 64 + 20]);
        assertEquals(0f, left[21 * 64 + 21]);
        assertEquals(0f, left[10 * 64 + 10]);
        float[] right = image(0, 0, 0, 31, 0);
        assertEquals(1f, right[15 * 64 + 47]);
        assertEquals(0f, right[15 * 64 + 16]);
        float[] down = image(0, 0, 0, 0, 31);
        assertEquals(1f, down[47 * 64 + 15]);
        assertEquals(0f, down[15 * 64 + 15]);
    }

    @Test
    void heartLobesAreOnTopAndRotationIsCounterClockwise() {
        float[] heart = image(2, 5, 0, 16, 16);
        // lobes at the top: the row 7 px above the centre is wider than the row 7 px below, and
        // the notch between the lobes is empty at the top centre while the tip is at the bottom
        assertTrue(rowWidth(heart, 32 - 7) > rowWidth(heart, 32 + 7));
        assertTrue(firstRow(heart, 32) > firstRow(heart, 32 - 5), "notch at the top centre");
        // an ellipse (major axis horizontal) is wide at θ = 0 and tall at index 10 (θ = 20π/39 ≈ 92°)
        float[] flat = image(1, 5, 0, 16, 16);
        float[] tall = image(1, 5, 10, 16, 16);
        assertTrue(rowWidth(flat, 32) > colHeight(flat, 32));
        assertTrue(colHeight(tall, 32) > rowWidth(tall, 32));
        // counter-clockwise as displayed: at θ ≈ π/4 (index 5, 46°) the ellipse runs from bottom-left to top-right
        float[] diag = image(1, 5, 5, 16, 16);
        assertEquals(1f, diag[(32 - 7) * 64 + 32 + 7], "top-right arm");
        assertEquals(1f, diag[(32 + 7) * 64 + 32 - 7], "bottom-left arm");
        assertEquals(0f, diag[(32 - 7) * 64 + 32 - 7], "top-left is empty");
        // a heart turned by ≈ 92° counter-clockwise has its lobes on the left (tip on the right)
        float[] turned = image(2, 5, 10, 16, 16);
        assertTrue(colHeight(turned, 32 - 7) > colHeight(turned, 32 + 7), "lobes on the left");
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

    private static int firstRow(float[] px, int col) {
        for (int r = 0; r < 64; r++) {
            if (px[r * 64 + col] == 1f) {
                return r;
            }
        }
        return 64;
    }
}
