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
 * Bytes after the declared items are ignored (in a gzip file, up to {@value #MAX_TRAILING_BYTES},
 * read so that the gzip trailer's CRC and length are checked).
 *
 * <p>Reading is bounded by the file: a plain file's declared size is checked against its length
 * before anything is allocated; a gzip file's against the most its compressed bytes can inflate
 * to, and its body grows only with what is actually inflated.
 */
public final class Idx {
    /** Magic number of an unsigned-byte, 3-dimensional IDX file (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an unsigned-byte, 1-dimensional IDX file (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    /** The most bytes inflated after a gzip file's declared items, to reach and check its trailer. */
    static final int MAX_TRAILING_BYTES = 1 << 24;
    /** Deflate cannot expand data by more than about 1032:1. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private Idx() {
    }

    /** An open IDX stream and what is known about the file's size. */
    private record Source(DataInputStream in, boolean gzip, long fileBytes) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            in.close();
        }
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
        try (Source src = open(file)) {
            DataInputStream in = src.in();
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
            byte[] pixels = readBody(file, src, (int) body, 16, n + " images of " + rows + "x" + cols);
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
        try (Source src = open(file)) {
            DataInputStream in = src.in();
            checkMagic(file, in, LABELS_MAGIC, "label", 8);
            int n = readHeaderInt(file, in, 8, 4);
            if (n < 0) {
                throw UserInputException.forFile(file, "has an invalid IDX label count " + n);
            }
            return readBody(file, src, n, 8, n + " labels");
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    private static Source open(Path file) throws IOException {
        long size = Files.size(file);
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        InputStream in = gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
        return new Source(new DataInputStream(in), gzip, size);
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

    private static byte[] readBody(Path file, Source src, int bytes, int headerBytes, String what) throws IOException {
        long needed = headerBytes + (long) bytes;
        if (!src.gzip() && src.fileBytes() < needed) {
            throw UserInputException.forFile(file, "is truncated: its header declares " + what + ", so expected " + needed
                    + " bytes, found " + src.fileBytes() + " bytes (checked before reading)");
        }
        if (src.gzip() && bytes > src.fileBytes() * MAX_DEFLATE_RATIO) {
            throw UserInputException.forFile(file, "is truncated or corrupt: its header declares " + what + " (" + needed
                    + " bytes), more than its " + src.fileBytes() + " gzip-compressed bytes can hold");
        }
        InputStream in = src.in();
        byte[] body = new byte[src.gzip() ? Math.min(bytes, 1 << 20) : bytes];
        int got = 0;
        while (got < bytes) {
            if (got == body.length) {
                // grow with what was actually inflated, never to the declared size up front
                body = java.util.Arrays.copyOf(body, (int) Math.min(bytes, 2L * body.length));
            }
            int n = in.read(body, got, body.length - got);
            if (n < 0) {
                break;
            }
            got += n;
        }
        if (got < bytes) {
            throw UserInputException.forFile(file, "is truncated: expected " + needed + " bytes for " + what
                    + ", found " + (headerBytes + (long) got) + " bytes");
        }
        if (src.gzip()) {
            // read on to the end, so that GZIPInputStream checks the trailer's CRC and length
            long trailing = in.skip(MAX_TRAILING_BYTES);
            while (trailing < MAX_TRAILING_BYTES && in.read() >= 0) {
                trailing += 1 + in.skip(MAX_TRAILING_BYTES - trailing - 1);
            }
            if (trailing >= MAX_TRAILING_BYTES && in.read() >= 0) {
                throw UserInputException.forFile(file, "holds more than " + MAX_TRAILING_BYTES + " bytes after its " + what
                        + "; it is not an IDX file as expected");
            }
        }
        return body;
    }

    private static UserInputException failure(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return UserInputException.forFile(file, "no such file");
        }
        if (e instanceof ZipException && String.valueOf(e.getMessage()).contains("Corrupt GZIP trailer")) {
            return UserInputException.forFile(file, "is corrupt: its gzip CRC check failed (the data does not match its checksum)", e);
        }
        if (e instanceof EOFException || e instanceof ZipException) {
            return UserInputException.forFile(file, "is corrupt or truncated gzip data (" + e.getMessage() + ")", e);
        }
        return UserInputException.forFile(file, "could not be read (" + e + ")", e);
    }
}
