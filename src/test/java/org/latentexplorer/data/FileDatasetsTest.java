package org.latentexplorer.data;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.UserInputException;

/** MNIST IDX files, image folders and the dSprites .npz, made here in small versions. */
class FileDatasetsTest {
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
    void mnistIsPaddedToThirtyTwoAndScaledBy255() throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(idxImages(3, 28, 28)));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), idxLabels(3));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), idxImages(2, 28, 28));
        MnistDataset train = (MnistDataset) DatasetSpec.parse("mnist:" + dir).open(Split.TRAIN);
        assertEquals(3, train.size());
        assertEquals(32, train.height());
        assertEquals(2, train.label(2).getAsInt());
        float[] px = new float[32 * 32];
        train.read(1, px, 0);
        for (int c = 0; c < 32; c++) {
            assertEquals(0f, px[c], "top padding");
            assertEquals(0f, px[31 * 32 + c], "bottom padding");
        }
        byte[] raw = idxImages(3, 28, 28);
        int r = 5;
        int c = 9;
        assertEquals((raw[16 + 784 + r * 28 + c] & 0xff) / 255f, px[(r + 2) * 32 + c + 2], 0f);
        MnistDataset test = (MnistDataset) DatasetSpec.parse("fashion-mnist:" + dir).open(Split.TEST);
        assertEquals(2, test.size());
        assertTrue(test.label(0).isEmpty());
    }

    @Test
    void badIdxFilesNameTheFileAndTheProblem() throws IOException {
        Path missing = dir.resolve("empty");
        Files.createDirectories(missing);
        UserInputException e = assertThrows(UserInputException.class, () -> MnistDataset.open(missing, Split.TRAIN, "MNIST"));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte"), e.getMessage());

        byte[] good = idxImages(4, 28, 28);
        Path truncated = dir.resolve("train-images-idx3-ubyte");
        Files.write(truncated, Arrays.copyOf(good, 1000));
        e = assertThrows(UserInputException.class, () -> MnistDataset.open(dir, Split.TRAIN, "MNIST"));
        assertTrue(e.getMessage().startsWith(truncated.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("expected " + good.length + " bytes"), e.getMessage());

        Files.write(truncated, idxLabels(4));
        e = assertThrows(UserInputException.class, () -> MnistDataset.open(dir, Split.TRAIN, "MNIST"));
        assertTrue(e.getMessage().contains("magic"), e.getMessage());

        Files.write(truncated, idxImages(2, 20, 20));
        e = assertThrows(UserInputException.class, () -> MnistDataset.open(dir, Split.TRAIN, "MNIST"));
        assertTrue(e.getMessage().contains("20x20"), e.getMessage());

        Files.delete(truncated);
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), Arrays.copyOf(gzip(good), 50));
        e = assertThrows(UserInputException.class, () -> MnistDataset.open(dir, Split.TRAIN, "MNIST"));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz"), e.getMessage());
    }

    @Test
    void imageFolderIsGreyAreaAveragedAndSorted() throws IOException {
        Path folder = dir.resolve("chairs");
        Files.createDirectories(folder.resolve("b"));
        BufferedImage red = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                red.setRGB(x, y, x < 64 ? 0xff0000 : 0xffffff);
            }
        }
        ImageIO.write(red, "png", folder.resolve("b/2.png").toFile());
        BufferedImage checker = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                checker.setRGB(x, y, (x + y) % 2 == 0 ? 0xffffff : 0x000000);
            }
        }
        ImageIO.write(checker, "png", folder.resolve("a.png").toFile());
        Files.writeString(folder.resolve("notes.txt"), "ignored");
        ImageFolder data = (ImageFolder) DatasetSpec.parse("folder:" + folder).open(Split.TEST);
        assertEquals(2, data.size());
        assertEquals(folder.resolve("a.png"), data.file(0));
        float[] px = new float[64 * 64];
        data.read(0, px, 0);
        // each output pixel averages a 2x2 block of the checkerboard: two white, two black
        assertEquals(Math.round(127.5) / 255f, px[10 * 64 + 10], 0f);
        data.read(1, px, 0);
        assertEquals(Math.round(0.299 * 255) / 255f, px[5 * 64 + 5], 0f, "PIL's red weight");
        assertEquals(1f, px[5 * 64 + 40], 0f);
    }

    @Test
    void badFoldersAreRejected() throws IOException {
        Path empty = dir.resolve("none");
        Files.createDirectories(empty);
        assertTrue(assertThrows(UserInputException.class, () -> ImageFolder.open(empty)).getMessage().contains("no images"));
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("x.png"), "not a png");
        ImageFolder data = ImageFolder.open(broken);
        UserInputException e = assertThrows(UserInputException.class, () -> data.read(0, new float[4096], 0));
        assertTrue(e.getMessage().startsWith(broken.resolve("x.png").toString()), e.getMessage());
    }

    static byte[] npy(String descr, long[] shape, byte[] body) {
        String dims = shape.length == 1 ? shape[0] + "," : String.join(", ", Arrays.stream(shape).mapToObj(Long::toString).toArray(String[]::new));
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims + "), }";
        int pad = (64 - (10 + header.length() + 1) % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + body.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        b.put(body);
        return b.array();
    }

    Path npz(String name, String imgsDescr, long[] shape, int n, boolean withClasses) throws IOException {
        DSprites procedural = new DSprites();
        byte[] imgs = new byte[(int) (shape[0] * shape[1] * shape[2])];
        float[] px = new float[4096];
        for (int i = 0; i < n && shape[1] == 64; i++) {
            procedural.read(i * 997, px, 0);
            for (int k = 0; k < 4096; k++) {
                imgs[i * 4096 + k] = (byte) px[k];
            }
        }
        Path f = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("imgs.npy"));
            zip.write(npy(imgsDescr, shape, imgs));
            zip.closeEntry();
            if (withClasses) {
                ByteBuffer c = ByteBuffer.allocate(n * 6 * 8).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < n; i++) {
                    for (int v : procedural.classes(i * 997)) {
                        c.putLong(v);
                    }
                }
                zip.putNextEntry(new ZipEntry("latents_classes.npy"));
                zip.write(npy("<i8", new long[] {n, 6}, c.array()));
                zip.closeEntry();
            }
        }
        return f;
    }

    @Test
    void officialNpzLayoutIsReadThroughACacheFile() throws IOException {
        Path f = npz("dsprites.npz", "|u1", new long[] {10, 64, 64}, 10, true);
        Path cache = dir.resolve("cache");
        DSpritesNpz data = DSpritesNpz.open(f, cache);
        assertEquals(10, data.size());
        float[] a = new float[4096];
        float[] b = new float[4096];
        DSprites procedural = new DSprites();
        for (int i = 0; i < 10; i++) {
            data.read(i, a, 0);
            procedural.read(i * 997, b, 0);
            assertArrayEquals(b, a, 0f);
            assertArrayEquals(procedural.classes(i * 997), data.factors().orElseThrow().classes(i));
        }
        try (var s = Files.list(cache)) {
            assertEquals(1, s.count(), "one raw cache file");
        }
        assertEquals(10, DSpritesNpz.open(f, cache).size(), "reopens from the cache");
    }

    @Test
    void badNpzFilesAreRejected() throws IOException {
        Path cache = dir.resolve("cache");
        Path wrongShape = npz("shape.npz", "|u1", new long[] {2, 32, 32}, 2, false);
        assertTrue(assertThrows(UserInputException.class, () -> DSpritesNpz.open(wrongShape, cache)).getMessage()
                .contains("expected (N, 64, 64)"));
        Path wrongType = npz("type.npz", "<f4", new long[] {1, 64, 64}, 0, false);
        assertTrue(assertThrows(UserInputException.class, () -> DSpritesNpz.open(wrongType, cache)).getMessage()
                .contains("uint8"));
        Path good = npz("good.npz", "|u1", new long[] {4, 64, 64}, 4, false);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.npz");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 3));
        UserInputException e = assertThrows(UserInputException.class, () -> DSpritesNpz.open(truncated, cache));
        assertTrue(e.getMessage().contains("truncated.npz"), e.getMessage());
        Path noImgs = dir.resolve("noimgs.npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(noImgs))) {
            zip.putNextEntry(new ZipEntry("other.npy"));
            zip.write(1);
            zip.closeEntry();
        }
        assertTrue(assertThrows(UserInputException.class, () -> DSpritesNpz.open(noImgs, cache)).getMessage().contains("'imgs'"));
    }

    @Test
    void specsParseAndRejectUnknownForms() {
        assertEquals("dsprites", DatasetSpec.parse("dsprites").canonical());
        DatasetSpec m = DatasetSpec.parse("mnist:/data/mnist");
        assertEquals(32, m.imageSize());
        assertEquals(64, m.defaultBatchSize());
        assertEquals(100, m.defaultEpochs());
        assertEquals(32, DatasetSpec.parse("folder:/x").defaultLatents());
        assertEquals(1.0, DatasetSpec.parse("folder:/x").backgroundValue());
        assertEquals(30, DatasetSpec.parse("dsprites").defaultEpochs());
        UserInputException e = assertThrows(UserInputException.class, () -> DatasetSpec.parse("cifar:/x"));
        assertTrue(e.getMessage().contains("mnist:DIR"), e.getMessage());
        assertThrows(UserInputException.class, () -> DatasetSpec.parse("mnist:"));
    }
}
