package org.latentexplorer.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.UserInputException;

/** IDX files whose header lies about their size, and gzip files whose CRC does not match their data. */
class IdxHostileTest {
    @TempDir
    Path dir;

    /** An IDX image file declaring {@code declared} 28×28 images but holding {@code actual}. */
    private static byte[] images(int declared, int actual) {
        ByteBuffer b = ByteBuffer.allocate(16 + actual * 784);
        b.putInt(Idx.IMAGES_MAGIC).putInt(declared).putInt(28).putInt(28);
        for (int i = 0; i < actual * 784; i++) {
            b.put((byte) (i * 31));
        }
        return b.array();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    /** Runs {@code read} and returns the bytes it allocated on this thread. */
    private static long allocatedBy(Runnable read) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        read.run();
        return threads.getThreadAllocatedBytes(id) - before;
    }

    private static UserInputException refused(Path f, Supplier<?> read, String... fragments) {
        UserInputException e = assertThrows(UserInputException.class, read::get);
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' not in: " + e.getMessage());
        }
        return e;
    }

    @Test
    void aFalseCountIsRefusedWithoutAllocatingIt() throws IOException {
        Path plain = Files.write(dir.resolve("plain-idx3-ubyte"), images(2_700_000, 500));
        Path gz = Files.write(dir.resolve("gz-idx3-ubyte.gz"), gzip(images(2_700_000, 500)));
        for (Path f : new Path[] {plain, gz}) {
            long allocated = allocatedBy(() -> refused(f, () -> Idx.readImages(f), "2700000 images", "truncated"));
            assertTrue(allocated < 32L << 20, f + ": " + (allocated >> 20) + " MB allocated for a 400 kB file declaring 2 GB");
        }
        Path labels = Files.write(dir.resolve("labels-idx1-ubyte"), ByteBuffer.allocate(8).putInt(Idx.LABELS_MAGIC)
                .putInt(2_000_000_000).array());
        long allocated = allocatedBy(() -> refused(labels, () -> Idx.readLabels(labels), "2000000000 labels", "truncated"));
        assertTrue(allocated < 32L << 20, (allocated >> 20) + " MB allocated");
    }

    @Test
    void aGzipCrcMismatchIsRefused() throws IOException {
        byte[] z = gzip(images(20, 20));
        z[z.length - 8] ^= 0x01; // the trailer's CRC-32
        Path f = Files.write(dir.resolve("train-images-idx3-ubyte.gz"), z);
        refused(f, () -> Idx.readImages(f), "corrupt", "CRC");
        z[z.length - 8] ^= 0x01;
        Files.write(f, z);
        assertEquals(20, Idx.readImages(f).count(), "the intact file reads");
    }
}
