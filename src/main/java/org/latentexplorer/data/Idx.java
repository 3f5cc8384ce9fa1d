package org.latentexplorer.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.latentexplorer.common.UserInputException;

/**
 * Reader of IDX files (MNIST, Fashion-MNIST): unsigned-byte images (magic 2051 = 0x803, header
 * {count, rows, columns}) and labels (magic 2049 = 0x801, header {count}), big-endian, plain or
 * gzip-compressed (detected from the gzip magic bytes, not the file name). Invariant: a returned
 * array holds exactly the declared number of items; any problem (missing file, bad magic, short
 * data, corrupt gzip) is a {@link UserInputException} whose message starts with the file's path.
 * Bytes after the declared items are ignored.
 */
public final class Idx {
    /** Magic number of an unsigned-byte, 3-dimensional IDX file (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an unsigned-byte, 1-dimensional IDX file (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    private Idx() {
    }

    /** Images as unsigned bytes, row-major, image after image. */
    public record Images(int count, int rows, int columns, byte[] pixels) {
        /** Pixel (r, c) of image i as 0..255. */
        public int pixel(int i, int r, int c) {
            return pixels[(i * rows + r) * columns + c] & 0xff;
        }
    }

    /**
     * Reads an IDX image file.
     *
     * @throws UserInputException naming the file: missing, bad magic, truncated (bytes expected vs found), corrupt gzip
     */
    public static Images readImages(Path file) {
        try (DataInputStream in = open(file)) {
            checkMagic(file, in, IMAGES_MAGIC, "image", 16);
            int n = readHeaderInt(file, in, 16, 4);
            int rows = readHeaderInt(file, in, 16, 8);
            int cols = readHeaderInt(file, in, 16, 12);
            if (n < 0 || rows <= 0 || cols <= 0) {
                throw UserInputException.forFile(file, "has invalid IDX dimensions " + n + "x" + rows + "x" + cols);
            }
            long body = (long) n * rows * cols;
            if (body > Integer.MAX_VALUE - 64) {
                throw UserInputException.forFile(file, "declares " + n + " images of " + rows + "x" + cols + ", too many to hold");
            }
            byte[] pixels = readBody(file, in, (int) body, 16, n + " images of " + rows + "x" + cols);
            return new Images(n, rows, cols, pixels);
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    /**
     * Reads an IDX label file.
     *
     * @throws UserInputException naming the file: missing, bad magic, truncated (bytes expected vs found), corrupt gzip
     */
    public static byte[] readLabels(Path file) {
        try (DataInputStream in = open(file)) {
            checkMagic(file, in, LABELS_MAGIC, "label", 8);
            int n = readHeaderInt(file, in, 8, 4);
            if (n < 0) {
                throw UserInputException.forFile(file, "has an invalid IDX label count " + n);
            }
            return readBody(file, in, n, 8, n + " labels");
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        InputStream in = (b0 == 0x1f && b1 == 0x8b) ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
        return new DataInputStream(in);
    }

    private static void checkMagic(Path file, DataInputStream in, int expected, String kind, int headerBytes) throws IOException {
        byte[] m = in.readNBytes(4);
        if (m.length < 4) {
            throw UserInputException.forFile(file, "is truncated: expected at least a " + headerBytes + "-byte IDX " + kind
                    + " header, found " + m.length + " bytes");
        }
        int magic = (m[0] & 0xff) << 24 | (m[1] & 0xff) << 16 | (m[2] & 0xff) << 8 | (m[3] & 0xff);
        if (magic != expected) {
            throw UserInputException.forFile(file, String.format("is not an IDX %s file (magic number %d = 0x%08x, expected %d = 0x%08x)",
                    kind, magic, magic, expected, expected));
        }
    }

    private static int readHeaderInt(Path file, DataInputStream in, int headerBytes, int position) throws IOException {
        byte[] b = in.readNBytes(4);
        if (b.length < 4) {
            throw UserInputException.forFile(file, "is truncated: expected a " + headerBytes + "-byte IDX header, found "
                    + (position + b.length) + " bytes");
        }
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }

    private static byte[] readBody(Path file, InputStream in, int bytes, int headerBytes, String what) throws IOException {
        byte[] body = new byte[bytes];
        int got = in.readNBytes(body, 0, bytes);
        if (got < bytes) {
            throw UserInputException.forFile(file, "is truncated: expected " + (headerBytes + (long) bytes) + " bytes for " + what
                    + ", found " + (headerBytes + (long) got) + " bytes");
        }
        return body;
    }

    private static UserInputException failure(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return UserInputException.forFile(file, "no such file");
        }
        if (e instanceof EOFException || e instanceof ZipException) {
            return UserInputException.forFile(file, "is corrupt or truncated gzip data (" + e.getMessage() + ")", e);
        }
        return UserInputException.forFile(file, "could not be read (" + e + ")", e);
    }
}
