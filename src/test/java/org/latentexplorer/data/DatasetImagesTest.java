package org.latentexplorer.data;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.UserInputException;

class DatasetImagesTest {
    @Test
    void limitKeepsTheFirstExamples() {
        DSprites all = new DSprites();
        Dataset first = Datasets.limit(all, 5);
        assertEquals(5, first.size());
        assertEquals(64, first.width());
        float[] a = new float[4096];
        float[] b = new float[4096];
        first.read(4, a, 0);
        all.read(4, b, 0);
        assertArrayEquals(b, a);
        assertEquals(all.classes(4)[5], first.factors().orElseThrow().classes(4)[5]);
        assertThrows(IndexOutOfBoundsException.class, () -> first.read(5, a, 0));
        assertSame(all, Datasets.limit(all, all.size()));
        UserInputException e = assertThrows(UserInputException.class, () -> Datasets.limit(all, 1_000_000));
        assertTrue(e.getMessage().contains("1000000") && e.getMessage().contains("737280"), e.getMessage());
        assertThrows(UserInputException.class, () -> Datasets.limit(all, 0));
    }

    @Test
    void examplesBecomeEightBitGreyImagesInOrder() {
        List<BufferedImage> images = DatasetImages.images(new DSprites(), new int[] {0, 737_279});
        assertEquals(2, images.size());
        BufferedImage img = images.get(0);
        assertEquals(64, img.getWidth());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, img.getType());
        assertEquals(255, img.getRaster().getSample(15, 15, 0));
        assertEquals(0, img.getRaster().getSample(0, 0, 0));
    }

    @Test
    void greyValuesAreRoundedAndClamped() {
        float[] values = {-0.5f, 0f, 0.5f / 255, 0.49f / 255, 0.5f, 1f, 1.7f, 0.2f};
        Dataset data = new Dataset() {
            public String description() {
                return "values";
            }

            public int size() {
                return 1;
            }

            public int height() {
                return 1;
            }

            public int width() {
                return values.length;
            }

            public void read(int index, float[] dst, int offset) {
                System.arraycopy(values, 0, dst, offset, values.length);
            }
        };
        BufferedImage img = DatasetImages.image(data, 0);
        int[] expected = {0, 0, 1, 0, 128, 255, 255, 51};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], img.getRaster().getSample(i, 0, 0), "value " + values[i]);
        }
    }

    @Test
    void anIndexOutOfRangeIsNamed() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> DatasetImages.images(new DSprites(), new int[] {3, 737_280}));
        assertTrue(e.getMessage().contains("737280") && e.getMessage().contains("[0, 737280)"), e.getMessage());
        assertThrows(UserInputException.class, () -> DatasetImages.image(new DSprites(), -1));
    }
}
