package org.latentexplorer.render.traversal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MakeGridTest {

    @Test
    void byteConversionIsSaveImages() {
        assertEquals(0, MakeGrid.toByte(0f));
        assertEquals(255, MakeGrid.toByte(1f));
        assertEquals(128, MakeGrid.toByte(0.5f));       // 127.5 + 0.5 = 128
        assertEquals(127, MakeGrid.toByte(0.498f));     // 126.99 + 0.5 -> 127
        assertEquals(254, MakeGrid.toByte(0.997f));     // 254.235 + 0.5 -> 254
        assertEquals(0, MakeGrid.toByte(-0.3f));
        assertEquals(255, MakeGrid.toByte(1.7f));
        assertEquals(0, MakeGrid.toByte(Float.NaN));
    }

    @Test
    void partialLastRowStaysPadding() {
        // 3 images of 1×2 in rows of 2: grid 2·(2+1)+1 = 7 wide, 2·(1+1)+1 = 5 high
        float[] images = {0.2f, 0.4f, 0.6f, 0.8f, 0f, 1f};
        byte[] rgb = MakeGrid.layout(images, 3, 1, 2, 2, 1, 0.5f);
        assertEquals(7, MakeGrid.width(3, 2, 2, 1));
        assertEquals(5, MakeGrid.height(3, 2, 1, 1));
        assertEquals(7 * 5 * 3, rgb.length);
        int[][] expected = {
                {128, 128, 128, 128, 128, 128, 128},
                {128, 51, 102, 128, 153, 204, 128},
                {128, 128, 128, 128, 128, 128, 128},
                {128, 0, 255, 128, 128, 128, 128},
                {128, 128, 128, 128, 128, 128, 128}};
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(expected[y][x], rgb[(y * 7 + x) * 3 + c] & 0xff, "x=" + x + " y=" + y + " c=" + c);
                }
            }
        }
    }

    @Test
    void fewerImagesThanNrowNarrowTheGrid() {
        assertEquals(2 * (4 + 2) + 2, MakeGrid.width(2, 10, 4, 2));
        assertEquals(4 + 2 + 2, MakeGrid.height(2, 10, 4, 2));
    }

    @Test
    void rejectsWrongPixelCount() {
        assertThrows(IllegalArgumentException.class, () -> MakeGrid.layout(new float[5], 3, 1, 2, 2, 1, 0f));
    }

    @Test
    void colourImagesKeepTheirPlanes() {
        // 2 RGB images of 1×2 (planar C×H×W) in one row, padding 1 at 0: grid 2·(2+1)+1 = 7 wide, 3 high
        float[] images = {
                1f, 0f, /* R */ 0f, 1f, /* G */ 0f, 0f, /* B */
                0.2f, 0.4f, /* R */ 0.6f, 0.8f, /* G */ 1f, 0f /* B */};
        byte[] rgb = MakeGrid.layout(images, 2, 3, 1, 2, 2, 1, 0f);
        assertEquals(7 * 3 * 3, rgb.length);
        int[][] row = {{0, 0, 0}, {255, 0, 0}, {0, 255, 0}, {0, 0, 0}, {51, 153, 255}, {102, 204, 0}, {0, 0, 0}};
        for (int x = 0; x < 7; x++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(row[x][c], rgb[(7 + x) * 3 + c] & 0xff, "x=" + x + " c=" + c);
                assertEquals(0, rgb[x * 3 + c] & 0xff, "top padding");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> MakeGrid.layout(images, 2, 1, 1, 2, 2, 1, 0f), "grey count mismatch");
        assertThrows(IllegalArgumentException.class, () -> MakeGrid.layout(new float[8], 2, 2, 1, 2, 2, 1, 0f), "two channels");
    }
}
