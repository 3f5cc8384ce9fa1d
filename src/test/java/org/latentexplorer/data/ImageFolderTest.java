package org.latentexplorer.data;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.UserInputException;

class ImageFolderTest {
    @TempDir
    Path dir;

    private static BufferedImage rgb(int w, int h, java.util.function.IntBinaryOperator colour) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, colour.applyAsInt(x, y));
            }
        }
        return img;
    }

    private static float[] read(Dataset d, int i) {
        float[] px = new float[64 * 64];
        d.read(i, px, 0);
        return px;
    }

    @Test
    void imagesAreFoundRecursivelyInSortedOrder() throws IOException {
        Path folder = dir.resolve("chairs");
        Files.createDirectories(folder.resolve("b/c"));
        for (String name : new String[] {"b/c/z.PNG", "b/a.bmp", "a.png", "b/c/y.gif", "m.jpg"}) {
            ImageIO.write(rgb(64, 64, (x, y) -> 0x808080), name.substring(name.lastIndexOf('.') + 1).toLowerCase(), folder.resolve(name).toFile());
        }
        Files.writeString(folder.resolve("notes.txt"), "ignored");
        ImageFolder data = (ImageFolder) DatasetSpec.parse("folder:" + folder).open(Split.TEST);
        assertEquals(5, data.size());
        assertEquals(folder.resolve("a.png"), data.file(0));
        assertEquals(folder.resolve("b/a.bmp"), data.file(1));
        assertEquals(folder.resolve("b/c/y.gif"), data.file(2));
        assertEquals(folder.resolve("b/c/z.PNG"), data.file(3));
        assertEquals(folder.resolve("m.jpg"), data.file(4));
        assertEquals(64, data.height());
        assertEquals(5, DatasetSpec.parse("folder:" + folder).open(Split.TRAIN).size(), "no split");
    }

    @Test
    void colourIsConvertedWithPillowsWeightsAndRoundedToUint8() throws IOException {
        Path folder = dir.resolve("colours");
        Files.createDirectories(folder);
        int[] colours = {0xff0000, 0x00ff00, 0x0000ff, 0x123456, 0xffffff, 0x000000, 0x7f3fc0};
        // Pillow's convert("L"): (19595·R + 38470·G + 7471·B + 0x8000) >> 16, e.g. pure red is 76, green 150, blue 29
        int[] expected = {76, 150, 29, 46, 255, 0, 97};
        ImageIO.write(rgb(64, 64, (x, y) -> colours[Math.min(x / 9, colours.length - 1)]), "png", folder.resolve("c.png").toFile());
        float[] px = read(ImageFolder.open(folder), 0);
        for (int k = 0; k < colours.length; k++) {
            assertEquals(expected[k] / 255f, px[20 * 64 + k * 9 + 1], 0f, Integer.toHexString(colours[k]));
            int c = colours[k];
            double weighted = 0.299 * (c >> 16 & 0xff) + 0.587 * (c >> 8 & 0xff) + 0.114 * (c & 0xff);
            assertEquals(weighted, expected[k], 1.0, "≈ 0.299R + 0.587G + 0.114B");
        }
    }

    @Test
    void greyImagesAreTakenAsStored() throws IOException {
        Path folder = dir.resolve("grey");
        Files.createDirectories(folder);
        BufferedImage g = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                g.getRaster().setSample(x, y, 0, (x * 4 + y) & 0xff);
            }
        }
        ImageIO.write(g, "png", folder.resolve("g.png").toFile());
        float[] px = read(ImageFolder.open(folder), 0);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                assertEquals(((x * 4 + y) & 0xff) / 255f, px[y * 64 + x], 0f, "no gamma conversion");
            }
        }
    }

    @Test
    void downscalingAveragesAreasExactly() throws IOException {
        Path folder = dir.resolve("sizes");
        Files.createDirectories(folder);
        // 128×128 checkerboard: every 2×2 block holds two white and two black pixels
        ImageIO.write(rgb(128, 128, (x, y) -> (x + y) % 2 == 0 ? 0xffffff : 0), "png", folder.resolve("a.png").toFile());
        // 96×96 (factor 1.5): left half red, right half white
        ImageIO.write(rgb(96, 96, (x, y) -> x < 48 ? 0xff0000 : 0xffffff), "png", folder.resolve("b.png").toFile());
        // 192×192 stripes of period 3 (factor 3): two white columns then one black
        ImageIO.write(rgb(192, 192, (x, y) -> x % 3 == 2 ? 0 : 0xffffff), "png", folder.resolve("c.png").toFile());
        ImageFolder data = ImageFolder.open(folder);
        float[] a = read(data, 0);
        for (float v : a) {
            assertEquals(128 / 255f, v, 0f, "127.5 rounds to 128, not nearest-neighbour 0 or 255");
        }
        float[] b = read(data, 1);
        int red = 76; // (19595·255 + 0x8000) >> 16
        assertEquals(red / 255f, b[10 * 64 + 5], 0f);
        assertEquals(1f, b[10 * 64 + 60], 0f);
        float[] c = read(data, 2);
        assertEquals(170 / 255f, c[30 * 64 + 17], 0f, "mean of 255, 255, 0 = 170");
    }

    @Test
    void transparencyIsCompositedOverWhite() throws IOException {
        Path folder = dir.resolve("alpha");
        Files.createDirectories(folder);
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, y, x < 32 ? 0x00000000 : 0x80000000);
            }
        }
        ImageIO.write(img, "png", folder.resolve("t.png").toFile());
        float[] px = read(ImageFolder.open(folder), 0);
        assertEquals(1f, px[5 * 64 + 5], 0f, "fully transparent black is white");
        assertEquals(Math.round(255 * (255 - 128) / 255.0) / 255f, px[5 * 64 + 40], 0f, "half transparent black is grey");
    }

    @Test
    void theCacheIsBoundedAndReadsAreRepeatable() throws IOException {
        Path folder = dir.resolve("many");
        Files.createDirectories(folder);
        for (int i = 0; i < 6; i++) {
            int v = i * 40;
            ImageIO.write(rgb(70, 70, (x, y) -> v << 16 | v << 8 | v), "png", folder.resolve(i + ".png").toFile());
        }
        ImageFolder data = ImageFolder.open(folder, 2);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 6; i++) {
                assertEquals(i * 40 / 255f, read(data, i)[100], 0f);
                assertTrue(data.cached() <= 2);
            }
        }
        assertEquals(0, ImageFolder.open(folder, 0).cached());
    }

    @Test
    void badFoldersAndFilesAreRejectedByName() throws IOException {
        Path empty = dir.resolve("none");
        Files.createDirectories(empty.resolve("sub"));
        Files.writeString(empty.resolve("sub/readme.txt"), "x");
        UserInputException e = assertThrows(UserInputException.class, () -> ImageFolder.open(empty));
        assertTrue(e.getMessage().startsWith(empty.toString()) && e.getMessage().contains("no images"), e.getMessage());
        e = assertThrows(UserInputException.class, () -> ImageFolder.open(dir.resolve("missing")));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());

        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("x.png"), "not a png");
        Files.write(broken.resolve("y.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 1, 2});
        ImageFolder data = ImageFolder.open(broken);
        for (int i = 0; i < 2; i++) {
            int index = i;
            e = assertThrows(UserInputException.class, () -> data.read(index, new float[4096], 0));
            assertTrue(e.getMessage().startsWith(data.file(i).toString()), e.getMessage());
        }
    }
}
