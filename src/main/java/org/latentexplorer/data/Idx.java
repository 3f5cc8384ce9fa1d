package org.latentexplorer.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.latentexplorer.common.UserInputException;

/**
 * Reader of IDX files (MNIST, Fashion-MNIST): unsigned-byte images (magic 2051) and labels (magic
 * 2049), plain or gzip-compressed (detected from the content, not the name).
 */
public final class Idx {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private Idx() {
    }

    /** Images as unsigned bytes, row-major, with their count and size. */
    public record Images(int count, int rows, int columns, byte[] pixels) {
    }

    public static Images readImages(Path file) {
        byte[] b = readAll(file);
        checkMagic(file, b, IMAGES_MAGIC, "image");
        if (b.length < 16) {
            throw UserInputException.forFile(file, "truncated IDX file: expected a 16-byte header, found " + b.length + " bytes");
        }
        ByteBuffer buf = ByteBuffer.wrap(b);
        buf.getInt();
        int n = buf.getInt();
        int rows = buf.getInt();
        int cols = buf.getInt();
        if (n < 0 || rows <= 0 || cols <= 0) {
            throw UserInputException.forFile(file, "invalid IDX dimensions " + n + "x" + rows + "x" + cols);
        }
        long expected = 16L + (long) n * rows * cols;
        if (b.length < expected) {
            throw UserInputException.forFile(file, "truncated IDX file: expected " + expected + " bytes for " + n + " images of "
                    + rows + "x" + cols + ", found " + b.length);
        }
        byte[] pixels = new byte[n * rows * cols];
        buf.get(pixels);
        return new Images(n, rows, cols, pixels);
    }

    public static byte[] readLabels(Path file) {
        byte[] b = readAll(file);
        checkMagic(file, b, LABELS_MAGIC, "label");
        if (b.length < 8) {
            throw UserInputException.forFile(file, "truncated IDX file: expected an 8-byte header, found " + b.length + " bytes");
        }
        ByteBuffer buf = ByteBuffer.wrap(b);
        buf.getInt();
        int n = buf.getInt();
        if (n < 0 || b.length < 8L + n) {
            throw UserInputException.forFile(file, "truncated IDX file: expected " + (8L + n) + " bytes for " + n + " labels, found " + b.length);
        }
        byte[] labels = new byte[n];
        buf.get(labels);
        return labels;
    }

    private static void checkMagic(Path file, byte[] b, int expected, String kind) {
        if (b.length < 4) {
            throw UserInputException.forFile(file, "truncated IDX file: " + b.length + " bytes");
        }
        int magic = ByteBuffer.wrap(b).getInt();
        if (magic != expected) {
            throw UserInputException.forFile(file, String.format("not an IDX %s file (magic 0x%08x, expected 0x%08x)", kind, magic, expected));
        }
    }

    private static byte[] readAll(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(raw, 1 << 16) : raw;
            return in.readAllBytes();
        } catch (java.nio.file.NoSuchFileException e) {
            throw UserInputException.forFile(file, "no such file");
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            throw UserInputException.forFile(file, "corrupt or truncated gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw UserInputException.forFile(file, "could not be read (" + e + ")", e);
        }
    }
}
