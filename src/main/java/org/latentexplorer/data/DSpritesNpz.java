package org.latentexplorer.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.Npy;
import org.latentexplorer.common.UserInputException;

/**
 * The official dSprites {@code .npz} ({@code imgs}: uint8 (N, 64, 64) in {0, 1}; optional
 * {@code latents_classes}: int64 (N, 6)). The images are never held in memory: on first use the
 * compressed {@code imgs} array is extracted once into a raw cache file (named by the npz's size
 * and modification time, under {@code ~/.cache/latent-explorer} or {@code LATENT_EXPLORER_CACHE})
 * and memory-mapped.
 */
public final class DSpritesNpz implements Dataset {
    private static final int SIZE = 64;
    private static final int IMAGE_BYTES = SIZE * SIZE;
    private static final long CHUNK_IMAGES = (1L << 30) / IMAGE_BYTES;

    private final Path file;
    private final int count;
    private final MappedByteBuffer[] chunks;
    private final int[] classes;

    private DSpritesNpz(Path file, int count, MappedByteBuffer[] chunks, int[] classes) {
        this.file = file;
        this.count = count;
        this.chunks = chunks;
        this.classes = classes;
    }

    public static DSpritesNpz open(Path npz) {
        return open(npz, defaultCacheDir());
    }

    static Path defaultCacheDir() {
        String env = System.getenv("LATENT_EXPLORER_CACHE");
        return env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "latent-explorer");
    }

    public static DSpritesNpz open(Path npz, Path cacheDir) {
        if (!Files.isRegularFile(npz)) {
            throw UserInputException.forFile(npz, "no such file");
        }
        try (ZipFile zip = new ZipFile(npz.toFile())) {
            ZipEntry imgs = zip.getEntry("imgs.npy");
            if (imgs == null) {
                throw UserInputException.forFile(npz, "has no 'imgs' array; is it the dSprites .npz?");
            }
            Npy.Header header;
            try (InputStream in = new BufferedInputStream(zip.getInputStream(imgs))) {
                header = Npy.readHeader(in);
            }
            if (!header.descr().equals("|u1") && !header.descr().equals("<u1")) {
                throw UserInputException.forFile(npz, "'imgs' has dtype '" + header.descr() + "', expected uint8");
            }
            long[] shape = header.shape();
            if (shape.length != 3 || shape[1] != SIZE || shape[2] != SIZE || header.fortranOrder()) {
                throw UserInputException.forFile(npz, "'imgs' has shape " + Arrays.toString(shape) + ", expected (N, 64, 64) in C order");
            }
            int n = Math.toIntExact(shape[0]);
            Path raw = cacheDir.resolve("dsprites-" + Files.size(npz) + "-" + Files.getLastModifiedTime(npz).toMillis() + ".u8");
            if (!Files.isRegularFile(raw) || Files.size(raw) != (long) n * IMAGE_BYTES) {
                extract(zip, imgs, raw, (long) n * IMAGE_BYTES, npz);
            }
            int[] classes = readClasses(zip, n, npz);
            return new DSpritesNpz(npz, n, map(raw, n), classes);
        } catch (java.util.zip.ZipException e) {
            throw UserInputException.forFile(npz, "is not a valid .npz (corrupt or truncated zip: " + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw UserInputException.forFile(npz, "could not be read (" + e.getMessage() + ")", e);
        }
    }

    private static void extract(ZipFile zip, ZipEntry entry, Path raw, long bytes, Path npz) throws IOException {
        AtomicFiles.write(raw, out -> {
            try (InputStream in = new BufferedInputStream(zip.getInputStream(entry), 1 << 20)) {
                Npy.readHeader(in);
                byte[] buf = new byte[1 << 20];
                long left = bytes;
                while (left > 0) {
                    int r = in.read(buf, 0, (int) Math.min(buf.length, left));
                    if (r < 0) {
                        throw new IOException(npz + ": 'imgs' is truncated: " + (bytes - left) + " of " + bytes + " bytes");
                    }
                    out.write(buf, 0, r);
                    left -= r;
                }
            }
        });
    }

    private static MappedByteBuffer[] map(Path raw, int n) throws IOException {
        int chunkCount = (int) ((n + CHUNK_IMAGES - 1) / CHUNK_IMAGES);
        MappedByteBuffer[] chunks = new MappedByteBuffer[Math.max(1, chunkCount)];
        try (FileChannel ch = FileChannel.open(raw, StandardOpenOption.READ)) {
            for (int c = 0; c < chunkCount; c++) {
                long first = c * CHUNK_IMAGES;
                long images = Math.min(CHUNK_IMAGES, n - first);
                chunks[c] = ch.map(FileChannel.MapMode.READ_ONLY, first * IMAGE_BYTES, images * IMAGE_BYTES);
            }
        }
        return chunks;
    }

    private static int[] readClasses(ZipFile zip, int n, Path npz) throws IOException {
        ZipEntry e = zip.getEntry("latents_classes.npy");
        if (e == null) {
            return null;
        }
        try (InputStream in = new BufferedInputStream(zip.getInputStream(e), 1 << 20)) {
            Npy.Header h = Npy.readHeader(in);
            if (!h.descr().equals("<i8") || h.shape().length != 2 || h.shape()[0] != n || h.shape()[1] != 6) {
                throw UserInputException.forFile(npz, "'latents_classes' has dtype " + h.descr() + " and shape "
                        + Arrays.toString(h.shape()) + ", expected int64 (" + n + ", 6)");
            }
            byte[] body = in.readNBytes(n * 6 * 8);
            if (body.length < n * 48) {
                throw UserInputException.forFile(npz, "'latents_classes' is truncated");
            }
            ByteBuffer buf = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
            int[] out = new int[n * 6];
            for (int i = 0; i < out.length; i++) {
                out[i] = (int) buf.getLong();
            }
            return out;
        }
    }

    @Override
    public String description() {
        return "dsprites " + file + " (" + count + " images)";
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
        MappedByteBuffer chunk = chunks[(int) (index / CHUNK_IMAGES)];
        int base = (int) ((index % CHUNK_IMAGES) * IMAGE_BYTES);
        for (int i = 0; i < IMAGE_BYTES; i++) {
            dst[offset + i] = chunk.get(base + i) != 0 ? 1f : 0f;
        }
    }

    @Override
    public Optional<FactorLabels> factors() {
        if (classes == null) {
            return Optional.empty();
        }
        return Optional.of(new FactorLabels() {
            @Override
            public List<String> names() {
                return List.of("color", "shape", "scale", "orientation", "posX", "posY");
            }

            @Override
            public int[] classes(int index) {
                return Arrays.copyOfRange(classes, index * 6, index * 6 + 6);
            }

            @Override
            public double[] values(int index) {
                int[] c = classes(index);
                return new double[] {1.0, c[1] + 1, DSprites.scaleValue(c[2]), DSprites.orientationValue(c[3]), c[4] / 31.0, c[5] / 31.0};
            }
        });
    }
}
