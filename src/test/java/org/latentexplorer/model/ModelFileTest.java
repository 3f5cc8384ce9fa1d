package org.latentexplorer.model;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.Environment;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;

class ModelFileTest {
    @TempDir
    Path dir;

    static ModelManifest manifest(Architecture arch) {
        return new ModelManifest(ModelManifest.FORMAT, ModelManifest.FORMAT_VERSION, "test", "1.0.0-M2.1", "2026-01-01T00:00:00Z",
                arch, DivergenceSpec.of(DivergenceKind.JSG_DUAL, 0.25), 1.0, Reconstruction.BERNOULLI,
                new Provenance("dsprites", 100, "first", 3, 16, 1e-4, 42, "dsprites-generator-1"), 2, 14,
                List.of(new EpochRecord(1, 10, 9, 1, 0.5, 1.5, 2.0, 100), new EpochRecord(2, 8, 7.5, 0.5, 0.25, 0.75, 2.0, 100)),
                new Environment("test", "0123456789abcdef0123456789abcdef01234567", "CpuBackend (ND4J 1.0.0-M2.1)",
                        "nd4j-native-onednn-avx2", "17.0.12 (Eclipse Adoptium)", "Linux 6.1 amd64"), null);
    }

    @Test
    void filesWithoutAnEnvironmentOrDataSetIdentityReadThemAsUnknown() throws Exception {
        ModelManifest old = ModelFile.read(GoldenModelFileTest.golden()).manifest();
        assertEquals(Provenance.UNKNOWN, old.provenance().datasetIdentity());
        assertEquals("unknown", old.environment().gitCommit());
        assertEquals("unknown", old.environment().nativeBuild());
        assertEquals(old.appVersion(), old.environment().appVersion());
    }

    @Test
    void roundTripKeepsEverything() {
        Architecture arch = new Architecture(32, 3);
        VaeWeights w = VaeWeights.initialise(arch, 9);
        Map<String, float[]> m = new LinkedHashMap<>();
        Map<String, float[]> v = new LinkedHashMap<>();
        for (Architecture.Parameter p : arch.parameters()) {
            float[] a = w.get(p.name());
            float[] b = w.get(p.name());
            for (int i = 0; i < a.length; i++) {
                a[i] *= 0.5f;
                b[i] = b[i] * b[i];
            }
            m.put(p.name(), a);
            v.put(p.name(), b);
        }
        Path f = dir.resolve("m.zip");
        ModelFile.write(f, manifest(arch), w, new AdamState(14, m, v));
        ModelFile.Contents c = ModelFile.read(f);
        assertEquals(manifest(arch), c.manifest());
        for (Architecture.Parameter p : arch.parameters()) {
            assertArrayEquals(w.get(p.name()), c.weights().get(p.name()), p.name());
            assertArrayEquals(m.get(p.name()), c.optimizer().m().get(p.name()));
            assertArrayEquals(v.get(p.name()), c.optimizer().v().get(p.name()));
        }
        assertEquals(14, c.optimizer().step());
        ModelFile.write(f, manifest(arch), w, null);
        assertNull(ModelFile.read(f).optimizer());
    }

    private Path valid() {
        Architecture arch = new Architecture(32, 2);
        Path f = dir.resolve("valid.zip");
        ModelFile.write(f, manifest(arch), VaeWeights.initialise(arch, 1), null);
        return f;
    }

    private static void assertRejected(Path f, String... fragments) {
        UserInputException e = assertThrows(UserInputException.class, () -> ModelFile.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), e.getMessage());
        }
    }

    @Test
    void truncatedFileIsRejected() throws IOException {
        Path f = valid();
        byte[] bytes = Files.readAllBytes(f);
        Path t = dir.resolve("truncated.zip");
        Files.write(t, Arrays.copyOf(bytes, bytes.length / 2));
        UserInputException e = assertThrows(UserInputException.class, () -> ModelFile.read(t));
        assertTrue(e.getMessage().startsWith(t.toString()), e.getMessage());
    }

    @Test
    void nonZipAndMissingFilesAreRejected() throws IOException {
        Path text = dir.resolve("notes.zip");
        Files.writeString(text, "hello");
        assertRejected(text, "not a Latent Explorer model file");
        assertRejected(dir.resolve("absent.zip"), "no such file");
    }

    @Test
    void foreignAndNewerManifestsAreRejected() throws IOException {
        Path f = valid();
        assertRejected(rewriteManifest(f, "foreign.zip", s -> s.replace("latent-explorer-model", "something-else")),
                "not a Latent Explorer model");
        assertRejected(rewriteManifest(f, "newer.zip", s -> s.replace("\"formatVersion\" : 1", "\"formatVersion\" : 7")),
                "newer Latent Explorer", "format 7");
        assertRejected(rewriteManifest(f, "badalpha.zip", s -> s.replace("\"alpha\" : 0.25", "\"alpha\" : 1.5")),
                "alpha must be in [0, 1]");
        assertRejected(rewriteManifest(f, "badjson.zip", s -> s.substring(0, 20)), "not valid JSON");
        assertRejected(rewriteManifest(f, "arch.zip", s -> s.replace("\"latents\" : 2", "\"latents\" : 3")),
                "has shape", "expected");
    }

    @Test
    void nanWeightsAreRejected() throws IOException {
        Architecture arch = new Architecture(32, 2);
        VaeWeights w = VaeWeights.initialise(arch, 1);
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Architecture.Parameter p : arch.parameters()) {
            values.put(p.name(), w.get(p.name()));
        }
        values.get("dec.lin2.W")[3] = Float.NaN;
        Path f = dir.resolve("nan.zip");
        assertThrows(IllegalStateException.class, () -> ModelFile.write(f, manifest(arch), VaeWeights.of(arch, values), null),
                "NaN weights are never written");
        ModelFile.write(f, manifest(arch), w, null);
        long[] shape = arch.parameters().stream().filter(p -> p.name().equals("dec.lin2.W")).findFirst().orElseThrow().shape();
        org.latentexplorer.testing.ZipBuilder.copyOf(f, (name, data) -> name.equals("weights/dec.lin2.W.npy")
                ? org.latentexplorer.common.Npy.toBytes(shape, values.get("dec.lin2.W")) : data).write(f);
        assertRejected(f, "weights/dec.lin2.W.npy", "NaN");
    }

    private Path rewriteManifest(Path source, String name, java.util.function.UnaryOperator<String> edit) throws IOException {
        Path target = dir.resolve(name);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals(ModelFile.MANIFEST)) {
                    data = edit.apply(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
        return target;
    }
}
