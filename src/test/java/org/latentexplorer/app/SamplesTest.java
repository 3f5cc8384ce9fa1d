package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.Datasets;

/** The app's thumbnails and samples are the command line's spread subset: distinct examples, evenly spaced. */
class SamplesTest {
    /** n images whose pixels all hold their own index, so a read shows which example it was. */
    private static Dataset numbered(int n) {
        return new Dataset() {
            @Override
            public String description() {
                return n + " numbered images";
            }

            @Override
            public int size() {
                return n;
            }

            @Override
            public int height() {
                return 2;
            }

            @Override
            public int width() {
                return 2;
            }

            @Override
            public void read(int index, float[] dst, int offset) {
                Arrays.fill(dst, offset, offset + 4, index);
            }
        };
    }

    @Test
    void aSmallFolderShowsEveryImageOnce() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, Samples.spread(numbered(12), 12));
        assertArrayEquals(new int[] {0, 1, 2}, Samples.spread(numbered(3), 12), "fewer images than asked: all of them");
    }

    @Test
    void largeSetsGiveDistinctEvenlySpacedExamplesAsTheCommandLineDoes() {
        for (int size : new int[] {60_000, 737_280, 1_000, 257}) {
            Dataset data = numbered(size);
            int[] idx = Samples.spread(data, 256);
            assertEquals(256, Arrays.stream(idx).distinct().count(), size + " examples");
            Dataset cli = Datasets.spread(data, 256);
            float[] app = Samples.read(data, idx);
            float[] viaCli = new float[256 * 4];
            for (int i = 0; i < 256; i++) {
                cli.read(i, viaCli, i * 4);
                assertEquals((long) i * size / 256, idx[i], "example " + i + " is ⌊i·size/n⌋");
            }
            assertArrayEquals(viaCli, app, "the same images as --subset spread");
        }
    }
}
