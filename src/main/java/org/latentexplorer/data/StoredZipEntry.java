package org.latentexplorer.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * Finds where the bytes of an uncompressed (STORED) zip entry begin in the archive, so that they
 * can be memory-mapped in place instead of copied. It reads the end-of-central-directory record
 * (ZIP64 included), the entry's central-directory header and its local header. Invariant: a
 * returned offset o satisfies {@code o + compressedSize <= file size}; anything it cannot vouch
 * for (entry absent, compressed, encrypted, odd layout) yields empty, and callers fall back to
 * {@link java.util.zip.ZipFile}.
 */
final class StoredZipEntry {
    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;
    private static final long MASK32 = 0xffffffffL;

    private StoredZipEntry() {
    }

    /** The file offset of the first data byte of STORED entry {@code name}, if it can be located. */
    static OptionalLong dataOffset(FileChannel ch, String name) throws IOException {
        long size = ch.size();
        int tail = (int) Math.min(size, 22 + 65535);
        ByteBuffer end = read(ch, size - tail, tail);
        int eocd = -1;
        for (int p = tail - 22; p >= 0; p--) {
            if (end.getInt(p) == EOCD) {
                eocd = p;
                break;
            }
        }
        if (eocd < 0) {
            return OptionalLong.empty();
        }
        long entries = end.getShort(eocd + 10) & 0xffff;
        long cdSize = end.getInt(eocd + 12) & MASK32;
        long cdOffset = end.getInt(eocd + 16) & MASK32;
        if ((entries == 0xffff || cdSize == MASK32 || cdOffset == MASK32) && eocd >= 20
                && end.getInt(eocd - 20) == ZIP64_LOCATOR) {
            long z64 = end.getLong(eocd - 20 + 8);
            if (z64 < 0 || z64 + 56 > size) {
                return OptionalLong.empty();
            }
            ByteBuffer z = read(ch, z64, 56);
            if (z.getInt(0) != ZIP64_EOCD) {
                return OptionalLong.empty();
            }
            entries = z.getLong(32);
            cdSize = z.getLong(40);
            cdOffset = z.getLong(48);
        }
        if (cdOffset < 0 || cdSize < 0 || cdOffset + cdSize > size || cdSize > Integer.MAX_VALUE) {
            return OptionalLong.empty();
        }
        ByteBuffer cd = read(ch, cdOffset, (int) cdSize);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        int p = 0;
        for (long e = 0; e < entries && p + 46 <= cd.limit(); e++) {
            if (cd.getInt(p) != CENTRAL) {
                return OptionalLong.empty();
            }
            int flags = cd.getShort(p + 8) & 0xffff;
            int method = cd.getShort(p + 10) & 0xffff;
            long compressed = cd.getInt(p + 20) & MASK32;
            long uncompressed = cd.getInt(p + 24) & MASK32;
            int nameLength = cd.getShort(p + 28) & 0xffff;
            int extraLength = cd.getShort(p + 30) & 0xffff;
            int commentLength = cd.getShort(p + 32) & 0xffff;
            long localOffset = cd.getInt(p + 42) & MASK32;
            if (p + 46 + nameLength + extraLength > cd.limit()) {
                return OptionalLong.empty();
            }
            if (equalsAt(cd, p + 46, nameLength, wanted)) {
                if (method != 0 || (flags & 1) != 0) {
                    return OptionalLong.empty();
                }
                // ZIP64 extra field: the 64-bit values of those fields that hold 0xffffffff, in this order
                int x = p + 46 + nameLength;
                int xEnd = x + extraLength;
                while (x + 4 <= xEnd) {
                    int id = cd.getShort(x) & 0xffff;
                    int len = cd.getShort(x + 2) & 0xffff;
                    if (id == 1) {
                        int q = x + 4;
                        if (uncompressed == MASK32 && q + 8 <= x + 4 + len) {
                            uncompressed = cd.getLong(q);
                            q += 8;
                        }
                        if (compressed == MASK32 && q + 8 <= x + 4 + len) {
                            compressed = cd.getLong(q);
                            q += 8;
                        }
                        if (localOffset == MASK32 && q + 8 <= x + 4 + len) {
                            localOffset = cd.getLong(q);
                        }
                    }
                    x += 4 + len;
                }
                if (localOffset < 0 || localOffset + 30 > size) {
                    return OptionalLong.empty();
                }
                ByteBuffer local = read(ch, localOffset, 30);
                if (local.getInt(0) != LOCAL) {
                    return OptionalLong.empty();
                }
                long data = localOffset + 30 + (local.getShort(26) & 0xffff) + (local.getShort(28) & 0xffff);
                if (compressed != uncompressed || data + compressed > size) {
                    return OptionalLong.empty();
                }
                return OptionalLong.of(data);
            }
            p += 46 + nameLength + extraLength + commentLength;
        }
        return OptionalLong.empty();
    }

    private static boolean equalsAt(ByteBuffer b, int at, int length, byte[] wanted) {
        if (length != wanted.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (b.get(at + i) != wanted[i]) {
                return false;
            }
        }
        return true;
    }

    private static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                throw new IOException("unexpected end of file at offset " + (position + b.position()));
            }
        }
        return b.flip();
    }
}
