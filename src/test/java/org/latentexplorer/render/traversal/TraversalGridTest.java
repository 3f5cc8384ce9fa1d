package org.latentexplorer.render.traversal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.Linspace;
import org.latentexplorer.latent.LatentDecoder;
import org.latentexplorer.latent.Posterior;

class TraversalGridTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void paperGeometryForTheThreeDataSetSizes() {
        assertSize(new BarDecoder(10, 32, 32), 342, 342);
        assertSize(new BarDecoder(10, 64, 64), 662, 662);
        assertSize(new BarDecoder(32, 64, 64), 662, 2114);
    }

    private static void assertSize(BarDecoder dec, int w, int h) {
        GridImage g = TraversalGrid.render(TraversalSpec.paper(), dec);
        assertEquals(w, g.width());
        assertEquals(h, g.height());
        BufferedImage img = g.toBufferedImage();
        assertEquals(w, img.getWidth());
        assertEquals(h, img.getHeight());
        assertEquals(dec.d * 10, dec.calls.stream().mapToInt(Integer::intValue).sum(), "rows·cols vectors decoded");
        assertTrue(dec.calls.stream().allMatch(n -> n <= TraversalGrid.CHUNK), "in chunks of at most " + TraversalGrid.CHUNK);
        assertEquals(dec.d * 10 * dec.d, dec.latentsSeen.stream().mapToInt(a -> a.length).sum());
    }

    @Test
    void paddingIsWhiteOnBlackBackgroundAndBlackOnWhite() {
        BarDecoder dec = new BarDecoder(3, 8, 8);
        GridImage black = TraversalGrid.render(TraversalSpec.paper(), dec);
        GridImage white = TraversalGrid.render(TraversalSpec.paper().withBackground(1), dec);
        int[][] padPixels = {{0, 0}, {1, 1}, {black.width() - 1, black.height() - 1}, {10, 5}, {11, 5}, {5, 10}, {5, 11}};
        for (int[] p : padPixels) {
            assertEquals(0xFFFFFF, black.pixel(p[0], p[1]), "pad at " + p[0] + "," + p[1]);
            assertEquals(0x000000, white.pixel(p[0], p[1]), "pad at " + p[0] + "," + p[1]);
        }
    }

    @Test
    void columnValuesAreThePaperLinspace() {
        GridImage g = TraversalGrid.render(TraversalSpec.paper(), new BarDecoder(10, 32, 32));
        double[] expected = {1.959964, 1.524416, 1.088869, 0.653321, 0.217774, -0.217774, -0.653321, -1.088869, -1.524416, -1.959964};
        for (int r = 0; r < 10; r++) {
            float[] v = g.columnValues(r);
            for (int j = 0; j < 10; j++) {
                assertEquals(expected[j], v[j], 1e-6);
            }
            assertEquals(r, g.rowDimension(r));
        }
    }

    @Test
    void pixelExactPlacementAgainstTheAnalyticDecoder() {
        int d = 4;
        int h = 12;
        int w = 20;
        BarDecoder dec = new BarDecoder(d, h, w);
        GridImage g = TraversalGrid.render(TraversalSpec.paper(), dec);
        int cols = 10;
        float[] values = Linspace.float32(1.959963984540054, -1.959963984540054, cols);
        assertEquals(cols * (w + 2) + 2, g.width());
        assertEquals(d * (h + 2) + 2, g.height());
        // independent expected image: white padding, black tiles with one white pixel per tile row
        int[][] expected = new int[g.height()][g.width()];
        for (int[] row : expected) {
            java.util.Arrays.fill(row, 0xFFFFFF);
        }
        for (int r = 0; r < d; r++) {
            for (int j = 0; j < cols; j++) {
                int top = 2 + r * (h + 2);
                int left = 2 + j * (w + 2);
                for (int y = 0; y < h; y++) {
                    float v = (y % d) == r ? values[j] : 0f;
                    int bar = dec.barX(v);
                    for (int x = 0; x < w; x++) {
                        expected[top + y][left + x] = x == bar ? 0xFFFFFF : 0;
                    }
                }
            }
        }
        BufferedImage img = g.toBufferedImage();
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                assertEquals(expected[y][x], g.pixel(x, y), "grid pixel " + x + "," + y);
                assertEquals(expected[y][x], img.getRGB(x, y) & 0xFFFFFF, "image pixel " + x + "," + y);
            }
        }
        // the bar moves left as the value decreases (descending columns)
        int row0 = g.tileTop(0);
        assertTrue(dec.barX(values[0]) > dec.barX(values[9]));
        assertEquals(0xFFFFFF, g.pixel(tileLeft(g, 0) + dec.barX(values[0]), row0));
    }

    @Test
    void greyLevelsUseTheRoundingOfSaveImage() {
        LatentDecoder grey = new LatentDecoder() {
            public int latentSize() {
                return 1;
            }

            public int imageHeight() {
                return 1;
            }

            public int imageWidth() {
                return 1;
            }

            public float[] decode(float[] latents, int n) {
                float[] out = new float[n];
                for (int i = 0; i < n; i++) {
                    out[i] = 0.5f + latents[i] / 8f; // linear in z
                }
                return out;
            }
        };
        GridImage g = TraversalGrid.render(TraversalSpec.dlib().withSteps(3), grey);
        // values -1, 0, 1 -> 0.375, 0.5, 0.625 -> 96 (95.625+0.5), 128, 159 (159.375+0.5)
        assertEquals(0x606060, g.pixel(2, 2));
        assertEquals(0x808080, g.pixel(5, 2));
        assertEquals(0x9F9F9F, g.pixel(8, 2));
    }

    @Test
    void paperPresetAnnotatedImageIsTheExactGrid() {
        GridImage g = TraversalGrid.render(TraversalSpec.paper(), new BarDecoder(3, 8, 8));
        BufferedImage a = g.toAnnotatedImage();
        assertEquals(g.width(), a.getWidth());
        assertArrayEquals(g.toBufferedImage().getRGB(0, 0, g.width(), g.height(), null, 0, g.width()),
                a.getRGB(0, 0, g.width(), g.height(), null, 0, g.width()));
    }

    @Test
    void labelsGoInAMarginAndLeaveTheGridUntouched() {
        BarDecoder dec = new BarDecoder(3, 16, 16);
        double[] kl = {0.2, 1.5, 0.004};
        TraversalSpec spec = TraversalSpec.disentanglingVae();
        GridImage g = TraversalGrid.render(spec, dec, TraversalInputs.none().withScores(kl, "KL"));
        assertEquals(List.of("z1 KL=1.50", "z0 KL=0.20", "z2 KL=0.00 (inactive)"), g.rowLabels());
        assertTrue(g.inactive(2));
        BufferedImage right = g.toAnnotatedImage();
        assertTrue(right.getWidth() > g.width() + 2 * RowLabels.MARGIN_GAP);
        assertEquals(g.height(), right.getHeight());
        int[] grid = g.toBufferedImage().getRGB(0, 0, g.width(), g.height(), null, 0, g.width());
        assertArrayEquals(grid, right.getRGB(0, 0, g.width(), g.height(), null, 0, g.width()));
        int margin = right.getWidth() - g.width();
        assertTrue(countNot(right, g.width(), margin, 0xFFFFFF) > 20, "label text drawn in the right margin");

        GridImage left = TraversalGrid.render(spec.withLabels(LabelPosition.LEFT), dec, TraversalInputs.none().withScores(kl, "KL"));
        BufferedImage l = left.toAnnotatedImage();
        assertArrayEquals(grid, l.getRGB(l.getWidth() - g.width(), 0, g.width(), g.height(), null, 0, g.width()));
        assertTrue(countNot(l, 0, l.getWidth() - g.width(), 0xFFFFFF) > 20, "label text drawn in the left margin");
        // rows are decoded in score order: row 0 traverses dim 1
        float[] z = dec.latentsSeen.get(0);
        assertEquals(-2f, z[1], 0f);
        assertEquals(0f, z[0], 0f);
    }

    @Test
    void aDarkLabelStripHasLightLabelsAndTheSameGrid() {
        BarDecoder dec = new BarDecoder(3, 16, 16);
        GridImage g = TraversalGrid.render(TraversalSpec.disentanglingVae(), dec,
                TraversalInputs.none().withScores(new double[] {0.2, 1.5, 0.004}, "KL"));
        java.awt.Color strip = new java.awt.Color(0x0d, 0x11, 0x17);
        BufferedImage dark = RowLabels.annotate(g, strip);
        BufferedImage light = g.toAnnotatedImage();
        assertEquals(light.getWidth(), dark.getWidth(), "the same margin");
        assertArrayEquals(g.toBufferedImage().getRGB(0, 0, g.width(), g.height(), null, 0, g.width()),
                dark.getRGB(0, 0, g.width(), g.height(), null, 0, g.width()), "the grid's pixels untouched");
        int margin = dark.getWidth() - g.width();
        int background = 0;
        int bright = 0;
        for (int y = 0; y < dark.getHeight(); y++) {
            for (int x = g.width(); x < dark.getWidth(); x++) {
                int rgb = dark.getRGB(x, y) & 0xFFFFFF;
                background += rgb == (strip.getRGB() & 0xFFFFFF) ? 1 : 0;
                bright += ((rgb >> 8) & 0xff) > 200 ? 1 : 0;
            }
        }
        assertTrue(background > margin * dark.getHeight() / 2, "the strip is the dark colour");
        assertTrue(bright > 20, "the labels are drawn light on it");
    }

    private static int countNot(BufferedImage img, int x0, int w, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = x0; x < x0 + w; x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void columnStripIsAOneColumnGrid() {
        BarDecoder dec = new BarDecoder(3, 8, 6);
        GridImage g = TraversalGrid.render(TraversalSpec.paper(), dec);
        BufferedImage strip = g.columnStrip(4);
        assertEquals(6 + 4, strip.getWidth());
        assertEquals(g.height(), strip.getHeight());
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < strip.getWidth(); x++) {
                assertEquals(g.pixel(4 * 8 + x, y), strip.getRGB(x, y) & 0xFFFFFF);
            }
        }
    }

    @Test
    void dataAnchoredGridDecodesAroundThePosteriorMean() {
        BarDecoder dec = new BarDecoder(2, 4, 10);
        Posterior post = new Posterior(new float[]{0.5f, -0.5f}, new float[]{0f, 0f});
        TraversalSpec spec = TraversalSpec.paper().withAnchor(new TraversalAnchor.DataIndex(0))
                .withRange(new TraversalRange.Posterior(1)).withSteps(3);
        GridImage g = TraversalGrid.render(spec, dec, TraversalInputs.none().withAnchorPosterior(post));
        assertArrayEquals(new float[]{1.5f, 0.5f, -0.5f}, g.columnValues(0), 1e-6f);
        float[] z = dec.latentsSeen.get(0);
        assertArrayEquals(new float[]{1.5f, -0.5f, 0.5f, -0.5f, -0.5f, -0.5f, 0.5f, 0.5f, 0.5f, -0.5f, 0.5f, -1.5f}, z, 1e-6f);
    }

    @Test
    void wrongDecoderOutputIsAnError() {
        LatentDecoder broken = new BarDecoder(2, 4, 4) {
            @Override
            public float[] decode(float[] latents, int n) {
                return new float[n * 4 * 4 - 1];
            }
        };
        assertThrows(IllegalStateException.class, () -> TraversalGrid.render(TraversalSpec.paper(), broken));
    }

    /** Left edge (x) of the tile in column j: make_grid's layout, computed here independently of the renderer. */
    private static int tileLeft(GridImage g, int column) {
        return column * (g.tileWidth() + g.padding()) + g.padding();
    }
}
