package org.latentexplorer.data;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.testing.ZipBuilder;

/** Decompression bombs among folder images are refused from the header, before anything is decoded. */
class ImageBombTest {
    @TempDir
    Path dir;

    /** A valid greyscale PNG of width×height black pixels whose IDAT is a deflate bomb of about {@code compressed} bytes. */
    static byte[] pngBomb(int width, int height, int compressed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(out);
        d.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, 0, 0, 0, 0}); // 8-bit greyscale, deflate, no filter method, no interlace
        chunk(d, "IHDR", ihdr.toByteArray());
        ByteArrayOutputStream zlib = new ByteArrayOutputStream();
        zlib.write(0x78);
        zlib.write(0xda);
        zlib.write(ZipBuilder.zeroBomb(compressed)); // rows of filter 0 and black pixels: all zero bytes
        zlib.write(new byte[4]);
        chunk(d, "IDAT", zlib.toByteArray());
        chunk(d, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(DataOutputStream d, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt(data.length);
        d.write(t);
        d.write(data);
        d.writeInt((int) crc.getValue());
    }

    @Test
    void a30000By30000PngIsRefusedFromItsHeaderWithin1sAnd200MB() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("images"));
        Path bomb = folder.resolve("bomb.png");
        Files.write(bomb, pngBomb(30000, 30000, 875 << 10));
        assertTrue(Files.size(bomb) < 1 << 20, "under 1 MB on disk");
        ImageFolder data = ImageFolder.open(folder);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        long start = System.nanoTime();
        UserInputException e = assertThrows(UserInputException.class, () -> data.read(0, new float[64 * 64], 0));
        long millis = (System.nanoTime() - start) / 1_000_000;
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(e.getMessage().startsWith(bomb.toString()) && e.getMessage().contains("30000×30000"), e.getMessage());
        assertTrue(millis < 1000, millis + " ms");
        assertTrue(allocated < 200L << 20, (allocated >> 20) + " MB allocated");
    }

    @Test
    void theLimitIsConfigurableAndImagesWithinItAreRead() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("small"));
        ImageIO.write(new BufferedImage(100, 80, BufferedImage.TYPE_BYTE_GRAY), "png", folder.resolve("a.png").toFile());
        ImageFolder.open(folder, 0, 8000).read(0, new float[64 * 64], 0);
        UserInputException e = assertThrows(UserInputException.class,
                () -> ImageFolder.open(folder, 0, 7999).read(0, new float[64 * 64], 0));
        assertTrue(e.getMessage().contains("100×80") && e.getMessage().contains(ImageFolder.MAX_PIXELS_PROPERTY), e.getMessage());
    }
}
