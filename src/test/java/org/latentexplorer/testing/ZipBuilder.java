package org.latentexplorer.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Writes zip files byte by byte, for tests of hostile model files: entries whose declared sizes,
 * CRCs or compressed data lie, names that appear twice, and deflate bombs. Nothing here is used
 * by the application; generated files stay in the test's temporary directory.
 */
public final class ZipBuilder {
    private record Entry(String name, byte[] compressed, long crc, long declaredSize) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** An entry deflated honestly. */
    public ZipBuilder add(String name, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return addRaw(name, deflate(data), crc.getValue(), data.length);
    }

    /** An entry with the given raw deflate data, CRC and declared uncompressed size, whatever they hold. */
    public ZipBuilder addRaw(String name, byte[] compressed, long crc, long declaredSize) {
        entries.add(new Entry(name, compressed, crc, declaredSize));
        return this;
    }

    /** Every entry of an existing zip, passed through {@code edit} (name, data → new data, or null to drop it). */
    public static ZipBuilder copyOf(Path zip, BiFunction<String, byte[], byte[]> edit) throws IOException {
        ZipBuilder b = new ZipBuilder();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                byte[] data = edit.apply(e.getName(), z.readAllBytes());
                if (data != null) {
                    b.add(e.getName(), data);
                }
            }
        }
        return b;
    }

    /**
     * Raw deflate data of about {@code compressedBytes} bytes that inflates to roughly a thousand
     * times as many zero bytes: one sync-flushed block of zeros repeated, then an empty final block.
     */
    public static byte[] zeroBomb(int compressedBytes) {
        return zeroBomb(new byte[0], compressedBytes);
    }

    /** As {@link #zeroBomb(int)}, the zeros preceded by {@code prefix} (e.g. a valid file header). */
    public static byte[] zeroBomb(byte[] prefix, int compressedBytes) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream(compressedBytes + (1 << 16));
        byte[] buf = new byte[1 << 16];
        if (prefix.length > 0) {
            d.setInput(prefix);
            out.write(buf, 0, d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH));
        }
        Deflater z = new Deflater(Deflater.BEST_COMPRESSION, true);
        z.setInput(new byte[1 << 20]);
        int n = z.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
        z.end();
        d.end();
        while (out.size() < compressedBytes) {
            out.write(buf, 0, n);
        }
        out.write(0x03);
        out.write(0x00);
        return out.toByteArray();
    }

    public void write(Path file) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(bytes());
        }
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (Entry e : entries) {
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            int offset = out.size();
            ByteBuffer local = le(30 + name.length);
            local.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 8).putInt(0)
                    .putInt((int) e.crc()).putInt(e.compressed().length).putInt((int) e.declaredSize())
                    .putShort((short) name.length).putShort((short) 0).put(name);
            out.writeBytes(local.array());
            out.writeBytes(e.compressed());
            ByteBuffer c = le(46 + name.length);
            c.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0).putShort((short) 8).putInt(0)
                    .putInt((int) e.crc()).putInt(e.compressed().length).putInt((int) e.declaredSize())
                    .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(0).putInt(offset).put(name);
            central.writeBytes(c.array());
        }
        int cdOffset = out.size();
        out.writeBytes(central.toByteArray());
        ByteBuffer end = le(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries.size())
                .putShort((short) entries.size()).putInt(central.size()).putInt(cdOffset).putShort((short) 0);
        out.writeBytes(end.array());
        return out.toByteArray();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Raw deflate data of {@code data}. */
    public static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }
}
