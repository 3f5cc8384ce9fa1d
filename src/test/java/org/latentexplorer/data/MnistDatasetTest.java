package org.latentexplorer.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.UserInputException;

/** IDX files and MNIST / Fashion-MNIST directories, made here in small versions. */
class MnistDatasetTest {
    @TempDir
    Path dir;

    static byte[] idxImages(int n, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * rows * cols);
        b.putInt(0x803).putInt(n).putInt(rows).putInt(cols);
        for (int i = 0; i < n * rows * cols; i++) {
            b.put((byte) ((i * 7 + i / (rows * cols)) % 256));
        }
        return b.array();
    }

    static byte[] idxLabels(int n) {
        ByteBuffer b = ByteBuffer.allocate(8 + n);
        b.putInt(0x801).putInt(n);
        for (int i = 0; i < n; i++) {
            b.put((byte) (i % 10));
        }
        return b.array();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void imagesArePaddedToThirtyTwoAndScaledBy255() throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(idxImages(3, 28, 28)));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), idxLabels(3));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), idxImages(2, 28, 28));
        MnistDataset train = (MnistDataset) DatasetSpec.parse("mnist:" + dir).open(Split.TRAIN);
        assertEquals(3, train.size());
        assertEquals(32, train.height());
        assertEquals(32, train.width());
        assertTrue(train.hasLabels());
        assertEquals(2, train.label(2).getAsInt());
        FactorLabels digits = train.factors().orElseThrow();
        assertEquals(List.of("digit"), digits.names());
        assertArrayEquals(new int[] {2}, digits.classes(2));
        assertArrayEquals(new double[] {1}, digits.values(1));
        assertThrows(IndexOutOfBoundsException.class, () -> digits.classes(3));
        byte[] raw = idxImages(3, 28, 28);
        float[] px = new float[5 + 32 * 32];
        train.read(1, px, 5);
        for (int r = 0; r < 32; r++) {
            for (int c = 0; c < 32; c++) {
                float v = px[5 + r * 32 + c];
                if (r < 2 || r >= 30 || c < 2 || c >= 30) {
                    assertEquals(0f, v, "zero padding at " + r + "," + c);
                } else {
                    assertEquals((raw[16 + 784 + (r - 2) * 28 + (c - 2)] & 0xff) / 255f, v, 0f);
                }
            }
        }
        MnistDataset test = (MnistDataset) DatasetSpec.parse("fashion-mnist:" + dir).open(Split.TEST);
        assertEquals(2, test.size());
        assertFalse(test.hasLabels());
        assertTrue(test.label(0).isEmpty());
        assertTrue(test.factors().isEmpty(), "no label file, no factors");
        assertTrue(test.description().startsWith("Fashion-MNIST test"), test.description());
        assertThrows(IndexOutOfBoundsException.class, () -> test.read(2, px, 0));
    }

    @Test
    void plainAndGzipFilesReadTheSame() throws IOException {
        byte[] images = idxImages(4, 28, 28);
        Path plain = dir.resolve("plain");
        Path gz = dir.resolve("compressed.bin"); // detected from the content, not the name
        Files.write(plain, images);
        Files.write(gz, gzip(images));
        Idx.Images a = Idx.readImages(plain);
        Idx.Images b = Idx.readImages(gz);
        assertArrayEquals(a.pixels(), b.pixels());
        assertEquals(4, a.count());
        assertEquals(images[16 + 784 * 3 + 28 * 5 + 6] & 0xff, a.pixel(3, 5, 6));
        Files.write(plain, idxLabels(12));
        assertEquals(12, Idx.readLabels(plain).length);
        assertEquals(7, Idx.readLabels(plain)[7]);
    }

    @Test
    void theKaggleSpellingIsAccepted() throws IOException {
        Files.write(dir.resolve("t10k-images.idx3-ubyte"), idxImages(2, 28, 28));
        Files.write(dir.resolve("t10k-labels.idx1-ubyte"), idxLabels(2));
        MnistDataset test = MnistDataset.open(dir, Split.TEST, "Fashion-MNIST");
        assertEquals(1, test.label(1).getAsInt());
    }

    @Test
    void aMissingFileListsTheNamesLookedFor() throws IOException {
        UserInputException e = assertThrows(UserInputException.class, () -> MnistDataset.open(dir, Split.TRAIN, "MNIST"));
        assertTrue(e.getMessage().startsWith(dir.toString()), e.getMessage());
        for (String name : new String[] {"train-images-idx3-ubyte", "train-images-idx3-ubyte.gz", "train-images.idx3-ubyte"}) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
        e = assertThrows(UserInputException.class, () -> MnistDataset.open(dir.resolve("absent"), Split.TEST, "MNIST"));
        assertTrue(e.getMessage().contains("absent"), e.getMessage());
        e = assertThrows(UserInputException.class, () -> Idx.readImages(dir.resolve("nothing")));
        assertTrue(e.getMessage().startsWith(dir.resolve("nothing").toString()) && e.getMessage().contains("no such file"));
    }

    @Test
    void truncatedFilesSayHowManyBytesWereExpectedAndFound() throws IOException {
        byte[] good = idxImages(4, 28, 28);
        Path file = dir.resolve("train-images-idx3-ubyte");
        Files.write(file, Arrays.copyOf(good, 1000));
        UserInputException e = assertThrows(UserInputException.class, () -> MnistDataset.open(dir, Split.TRAIN, "MNIST"));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("expected " + good.length + " bytes") && e.getMessage().contains("found 1000 bytes"),
                e.getMessage());

        Files.write(file, Arrays.copyOf(good, 10));
        e = assertThrows(UserInputException.class, () -> Idx.readImages(file));
        assertTrue(e.getMessage().contains("16-byte") && e.getMessage().contains("found 10 bytes"), e.getMessage());

        Files.write(file, Arrays.copyOf(idxLabels(50), 30));
        e = assertThrows(UserInputException.class, () -> Idx.readLabels(file));
        assertTrue(e.getMessage().contains("expected 58 bytes") && e.getMessage().contains("found 30 bytes"), e.getMessage());
        Files.delete(file);

        Path gz = dir.resolve("train-images-idx3-ubyte.gz");
        Files.write(gz, Arrays.copyOf(gzip(good), 50));
        e = assertThrows(UserInputException.class, () -> MnistDataset.open(dir, Split.TRAIN, "MNIST"));
        assertTrue(e.getMessage().startsWith(gz.toString()), e.getMessage());

        // a complete gzip stream of too little data
        Files.write(gz, gzip(Arrays.copyOf(good, 2000)));
        e = assertThrows(UserInputException.class, () -> MnistDataset.open(dir, Split.TRAIN, "MNIST"));
        assertTrue(e.getMessage().contains("expected " + good.length + " bytes") && e.getMessage().contains("found 2000 bytes"),
                e.getMessage());
    }

    @Test
    void badMagicAndWrongDimensionsNameTheFile() throws IOException {
        Path file = dir.resolve("train-images-idx3-ubyte");
        Files.write(file, idxLabels(4));
        UserInputException e = assertThrows(UserInputException.class, () -> MnistDataset.open(dir, Split.TRAIN, "MNIST"));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("magic"), e.getMessage());

        Files.write(file, idxImages(2, 20, 20));
        e = assertThrows(UserInputException.class, () -> MnistDataset.open(dir, Split.TRAIN, "MNIST"));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("20x20"), e.getMessage());

        Files.write(file, idxImages(3, 28, 28));
        Path labels = dir.resolve("train-labels-idx1-ubyte");
        Files.write(labels, idxLabels(5));
        e = assertThrows(UserInputException.class, () -> MnistDataset.open(dir, Split.TRAIN, "MNIST"));
        assertTrue(e.getMessage().startsWith(labels.toString()) && e.getMessage().contains("5 labels"), e.getMessage());

        Files.write(labels, idxImages(3, 28, 28));
        e = assertThrows(UserInputException.class, () -> MnistDataset.open(dir, Split.TRAIN, "MNIST"));
        assertTrue(e.getMessage().startsWith(labels.toString()) && e.getMessage().contains("magic"), e.getMessage());
    }
}
