package org.latentexplorer.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.UserInputException;

/** The official dSprites .npz layout, made here with N = 10 from the procedural generator. */
class DSpritesNpzTest {
    private static final int N = 10;
    private static final int STRIDE = 73_331;

    @TempDir
    Path dir;

    private final DSprites procedural = new DSprites();

    /** A .npy of the given header version (1, 2 or 3). */
    static byte[] npy(int version, String descr, boolean fortran, long[] shape, byte[] body) {
        String dims = shape.length == 1 ? shape[0] + "," : String.join(", ", Arrays.stream(shape).mapToObj(Long::toString).toArray(String[]::new));
        String header = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': (" + dims + "), }";
        int lengthField = version == 1 ? 2 : 4;
        int pad = (64 - (8 + lengthField + header.length() + 1) % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(8 + lengthField + header.length() + body.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
        if (version == 1) {
            b.putShort((short) header.length());
        } else {
            b.putInt(header.length());
        }
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        b.put(body);
        return b.array();
    }

    static byte[] npy(String descr, long[] shape, byte[] body) {
        return npy(1, descr, false, shape, body);
    }

    byte[] imgsBody(int n) {
        byte[] imgs = new byte[n * 4096];
        float[] px = new float[4096];
        for (int i = 0; i < n; i++) {
            procedural.read(i * STRIDE, px, 0);
            for (int k = 0; k < 4096; k++) {
                imgs[i * 4096 + k] = (byte) px[k];
            }
        }
        return imgs;
    }

    byte[] classesBody(int n) {
        ByteBuffer c = ByteBuffer.allocate(n * 48).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            for (int v : procedural.classes(i * STRIDE)) {
                c.putLong(v);
            }
        }
        return c.array();
    }

    byte[] valuesBody(int n) {
        ByteBuffer c = ByteBuffer.allocate(n * 48).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            for (double v : procedural.values(i * STRIDE)) {
                c.putDouble(v);
            }
        }
        return c.array();
    }

    /** A zip of the given entries, each STORED or DEFLATED. */
    Path zip(String name, Map<String, byte[]> entries, boolean stored) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry z = new ZipEntry(e.getKey());
                if (stored) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    z.setMethod(ZipEntry.STORED);
                    z.setSize(e.getValue().length);
                    z.setCompressedSize(e.getValue().length);
                    z.setCrc(crc.getValue());
                }
                zip.putNextEntry(z);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return f;
    }

    Map<String, byte[]> official(int n) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("imgs.npy", npy("|u1", new long[] {n, 64, 64}, imgsBody(n)));
        m.put("latents_classes.npy", npy("<i8", new long[] {n, 6}, classesBody(n)));
        m.put("latents_values.npy", npy("<f8", new long[] {n, 6}, valuesBody(n)));
        return m;
    }

    private void assertMatchesProcedural(DSpritesNpz data) {
        assertEquals(N, data.size());
        assertEquals(64, data.height());
        float[] a = new float[4096];
        float[] b = new float[4096];
        FactorLabels f = data.factors().orElseThrow();
        assertEquals(DSpritesFactors.NAMES, f.names());
        for (int i = 0; i < N; i++) {
            data.read(i, a, 0);
            procedural.read(i * STRIDE, b, 0);
            assertArrayEquals(b, a, 0f);
            assertArrayEquals(procedural.classes(i * STRIDE), f.classes(i));
            assertArrayEquals(procedural.values(i * STRIDE), f.values(i), 0.0);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> data.read(N, a, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> f.classes(N));
    }

    private long files(Path cache) throws IOException {
        if (!Files.exists(cache)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(cache)) {
            return s.count();
        }
    }

    @Test
    void aDeflatedArchiveIsReadThroughOneCacheFile() throws IOException {
        Path f = zip("dsprites.npz", official(N), false);
        Path cache = dir.resolve("cache");
        DSpritesNpz data = DSpritesNpz.open(f, cache);
        assertMatchesProcedural(data);
        assertEquals(1, files(cache), "one raw cache file");
        Path raw;
        try (Stream<Path> s = Files.list(cache)) {
            raw = s.findFirst().orElseThrow();
        }
        assertEquals(N * 4096L, Files.size(raw));
        FileTime written = Files.getLastModifiedTime(raw);
        assertMatchesProcedural(DSpritesNpz.open(f, cache));
        assertEquals(written, Files.getLastModifiedTime(raw), "reopened from the cache, not re-extracted");
        assertEquals(1, files(cache));

        // a changed archive gets its own cache file
        Map<String, byte[]> other = official(N);
        byte[] imgs = other.get("imgs.npy");
        imgs[imgs.length - 1] = 1;
        Files.setLastModifiedTime(zip("dsprites.npz", other, false), FileTime.fromMillis(1_000_000));
        DSpritesNpz changed = DSpritesNpz.open(f, cache);
        float[] px = new float[4096];
        changed.read(N - 1, px, 0);
        assertEquals(1f, px[4095]);
        assertEquals(2, files(cache));
    }

    @Test
    void aStoredArchiveIsMappedInPlace() throws IOException {
        Path f = zip("stored.npz", official(N), true);
        Path cache = dir.resolve("cache");
        assertMatchesProcedural(DSpritesNpz.open(f, cache));
        assertEquals(0, files(cache), "no cache file for a STORED entry");
    }

    @Test
    void onlyImagesAreRequiredAndValuesFollowFromClasses() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("imgs.npy", npy(2, "|u1", false, new long[] {N, 64, 64}, imgsBody(N)));
        Path bare = zip("bare.npz", m, false);
        DSpritesNpz data = DSpritesNpz.open(bare, dir.resolve("cache"));
        assertEquals(N, data.size());
        assertTrue(data.factors().isEmpty());

        m.put("latents_classes.npy", npy(3, "<i8", false, new long[] {N, 6}, classesBody(N)));
        Path classesOnly = zip("classes.npz", m, true);
        FactorLabels f = DSpritesNpz.open(classesOnly, dir.resolve("cache")).factors().orElseThrow();
        assertArrayEquals(procedural.values(3 * STRIDE), f.values(3), 0.0);
    }

    @Test
    void npyHeadersOfEveryVersionParse() throws IOException {
        for (int version = 1; version <= 3; version++) {
            byte[] bytes = npy(version, "<f4", false, new long[] {2, 3}, new byte[24]);
            NpyStream.Header h = NpyStream.readHeader(new ByteArrayInputStream(bytes));
            assertEquals("<f4", h.descr());
            assertArrayEquals(new long[] {2, 3}, h.shape());
            assertEquals(bytes.length - 24, h.bytes(), "header length, version " + version);
        }
        ByteBuffer f4 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f);
        byte[] bytes = npy("<f4", new long[] {2}, f4.array());
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        NpyStream.Header h = NpyStream.readHeader(in);
        double[] got = new double[2];
        NpyStream.readElements(in, h.descr(), 2, (i, v) -> got[(int) i] = v);
        assertArrayEquals(new double[] {1.5, -2}, got, 0.0);
        IOException e = assertThrows(IOException.class,
                () -> NpyStream.readHeader(new ByteArrayInputStream(npy(1, "<f4", true, new long[] {2, 3}, new byte[24]))));
        assertTrue(e.getMessage().contains("Fortran"), e.getMessage());
        e = assertThrows(IOException.class, () -> NpyStream.readElements(new ByteArrayInputStream(new byte[10]), "<f8", 2, (i, v) -> { }));
        assertTrue(e.getMessage().contains("expected 16") && e.getMessage().contains("found 10"), e.getMessage());
    }

    @Test
    void wrongShapesDtypesAndOrdersAreRejectedByName() throws IOException {
        Path cache = dir.resolve("cache");
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("imgs.npy", npy("|u1", new long[] {2, 32, 32}, new byte[2 * 1024]));
        Path shape = zip("shape.npz", m, false);
        UserInputException e = assertThrows(UserInputException.class, () -> DSpritesNpz.open(shape, cache));
        assertTrue(e.getMessage().startsWith(shape.toString()) && e.getMessage().contains("(2, 32, 32)")
                && e.getMessage().contains("expected (N, 64, 64)"), e.getMessage());

        m.put("imgs.npy", npy("<f4", new long[] {1, 64, 64}, new byte[4 * 4096]));
        Path type = zip("type.npz", m, false);
        e = assertThrows(UserInputException.class, () -> DSpritesNpz.open(type, cache));
        assertTrue(e.getMessage().startsWith(type.toString()) && e.getMessage().contains("'<f4'") && e.getMessage().contains("uint8"),
                e.getMessage());

        m.put("imgs.npy", npy(1, "|u1", true, new long[] {1, 64, 64}, new byte[4096]));
        Path fortran = zip("fortran.npz", m, false);
        e = assertThrows(UserInputException.class, () -> DSpritesNpz.open(fortran, cache));
        assertTrue(e.getMessage().startsWith(fortran.toString()) && e.getMessage().contains("Fortran"), e.getMessage());

        m.put("imgs.npy", npy("|u1", new long[] {N, 64, 64}, imgsBody(N)));
        m.put("latents_classes.npy", npy("<i8", new long[] {N, 5}, new byte[N * 40]));
        Path classes = zip("classes.npz", m, false);
        e = assertThrows(UserInputException.class, () -> DSpritesNpz.open(classes, cache));
        assertTrue(e.getMessage().startsWith(classes.toString()) && e.getMessage().contains("latents_classes"), e.getMessage());

        byte[] bad = classesBody(N);
        bad[8] = 7; // shape class 7 of example 0
        m.put("latents_classes.npy", npy("<i8", new long[] {N, 6}, bad));
        Path range = zip("range.npz", m, false);
        e = assertThrows(UserInputException.class, () -> DSpritesNpz.open(range, cache));
        assertTrue(e.getMessage().contains("shape") && e.getMessage().contains("[0, 3)"), e.getMessage());
    }

    @Test
    void brokenArchivesAreRejectedByNameAndLeaveNoCacheFile() throws IOException {
        Path cache = dir.resolve("cache");
        byte[] bytes = Files.readAllBytes(zip("good.npz", official(4), false));

        Path truncated = dir.resolve("truncated.npz");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 3));
        UserInputException e = assertThrows(UserInputException.class, () -> DSpritesNpz.open(truncated, cache));
        assertTrue(e.getMessage().startsWith(truncated.toString()) && e.getMessage().contains("zip"), e.getMessage());

        // damage the start of the deflated image data while keeping the zip directory intact
        Path corrupt = dir.resolve("corrupt.npz");
        byte[] damaged = bytes.clone();
        for (int i = 200; i < 260; i++) {
            damaged[i] ^= 0x5a;
        }
        Files.write(corrupt, damaged);
        e = assertThrows(UserInputException.class, () -> DSpritesNpz.open(corrupt, cache));
        assertTrue(e.getMessage().startsWith(corrupt.toString()) && e.getMessage().contains("'imgs' is corrupt"), e.getMessage());
        assertEquals(0, files(cache), "no partial cache file");

        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("other.npy", npy("<f8", new long[] {1}, new byte[8]));
        Path noImgs = zip("noimgs.npz", m, false);
        e = assertThrows(UserInputException.class, () -> DSpritesNpz.open(noImgs, cache));
        assertTrue(e.getMessage().startsWith(noImgs.toString()) && e.getMessage().contains("'imgs'")
                && e.getMessage().contains("other.npy"), e.getMessage());

        // the header promises more images than the entry holds
        m.put("imgs.npy", Arrays.copyOf(npy("|u1", new long[] {4, 64, 64}, imgsBody(4)), 128 + 3 * 4096));
        for (boolean stored : new boolean[] {false, true}) {
            Path shortData = zip("short" + stored + ".npz", m, stored);
            e = assertThrows(UserInputException.class, () -> DSpritesNpz.open(shortData, cache));
            assertTrue(e.getMessage().startsWith(shortData.toString()) && e.getMessage().contains("truncated"), e.getMessage());
        }

        Path missing = dir.resolve("missing.npz");
        e = assertThrows(UserInputException.class, () -> DSpritesNpz.open(missing, cache));
        assertTrue(e.getMessage().startsWith(missing.toString()), e.getMessage());
        Path notZip = dir.resolve("text.npz");
        Files.writeString(notZip, "hello");
        e = assertThrows(UserInputException.class, () -> DSpritesNpz.open(notZip, cache));
        assertTrue(e.getMessage().startsWith(notZip.toString()), e.getMessage());
        assertEquals(0, files(cache));
    }

    @Test
    void damageFoundWhileExtractingLeavesNoCacheFile() throws IOException {
        Path cache = dir.resolve("cache");
        // 64 images of random 0/1 bytes: a deflated stream long enough to damage past the header
        int n = 64;
        byte[] body = new byte[n * 4096];
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) random.nextInt(2);
        }
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("imgs.npy", npy("|u1", new long[] {n, 64, 64}, body));
        byte[] good = Files.readAllBytes(zip("random.npz", m, false));
        assertTrue(good.length > 20_000, "compressed size " + good.length);

        byte[] damaged = good.clone();
        int at = good.length * 3 / 4;
        Arrays.fill(damaged, at, at + 200, (byte) 0); // the inflater stops early: damaged data, not a short file
        Path corrupt = dir.resolve("late-damage.npz");
        Files.write(corrupt, damaged);
        UserInputException e = assertThrows(UserInputException.class, () -> DSpritesNpz.open(corrupt, cache));
        assertTrue(e.getMessage().startsWith(corrupt.toString()) && e.getMessage().contains("'imgs' is corrupt")
                && e.getMessage().contains("expected 262144"), e.getMessage());
        assertEquals(0, files(cache), "no cache file, not even a temporary one");

        // a wrong CRC in the central directory: the data inflate fine but do not match it
        byte[] badCrc = good.clone();
        int cen = centralHeaderOf(badCrc, "imgs.npy");
        badCrc[cen + 16] ^= 1;
        Path crc = dir.resolve("crc.npz");
        Files.write(crc, badCrc);
        e = assertThrows(UserInputException.class, () -> DSpritesNpz.open(crc, cache));
        assertTrue(e.getMessage().startsWith(crc.toString()) && e.getMessage().contains("CRC"), e.getMessage());
        assertEquals(0, files(cache));

        DSpritesNpz ok = DSpritesNpz.open(zip("random.npz", m, false), cache);
        float[] px = new float[4096];
        ok.read(n - 1, px, 0);
        for (int k = 0; k < 4096; k++) {
            assertEquals(body[(n - 1) * 4096 + k], px[k], 0f);
        }
    }

    /** Offset of the central-directory header of entry {@code name}. */
    private static int centralHeaderOf(byte[] zip, String name) {
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int p = zip.length - 46; p >= 0; p--) {
            if (b.getInt(p) == 0x02014b50 && (b.getShort(p + 28) & 0xffff) == wanted.length
                    && Arrays.equals(Arrays.copyOfRange(zip, p + 46, p + 46 + wanted.length), wanted)) {
                return p;
            }
        }
        throw new AssertionError("no central header for " + name);
    }

    @Test
    void theSpecOpensTheArchive() throws IOException {
        Path f = zip("spec.npz", official(N), true);
        Dataset data = DatasetSpec.parse("dsprites-npz:" + f).open(Split.TEST);
        assertEquals(N, data.size());
        assertTrue(data.description().contains("spec.npz"));
    }
}
