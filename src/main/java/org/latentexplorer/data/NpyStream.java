package org.latentexplorer.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.latentexplorer.common.Npy;

/**
 * Reads {@code .npy} arrays (header versions 1.0, 2.0 and 3.0, parsed by {@link Npy#readHeader})
 * as a stream of numbers, for the dtypes a dSprites {@code .npz} uses: {@code |u1}, {@code <i8},
 * {@code <f8}, and {@code <f4}, {@code <i4} for generality. Only C order. Invariant: a method
 * either delivers exactly the number of elements the header declares or throws an
 * {@link IOException} whose message says what is wrong (dtype, order, shape, truncation).
 */
final class NpyStream {
    private NpyStream() {
    }

    /** A parsed header and its length in bytes (magic, version and length fields included). */
    record Header(Npy.Header header, long bytes) {
        String descr() {
            return header.descr();
        }

        long[] shape() {
            return header.shape();
        }

        String shapeText() {
            return Arrays.toString(header.shape()).replace('[', '(').replace(']', ')');
        }
    }

    /** Reads the header, leaving {@code in} at the first data byte. */
    static Header readHeader(InputStream in) throws IOException {
        Counting counting = new Counting(in);
        Npy.Header h = Npy.readHeader(counting);
        if (h.fortranOrder()) {
            throw new IOException("is stored in Fortran order (fortran_order: True), which is not supported;"
                    + " re-save it in C order (numpy.ascontiguousarray)");
        }
        return new Header(h, counting.count);
    }

    /** Bytes per element of a supported dtype, or -1. */
    static int itemSize(String descr) {
        return switch (descr) {
            case "|u1", "<u1", "u1", "|b1" -> 1;
            case "<f4", "<i4" -> 4;
            case "<f8", "<i8" -> 8;
            default -> -1;
        };
    }

    /** Receives elements in C order. */
    @FunctionalInterface
    interface DoubleSink {
        void accept(long i, double value) throws IOException;
    }

    /**
     * Streams {@code count} elements of dtype {@code descr} from {@code in} to {@code sink}.
     *
     * @throws IOException if the dtype is unsupported or the data ends early (saying how many bytes were expected and found)
     */
    static void readElements(InputStream in, String descr, long count, DoubleSink sink) throws IOException {
        int item = itemSize(descr);
        if (item < 0) {
            throw new IOException("has unsupported dtype '" + descr + "' (expected |u1, <i4, <i8, <f4 or <f8)");
        }
        byte[] chunk = new byte[item * 8192];
        ByteBuffer buf = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        long done = 0;
        while (done < count) {
            int want = (int) Math.min(8192, count - done);
            int got = in.readNBytes(chunk, 0, want * item);
            if (got < want * item) {
                throw new IOException("is truncated: expected " + count * item + " data bytes, found " + (done * item + got));
            }
            for (int k = 0; k < want; k++) {
                int at = k * item;
                double v = switch (descr) {
                    case "<f4" -> buf.getFloat(at);
                    case "<i4" -> buf.getInt(at);
                    case "<f8" -> buf.getDouble(at);
                    case "<i8" -> buf.getLong(at);
                    default -> chunk[at] & 0xff;
                };
                sink.accept(done + k, v);
            }
            done += want;
        }
    }

    /** Counts the bytes read through it. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
