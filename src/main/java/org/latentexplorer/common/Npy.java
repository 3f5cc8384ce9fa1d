package org.latentexplorer.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy {@code .npy}: headers of any version and dtype, and little-endian float32 arrays in C
 * order (what model files store their weights as, so that {@code numpy.load} reads them too).
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** A float32 array with its shape. */
    public record FloatArray(long[] shape, float[] data) {
    }

    /** Writes {@code data} with {@code shape} as a float32 .npy. */
    public static void writeFloat32(OutputStream out, long[] shape, float[] data) throws IOException {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + data.length + " values");
        }
        StringBuilder dims = new StringBuilder();
        for (long s : shape) {
            dims.append(s).append(", ");
        }
        String shapeText = shape.length == 1 ? shape[0] + "," : dims.substring(0, Math.max(0, dims.length() - 2));
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + shapeText + "), }";
        int total = MAGIC.length + 2 + 2 + header.length() + 1;
        int pad = (64 - total % 64) % 64;
        StringBuilder h = new StringBuilder(header);
        h.append(" ".repeat(pad)).append('\n');
        byte[] hb = h.toString().getBytes(StandardCharsets.US_ASCII);
        out.write(MAGIC);
        out.write(1);
        out.write(0);
        out.write(hb.length & 0xff);
        out.write((hb.length >> 8) & 0xff);
        out.write(hb);
        ByteBuffer buf = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(data);
        out.write(buf.array());
    }

    /** A parsed .npy header: the dtype descriptor, memory order and shape. */
    public record Header(String descr, boolean fortranOrder, long[] shape) {
        /** Number of elements. */
        public long elements() {
            long n = 1;
            for (long s : shape) {
                n *= s;
            }
            return n;
        }
    }

    /**
     * Reads the magic, version and header of a .npy stream, leaving the stream at the first data byte.
     *
     * @throws IOException with a message saying what is wrong (bad magic, truncation, malformed header)
     */
    public static Header readHeader(InputStream in) throws IOException {
        byte[] magic = in.readNBytes(8);
        if (magic.length < 8 || !Arrays.equals(Arrays.copyOf(magic, 6), MAGIC)) {
            throw new IOException("not a .npy array (bad magic)");
        }
        int major = magic[6];
        int headerLength;
        if (major == 1) {
            byte[] l = in.readNBytes(2);
            if (l.length < 2) {
                throw new IOException("truncated .npy header");
            }
            headerLength = (l[0] & 0xff) | (l[1] & 0xff) << 8;
        } else if (major == 2 || major == 3) {
            byte[] l = in.readNBytes(4);
            if (l.length < 4) {
                throw new IOException("truncated .npy header");
            }
            headerLength = ByteBuffer.wrap(l).order(ByteOrder.LITTLE_ENDIAN).getInt();
        } else {
            throw new IOException("unsupported .npy version " + major);
        }
        if (headerLength < 0 || headerLength > 1 << 20) {
            throw new IOException("implausible .npy header length " + headerLength);
        }
        byte[] hb = in.readNBytes(headerLength);
        if (hb.length < headerLength) {
            throw new IOException("truncated .npy header");
        }
        String header = new String(hb, StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shapeM = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shapeM.find()) {
            throw new IOException("malformed .npy header: " + header.trim());
        }
        long[] shape;
        try {
            shape = Arrays.stream(shapeM.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .mapToLong(Long::parseLong).toArray();
        } catch (NumberFormatException e) {
            throw new IOException("malformed .npy shape: (" + shapeM.group(1) + ")");
        }
        for (long s : shape) {
            if (s < 0) {
                throw new IOException("negative dimension in .npy shape");
            }
        }
        return new Header(descr.group(1), fortran.group(1).equals("True"), shape);
    }

    /**
     * Reads a float32 C-order .npy.
     *
     * @throws IOException with a message saying what is wrong (bad magic, dtype, truncation)
     */
    public static FloatArray readFloat32(InputStream in) throws IOException {
        return readFloat32(readHeader(in), in);
    }

    /**
     * Reads the data of a float32 C-order .npy whose header has been read (so that a caller can
     * check the shape before any data is read or allocated).
     */
    public static FloatArray readFloat32(Header h, InputStream in) throws IOException {
        if (!h.descr().equals("<f4")) {
            throw new IOException("expected float32 ('<f4') data, found '" + h.descr() + "'");
        }
        if (h.fortranOrder()) {
            throw new IOException("Fortran-ordered arrays are not supported");
        }
        long n = h.elements();
        if (n > Integer.MAX_VALUE / 4) {
            throw new IOException("array too large: " + n + " values");
        }
        byte[] body = in.readNBytes((int) n * 4);
        if (body.length < n * 4) {
            throw new IOException("truncated .npy data: expected " + n * 4 + " bytes, found " + body.length);
        }
        float[] data = new float[(int) n];
        ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
        return new FloatArray(h.shape(), data);
    }

    /** Serialises to bytes (convenience for zip entries). */
    public static byte[] toBytes(long[] shape, float[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 4 + 128);
        try {
            writeFloat32(out, shape, data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
