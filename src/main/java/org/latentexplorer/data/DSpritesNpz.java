package org.latentexplorer.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.UserInputException;

/**
 * The official dSprites archive {@code dsprites_ndarray_co1sh3sc6or40x32y32_64x64.npz} (or any
 * archive of the same layout and any N): {@code imgs} uint8 (N, 64, 64) in {0, 1}, and optionally
 * {@code latents_classes} int64 (N, 6) and {@code latents_values} float64 (N, 6).
 *
 * <p>The images are never held on the heap. A STORED (uncompressed) {@code imgs} entry is
 * memory-mapped in place; a deflated one is streamed once, CRC-checked, into a raw cache file
 * {@code dsprites-imgs-<size>-<mtime>-<crc>.u8} (named by the archive's size, modification time
 * and the entry's CRC, so a changed archive never reuses a stale cache) under
 * {@code $LATENT_EXPLORER_CACHE} or {@code ~/.cache/latent-explorer}, written atomically, and
 * memory-mapped in pieces of at most 1 GiB. The factor columns (a few tens of MB) are read into
 * memory. Invariants: {@link #read} gives exactly 0 or 1 (any non-zero byte is 1); every problem
 * with the archive is a {@link UserInputException} whose message starts with the archive's path.
 * Reads are thread-safe (absolute reads from read-only mappings).
 */
public final class DSpritesNpz implements Dataset {
    private static final int SIZE = 64;
    private static final int IMAGE_BYTES = SIZE * SIZE;
    private static final int FACTORS = 6;
    /** Images per mapping: 2^18 images = 1 GiB. */
    private static final int CHUNK_IMAGES = 1 << 18;

    private final Path file;
    private final int count;
    private final MappedByteBuffer[] chunks;
    private final FactorLabels factors;

    private DSpritesNpz(Path file, int count, MappedByteBuffer[] chunks, FactorLabels factors) {
        this.file = file;
        this.count = count;
        this.chunks = chunks;
        this.factors = factors;
    }

    /** Opens {@code npz} with the default cache directory. */
    public static DSpritesNpz open(Path npz) {
        return open(npz, defaultCacheDir());
    }

    /** {@code $LATENT_EXPLORER_CACHE}, else {@code ~/.cache/latent-explorer}. */
    public static Path defaultCacheDir() {
        String env = System.getenv("LATENT_EXPLORER_CACHE");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "latent-explorer");
    }

    /**
     * Opens {@code npz}, extracting a deflated {@code imgs} array into {@code cacheDir} on first use.
     *
     * @throws UserInputException if the file is missing, not a valid zip (corrupt, truncated), lacks
     *     {@code imgs}, or an array has the wrong dtype, order or shape
     */
    public static DSpritesNpz open(Path npz, Path cacheDir) {
        if (!Files.isRegularFile(npz)) {
            throw UserInputException.forFile(npz, "no such file (expected the dSprites .npz archive)");
        }
        try (ZipFile zip = new ZipFile(npz.toFile())) {
            ZipEntry imgs = entry(zip, "imgs");
            if (imgs == null) {
                throw UserInputException.forFile(npz, "has no 'imgs' array (entries: " + entryNames(zip)
                        + "); is it the dSprites .npz?");
            }
            NpyStream.Header header;
            try (InputStream in = new BufferedInputStream(zip.getInputStream(imgs))) {
                header = NpyStream.readHeader(in);
            } catch (IOException e) {
                throw arrayProblem(npz, "imgs", e);
            }
            if (NpyStream.itemSize(header.descr()) != 1 || header.descr().equals("|b1")) {
                throw UserInputException.forFile(npz, "'imgs' has dtype '" + header.descr() + "', expected uint8 ('|u1')");
            }
            long[] shape = header.shape();
            if (shape.length != 3 || shape[1] != SIZE || shape[2] != SIZE || shape[0] < 1 || shape[0] > Integer.MAX_VALUE) {
                throw UserInputException.forFile(npz, "'imgs' has shape " + header.shapeText() + ", expected (N, 64, 64) with N >= 1");
            }
            int n = (int) shape[0];
            long dataBytes = (long) n * IMAGE_BYTES;
            if (imgs.getSize() >= 0 && imgs.getSize() < header.bytes() + dataBytes) {
                throw UserInputException.forFile(npz, "'imgs' is truncated: expected " + (header.bytes() + dataBytes)
                        + " bytes for " + n + " images, the archive holds " + imgs.getSize());
            }
            MappedByteBuffer[] chunks = null;
            if (imgs.getMethod() == ZipEntry.STORED) {
                chunks = mapStored(npz, imgs.getName(), header.bytes(), n);
            }
            if (chunks == null) {
                Path raw = cacheDir.resolve("dsprites-imgs-" + Files.size(npz) + "-" + Files.getLastModifiedTime(npz).toMillis()
                        + "-" + Long.toHexString(imgs.getCrc()) + ".u8");
                if (!Files.isRegularFile(raw) || Files.size(raw) != dataBytes) {
                    extract(npz, zip, imgs, raw, header.bytes(), dataBytes);
                }
                chunks = map(raw, 0, n);
            }
            return new DSpritesNpz(npz, n, chunks, readFactors(npz, zip, n));
        } catch (ZipException | EOFException e) {
            throw problem(npz, "is not a valid .npz archive (corrupt or truncated zip: " + messageOf(e) + ")", e);
        } catch (IOException e) {
            throw problem(npz, "could not be read (" + messageOf(e) + ")", e);
        }
    }

    private static ZipEntry entry(ZipFile zip, String array) {
        ZipEntry e = zip.getEntry(array + ".npy");
        return e != null ? e : zip.getEntry(array);
    }

    private static String entryNames(ZipFile zip) {
        List<String> names = new ArrayList<>();
        zip.stream().limit(20).forEach(e -> names.add(e.getName()));
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /** Maps a STORED entry in place, or returns null if its offset cannot be established. */
    private static MappedByteBuffer[] mapStored(Path npz, String name, long headerBytes, int n) throws IOException {
        try (FileChannel ch = FileChannel.open(npz, StandardOpenOption.READ)) {
            OptionalLong offset = StoredZipEntry.dataOffset(ch, name);
            if (offset.isEmpty()) {
                return null;
            }
            long start = offset.getAsLong() + headerBytes;
            if (start + (long) n * IMAGE_BYTES > ch.size()) {
                throw UserInputException.forFile(npz, "'imgs' is truncated: expected " + (long) n * IMAGE_BYTES
                        + " image bytes from offset " + start + ", the file has " + ch.size() + " bytes");
            }
            return map(ch, start, n);
        }
    }

    /**
     * Streams the deflated entry's image bytes into {@code raw} (atomically), checking the entry's
     * CRC; a corrupt or short stream leaves no cache file.
     */
    private static void extract(Path npz, ZipFile zip, ZipEntry entry, Path raw, long headerBytes, long dataBytes) {
        AtomicFiles.write(raw, out -> {
            CRC32 crc = new CRC32();
            byte[] buf = new byte[1 << 20];
            try (InputStream in = zip.getInputStream(entry)) {
                long copied = 0;
                long total = headerBytes + dataBytes;
                long position = 0;
                int r;
                while ((r = in.read(buf)) > 0) {
                    crc.update(buf, 0, r);
                    int from = (int) Math.max(0, Math.min(r, headerBytes - position));
                    int to = (int) Math.max(from, Math.min(r, total - position));
                    if (to > from) {
                        out.write(buf, from, to - from);
                        copied += to - from;
                    }
                    position += r;
                    if (position > total + (1 << 20)) {
                        throw UserInputException.forFile(npz, "'imgs' holds more data than its shape " + n(dataBytes)
                                + " needs (a corrupt or hostile archive)");
                    }
                }
                if (copied < dataBytes) {
                    // the archive's directory is intact, so its compressed bytes are all there: they are damaged, not cut short
                    throw UserInputException.forFile(npz, "'imgs' is corrupt: its compressed data inflates to " + copied
                            + " image bytes, expected " + dataBytes);
                }
            } catch (ZipException | EOFException e) {
                throw arrayProblem(npz, "imgs", e);
            }
            if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
                throw UserInputException.forFile(npz, "'imgs' is corrupt (CRC mismatch)");
            }
        });
    }

    private static MappedByteBuffer[] map(Path raw, long start, int n) throws IOException {
        try (FileChannel ch = FileChannel.open(raw, StandardOpenOption.READ)) {
            return map(ch, start, n);
        }
    }

    private static MappedByteBuffer[] map(FileChannel ch, long start, int n) throws IOException {
        int pieces = (n + CHUNK_IMAGES - 1) / CHUNK_IMAGES;
        MappedByteBuffer[] chunks = new MappedByteBuffer[pieces];
        for (int c = 0; c < pieces; c++) {
            long first = (long) c * CHUNK_IMAGES;
            long images = Math.min(CHUNK_IMAGES, n - first);
            chunks[c] = ch.map(FileChannel.MapMode.READ_ONLY, start + first * IMAGE_BYTES, images * IMAGE_BYTES);
        }
        return chunks;
    }

    /** Reads latents_classes / latents_values if present (values derived from classes when only those exist). */
    private static FactorLabels readFactors(Path npz, ZipFile zip, int n) throws IOException {
        byte[] classes = null;
        double[] values = null;
        ZipEntry c = entry(zip, "latents_classes");
        if (c != null) {
            byte[] out = new byte[n * FACTORS];
            int[] counts = DSpritesFactors.classCounts();
            readColumns(npz, zip, c, "latents_classes", n, (i, v) -> {
                int f = (int) (i % FACTORS);
                if (v != Math.rint(v) || v < 0 || v >= counts[f]) {
                    throw new IOException("has class " + v + " for factor " + DSpritesFactors.NAMES.get(f) + " of example "
                            + i / FACTORS + ", expected an integer in [0, " + counts[f] + ")");
                }
                out[(int) i] = (byte) v;
            });
            classes = out;
        }
        ZipEntry v = entry(zip, "latents_values");
        if (v != null) {
            double[] out = new double[n * FACTORS];
            readColumns(npz, zip, v, "latents_values", n, (i, x) -> out[(int) i] = x);
            values = out;
        }
        if (classes == null) {
            return null;
        }
        return new NpzFactors(n, classes, values);
    }

    private static void readColumns(Path npz, ZipFile zip, ZipEntry e, String name, int n, NpyStream.DoubleSink sink) {
        try (InputStream in = new BufferedInputStream(zip.getInputStream(e), 1 << 16)) {
            NpyStream.Header h = NpyStream.readHeader(in);
            long[] s = h.shape();
            if (s.length != 2 || s[0] != n || s[1] != FACTORS) {
                throw UserInputException.forFile(npz, "'" + name + "' has shape " + h.shapeText() + ", expected (" + n + ", 6)");
            }
            NpyStream.readElements(in, h.descr(), (long) n * FACTORS, sink);
        } catch (IOException ex) {
            throw arrayProblem(npz, name, ex);
        }
    }

    /** A failure while reading array {@code name}: corrupt compressed data, or what {@link NpyStream} found wrong. */
    private static UserInputException arrayProblem(Path npz, String name, IOException e) {
        String m = messageOf(e);
        if (e instanceof EOFException) {
            return problem(npz, "'" + name + "' is truncated (" + m + ")", e);
        }
        if (e instanceof ZipException) {
            // the inflater rejected the data: garbage, not a short file
            return problem(npz, "'" + name + "' is corrupt: its compressed data is invalid (" + m + ")", e);
        }
        if (m.startsWith("is ") || m.startsWith("has ")) {
            return problem(npz, "'" + name + "' " + m, e);
        }
        return problem(npz, "'" + name + "' is not a valid .npy array (" + m + ")", e);
    }

    private static String n(long dataBytes) {
        return "(" + dataBytes / IMAGE_BYTES + ", 64, 64)";
    }

    private static UserInputException problem(Path npz, String message, Throwable cause) {
        return UserInputException.forFile(npz, message, cause);
    }

    private static String messageOf(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    @Override
    public String description() {
        return "dsprites-npz " + file + " (" + count + " images)";
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public int height() {
        return SIZE;
    }

    @Override
    public int width() {
        return SIZE;
    }

    @Override
    public void read(int index, float[] dst, int offset) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("index " + index + " is outside [0, " + count + ")");
        }
        byte[] px = new byte[IMAGE_BYTES];
        chunks[index / CHUNK_IMAGES].get((index % CHUNK_IMAGES) * IMAGE_BYTES, px);
        for (int i = 0; i < IMAGE_BYTES; i++) {
            dst[offset + i] = px[i] != 0 ? 1f : 0f;
        }
    }

    /** The archive's {@code latents_classes} (and {@code latents_values}), when it has them. */
    @Override
    public Optional<FactorLabels> factors() {
        return Optional.ofNullable(factors);
    }

    /** Factor columns read from the archive; values derived from classes when the archive has none. */
    private static final class NpzFactors implements FactorLabels {
        private final int count;
        private final byte[] classes;
        private final double[] values;

        NpzFactors(int count, byte[] classes, double[] values) {
            this.count = count;
            this.classes = classes;
            this.values = values;
        }

        @Override
        public List<String> names() {
            return DSpritesFactors.NAMES;
        }

        @Override
        public int[] classes(int index) {
            check(index);
            int[] c = new int[FACTORS];
            for (int f = 0; f < FACTORS; f++) {
                c[f] = classes[index * FACTORS + f];
            }
            return c;
        }

        @Override
        public double[] values(int index) {
            check(index);
            if (values == null) {
                return DSpritesFactors.valuesOf(classes(index));
            }
            double[] v = new double[FACTORS];
            System.arraycopy(values, index * FACTORS, v, 0, FACTORS);
            return v;
        }

        private void check(int index) {
            if (index < 0 || index >= count) {
                throw new IndexOutOfBoundsException("index " + index + " is outside [0, " + count + ")");
            }
        }
    }
}
