package org.latentexplorer.model;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.Npy;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.testing.ZipBuilder;

/** Model files made hostile or faulty in-test: reading is bounded, and every refusal names the file and the fault. */
class HostileModelFileTest {
    private static final long MB = 1 << 20;

    @TempDir
    Path dir;

    private final Architecture arch = new Architecture(32, 2);

    private Path valid(boolean withOptimizer) {
        VaeWeights w = VaeWeights.initialise(arch, 1);
        AdamState state = null;
        if (withOptimizer) {
            Map<String, float[]> m = new LinkedHashMap<>();
            Map<String, float[]> v = new LinkedHashMap<>();
            for (Architecture.Parameter p : arch.parameters()) {
                m.put(p.name(), new float[(int) p.length()]);
                v.put(p.name(), new float[(int) p.length()]);
            }
            state = new AdamState(3, m, v);
        }
        Path f = dir.resolve(withOptimizer ? "resumable.zip" : "valid.zip");
        ModelFile.write(f, ModelFileTest.manifest(arch), w, state);
        return f;
    }

    private long[] shape(String parameter) {
        return arch.parameters().stream().filter(p -> p.name().equals(parameter)).findFirst().orElseThrow().shape();
    }

    /** The header of a valid .npy of this parameter, so that a bomb made from it passes the header check. */
    private byte[] npyHeader(String parameter) {
        long[] shape = shape(parameter);
        int length = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        byte[] whole = Npy.toBytes(shape, new float[length]);
        return Arrays.copyOf(whole, whole.length - 4 * length);
    }

    private static UserInputException refused(Path f, String... fragments) {
        UserInputException e = assertThrows(UserInputException.class, () -> ModelFile.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' not in: " + e.getMessage());
        }
        return e;
    }

    /** Runs {@code read} and checks it takes under 1 s and allocates under 200 MB on this thread. */
    private static <T> T bounded(Supplier<T> read) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        long start = System.nanoTime();
        T result = read.get();
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(seconds < 1, "took " + seconds + " s");
        assertTrue(allocated < 200 * MB, "allocated " + allocated / MB + " MB");
        return result;
    }

    @Test
    void aZipBombInAWeightEntryIsRefusedWithinBounds() throws Exception {
        Path f = dir.resolve("bomb.zip");
        ZipBuilder.copyOf(valid(false), (name, data) -> name.equals("weights/dec.lin1.W.npy") ? null : data)
                .addRaw("weights/dec.lin1.W.npy", ZipBuilder.zeroBomb(npyHeader("dec.lin1.W"), 10 * (int) MB), 0, 4096).write(f);
        assertTrue(Files.size(f) > 10 * MB);
        UserInputException e = bounded(() -> assertThrows(UserInputException.class, () -> ModelFile.read(f)));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("weights/dec.lin1.W.npy")
                && e.getMessage().contains("zip bomb"), e.getMessage());
    }

    @Test
    void anUnknownEntryIsSkippedWithoutInflatingIt() throws Exception {
        Path f = dir.resolve("extra.zip");
        ZipBuilder.copyOf(valid(false), (name, data) -> data)
                .addRaw("notes/bomb.bin", ZipBuilder.zeroBomb(10 * (int) MB), 0, 4096).write(f);
        ModelFile.Contents c = bounded(() -> ModelFile.read(f));
        assertEquals(arch, c.manifest().architecture());
    }

    @Test
    void aSecondManifestIsRefused() throws Exception {
        Path f = dir.resolve("twice.zip");
        byte[][] manifest = new byte[1][];
        ZipBuilder b = ZipBuilder.copyOf(valid(false), (name, data) -> {
            if (name.equals(ModelFile.MANIFEST)) {
                manifest[0] = data;
            }
            return data;
        });
        b.add(ModelFile.MANIFEST, new String(manifest[0], StandardCharsets.UTF_8).replace("jsg-dual", "kl-qp")
                .getBytes(StandardCharsets.UTF_8)).write(f);
        refused(f, "manifest.json", "appears twice");
    }

    @Test
    void aFileCutInsideAnEntryHeaderIsCalledTruncated() throws Exception {
        Path f = valid(false);
        byte[] bytes = Files.readAllBytes(f);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int header = text.indexOf("weights/dec.lin1.W.npy") - 30;
        Path cut = dir.resolve("cut.zip");
        Files.write(cut, Arrays.copyOf(bytes, header + 10));
        refused(cut, "truncated");
    }

    @Test
    void deflateGarbageIsCalledCorrupt() throws Exception {
        Path f = dir.resolve("garbage.zip");
        byte[] garbage = new byte[4000];
        new java.util.Random(3).nextBytes(garbage);
        garbage[0] = (byte) 0xff; // BTYPE 11: an invalid deflate block
        ZipBuilder.copyOf(valid(false), (name, data) -> name.equals("weights/enc.conv1.W.npy") ? null : data)
                .addRaw("weights/enc.conv1.W.npy", garbage, 0, 4096).write(f);
        refused(f, "weights/enc.conv1.W.npy", "corrupt");
    }

    @Test
    void aWrongCrcIsCalledCorrupt() throws Exception {
        Path f = dir.resolve("crc.zip");
        byte[][] bias = new byte[1][];
        ZipBuilder b = ZipBuilder.copyOf(valid(false), (name, data) -> {
            if (name.equals("weights/dec.lin2.b.npy")) {
                bias[0] = data;
                return null;
            }
            return data;
        });
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bias[0]);
        b.addRaw("weights/dec.lin2.b.npy", ZipBuilder.deflate(bias[0]), crc.getValue() ^ 1, bias[0].length).write(f);
        refused(f, "weights/dec.lin2.b.npy", "corrupt");
    }

    @Test
    void adamStateIsValidatedOnLoad() throws Exception {
        Path f = valid(true);
        float[] v = new float[(int) arch.parameters().get(0).length()];
        v[7] = -1f;
        String name = arch.parameters().get(0).name();
        Path negative = dir.resolve("negative-v.zip");
        ZipBuilder.copyOf(f, (n, data) -> n.equals("optimizer/" + name + ".v.npy") ? Npy.toBytes(shape(name), v) : data).write(negative);
        refused(negative, "optimizer/" + name + ".v.npy", "-1");
        float[] m = new float[v.length];
        m[2] = Float.NaN;
        Path nan = dir.resolve("nan-m.zip");
        ZipBuilder.copyOf(f, (n, data) -> n.equals("optimizer/" + name + ".m.npy") ? Npy.toBytes(shape(name), m) : data).write(nan);
        refused(nan, "optimizer/" + name + ".m.npy", "NaN");
        Path step = dir.resolve("negative-step.zip");
        ZipBuilder.copyOf(f, (n, data) -> n.equals("optimizer/step.txt") ? "-5".getBytes(StandardCharsets.US_ASCII) : data).write(step);
        refused(step, "negative step");
    }
}
