package org.latentexplorer.data;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.UserInputException;

class BatchesTest {
    @Test
    void anEpochVisitsEveryExampleOnceWithAPartialLastBatch() {
        Dataset data = Datasets.limit(new DSprites(), 70);
        Set<Integer> seen = new HashSet<>();
        int[] sizes = new int[4];
        try (Batches b = Batches.shuffled(data, 32, 5, 1)) {
            int k = 0;
            while (b.hasNext()) {
                Batches.Batch batch = b.next();
                sizes[k++] = batch.count();
                float[] one = new float[4096];
                for (int i = 0; i < batch.count(); i++) {
                    assertTrue(seen.add(batch.indices()[i]));
                    data.read(batch.indices()[i], one, 0);
                    assertArrayEquals(one, Arrays.copyOfRange(batch.pixels(), i * 4096, (i + 1) * 4096));
                }
            }
            assertEquals(3, b.delivered());
        }
        assertEquals(70, seen.size());
        assertArrayEquals(new int[] {32, 32, 6, 0}, sizes);
    }

    @Test
    void shuffleIsDeterminedBySeedAndEpoch() {
        assertArrayEquals(Batches.shuffledOrder(100, 1, 3), Batches.shuffledOrder(100, 1, 3));
        assertFalse(Arrays.equals(Batches.shuffledOrder(100, 1, 3), Batches.shuffledOrder(100, 1, 4)));
        assertFalse(Arrays.equals(Batches.shuffledOrder(100, 1, 3), Batches.shuffledOrder(100, 2, 3)));
        int[] sorted = Batches.shuffledOrder(100, 9, 9).clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 100; i++) {
            assertEquals(i, sorted[i]);
        }
    }

    @Test
    void inOrderAndEarlyCloseWork() {
        Dataset data = Datasets.limit(new DSprites(), 300);
        try (Batches b = Batches.inOrder(data, 128)) {
            Batches.Batch first = b.next();
            assertEquals(0, first.indices()[0]);
            assertEquals(127, first.indices()[127]);
            assertEquals(3, b.total());
        }
    }

    @Test
    void readerErrorsReachTheConsumer() {
        Dataset failing = new Dataset() {
            public String description() {
                return "failing";
            }

            public int size() {
                return 10;
            }

            public int height() {
                return 2;
            }

            public int width() {
                return 2;
            }

            public void read(int index, float[] dst, int offset) {
                if (index == 7) {
                    throw new UserInputException("image 7 is corrupt");
                }
            }
        };
        try (Batches b = Batches.inOrder(failing, 4)) {
            b.next();
            UserInputException e = assertThrows(UserInputException.class, () -> {
                while (b.hasNext()) {
                    b.next();
                }
            });
            assertEquals("image 7 is corrupt", e.getMessage());
        }
    }

    @Test
    void limitAndExport(@TempDir Path dir) throws Exception {
        assertThrows(UserInputException.class, () -> Datasets.limit(new DSprites(), 0));
        assertThrows(UserInputException.class, () -> Datasets.limit(new DSprites(), 1_000_000));
        var files = DatasetImages.export(new DSprites(), new int[] {0, 737_279}, dir);
        assertEquals(2, files.size());
        var img = javax.imageio.ImageIO.read(dir.resolve("0.png").toFile());
        assertEquals(64, img.getWidth());
        assertEquals(255, img.getRaster().getSample(15, 15, 0));
        assertEquals(0, img.getRaster().getSample(0, 0, 0));
        UserInputException e = assertThrows(UserInputException.class,
                () -> DatasetImages.export(new DSprites(), new int[] {737_280}, dir));
        assertTrue(e.getMessage().contains("737280"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("737280.png")));
    }
}
