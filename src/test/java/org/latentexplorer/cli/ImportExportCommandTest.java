package org.latentexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.Npy;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.interop.CheckpointBuilder;
import org.latentexplorer.interop.TorchCheckpoint;
import org.latentexplorer.model.Architecture;
import org.latentexplorer.model.ModelManifest;
import org.latentexplorer.model.VaeModel;

/**
 * {@code import} and {@code export} end to end on checkpoints written by PyTorch 1.13
 * (src/test/python/make_torch_fixtures.py), and every bad input of the import: exit 2, one line
 * naming the file and the problem, no output file.
 */
class ImportExportCommandTest {
    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(ImportExportCommandTest.class.getResource("/torch/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A run folder as geometric-js writes it: model.pt and specs.json. */
    private Path runFolder(String fixture) throws IOException {
        Path run = Files.createDirectories(dir.resolve("run-" + fixture));
        Files.copy(resource(fixture + ".pt"), run.resolve("model.pt"));
        Files.copy(resource(fixture + ".specs.json"), run.resolve("specs.json"));
        return run;
    }

    @Test
    void importedRunsDrawThePaperGridAsPyTorchDoes() throws IOException {
        for (String fixture : new String[] {"b32_legacy", "b64rgb_zip_half"}) {
            Path model = dir.resolve(fixture + ".zip");
            Cli imp = Cli.run("import", "--from", runFolder(fixture).toString(), "--out", model.toString());
            assertEquals(0, imp.exitCode(), imp.err());
            Path png = dir.resolve(fixture + ".png");
            Cli trav = Cli.run("traverse", "--model", model.toString(), "--preset", "paper", "--out", png.toString());
            assertEquals(0, trav.exitCode(), trav.err());
            BufferedImage got = ImageIO.read(png.toFile());
            long[] shape = new long[3];
            byte[] expected = uint8(resource(fixture + ".grid.npy"), shape);
            assertEquals(shape[0], got.getHeight());
            assertEquals(shape[1], got.getWidth());
            int worst = 0;
            for (int y = 0; y < shape[0]; y++) {
                for (int x = 0; x < shape[1]; x++) {
                    int rgb = got.getRGB(x, y);
                    int i = (int) ((y * shape[1] + x) * 3);
                    worst = Math.max(worst, Math.abs(((rgb >> 16) & 0xff) - (expected[i] & 0xff)));
                    worst = Math.max(worst, Math.abs(((rgb >> 8) & 0xff) - (expected[i + 1] & 0xff)));
                    worst = Math.max(worst, Math.abs((rgb & 0xff) - (expected[i + 2] & 0xff)));
                }
            }
            assertTrue(worst <= 1, fixture + ": grid differs from PyTorch's by " + worst + "/255");
        }
    }

    @Test
    void importRecordsProvenanceAndTheTranslatedLoss() throws Exception {
        Path model = dir.resolve("m.zip");
        Cli imp = Cli.run("import", "--from", runFolder("b32_legacy").toString(), "--out", model.toString());
        assertEquals(0, imp.exitCode(), imp.err());
        ModelManifest m = VaeModel.load(model).manifest();
        assertEquals(new Architecture(32, 4, 1), m.architecture());
        assertEquals(DivergenceKind.JSG, m.divergence().kind());
        assertEquals(0.3, m.divergence().alpha());
        assertEquals(1.0, m.lambda());
        assertEquals("legacy", m.imported().format());
        assertEquals("GJS", m.imported().loss());
        assertTrue(m.trainable());
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(resource("b32_legacy.pt")));
        assertEquals(HexFormat.of().formatHex(digest), m.imported().sha256());
        assertTrue(imp.out().contains("sha256 " + m.imported().sha256()), imp.out());

        Path rgb = dir.resolve("rgb.zip");
        imp = Cli.run("import", "--from", runFolder("b64rgb_zip_half").toString(), "--out", rgb.toString());
        assertEquals(0, imp.exitCode(), imp.err());
        ModelManifest c = VaeModel.load(rgb).manifest();
        assertEquals(new Architecture(64, 3, 3), c.architecture());
        assertEquals("zip", c.imported().format());
        assertFalse(c.trainable(), "btcvae is not one of our losses");
        assertTrue(c.describe().startsWith("imported: btcvae"), c.describe());
    }

    @Test
    void aModelPtWithoutSpecsHasItsSizesInferred() throws IOException {
        Path pt = Files.copy(resource("b64rgb_legacy_half.pt"), dir.resolve("weights.pt"));
        Path model = dir.resolve("m.zip");
        Cli imp = Cli.run("import", "--from", pt.toString(), "--out", model.toString());
        assertEquals(0, imp.exitCode(), imp.err());
        assertTrue(imp.out().contains("inferred from the shapes"), imp.out());
        ModelManifest m = VaeModel.load(model).manifest();
        assertEquals(new Architecture(64, 3, 3), m.architecture());
        assertEquals("none", m.imported().specs());
    }

    @Test
    void trainingCannotContinueAnImportedLossWeDoNotImplement() throws IOException {
        Path model = dir.resolve("m.zip");
        assertEquals(0, Cli.run("import", "--from", runFolder("b64rgb_zip_half").toString(), "--out", model.toString()).exitCode());
        Cli train = Cli.run("train", "--resume", model.toString(), "--epochs", "40", "--out", dir.resolve("t.zip").toString());
        assertEquals(2, train.exitCode(), train.err());
        assertTrue(train.err().contains("btcvae") && train.err().contains("cannot be continued"), train.err());
    }

    @Test
    void anImportedModelOfOneOfOurLossesTrainsFurtherOnDataGivenHere() throws IOException {
        Path model = dir.resolve("m.zip");
        assertEquals(0, Cli.run("import", "--from", runFolder("b32_legacy").toString(), "--out", model.toString()).exitCode());
        Path mnist = CliFixtures.mnistDir(dir.resolve("mnist"), 16);
        Path out = dir.resolve("continued.zip");
        Cli t = Cli.run("train", "--resume", model.toString(), "--dataset", "mnist:" + mnist, "--limit", "16", "--epochs", "31",
                "--out", out.toString());
        assertEquals(0, t.exitCode(), t.err());
        VaeModel before = VaeModel.load(model);
        VaeModel after = VaeModel.load(out);
        assertEquals(31, after.manifest().epochsCompleted());
        assertEquals(1, after.manifest().history().size());
        assertEquals(before.manifest().divergence(), after.manifest().divergence());
        assertEquals(before.manifest().imported().sha256(), after.manifest().imported().sha256(), "the import's provenance is kept");
        assertFalse(Arrays.equals(before.weights().get("dec.lin1.W"), after.weights().get("dec.lin1.W")), "trained");
    }

    @Test
    void exportThenReimportIsExact() throws IOException {
        for (String fixture : new String[] {"b32_zip_half", "b64rgb_legacy_half"}) {
            Path model = dir.resolve(fixture + ".zip");
            assertEquals(0, Cli.run("import", "--from", runFolder(fixture).toString(), "--out", model.toString()).exitCode());
            Path out = dir.resolve("export-" + fixture);
            Cli exp = Cli.run("export", "--model", model.toString(), "--format", "pytorch", "--out", out.toString());
            assertEquals(0, exp.exitCode(), exp.err());
            // the exported state dict holds exactly the values PyTorch wrote, as float32, with PyTorch's names and shapes
            TorchCheckpoint.StateDict original = TorchCheckpoint.read(resource(fixture + ".pt"));
            TorchCheckpoint.StateDict exported = TorchCheckpoint.read(out.resolve("model.pt"));
            assertEquals(TorchCheckpoint.Format.ZIP, exported.format());
            assertEquals(original.tensors().keySet(), exported.tensors().keySet());
            for (String k : original.tensors().keySet()) {
                assertArrayEquals(original.tensors().get(k).shape(), exported.tensors().get(k).shape(), k);
                assertArrayEquals(original.tensors().get(k).values(), exported.tensors().get(k).values(), 0f, k);
                assertEquals("float32", exported.tensors().get(k).dtype());
            }
            Path again = dir.resolve("again-" + fixture + ".zip");
            Cli re = Cli.run("import", "--from", out.toString(), "--out", again.toString());
            assertEquals(0, re.exitCode(), re.err());
            VaeModel a = VaeModel.load(model);
            VaeModel b = VaeModel.load(again);
            assertEquals(a.architecture(), b.architecture());
            assertEquals(a.manifest().divergence(), b.manifest().divergence());
            assertEquals(a.manifest().lambda(), b.manifest().lambda());
            assertEquals(a.manifest().reconstruction(), b.manifest().reconstruction());
            for (Architecture.Parameter p : a.architecture().parameters()) {
                assertArrayEquals(a.weights().get(p.name()), b.weights().get(p.name()), 0f, p.name());
            }
        }
    }

    @Test
    void exportedSpecsUseGeometricJsVocabulary() throws IOException {
        Path model = dir.resolve("m.zip");
        assertEquals(0, Cli.run("import", "--from", runFolder("b64rgb_legacy_half").toString(), "--out", model.toString()).exitCode());
        Path out = dir.resolve("exp");
        assertEquals(0, Cli.run("export", "--model", model.toString(), "--out", out.toString()).exitCode());
        String specs = Files.readString(out.resolve("specs.json"));
        assertTrue(specs.contains("\"loss\" : \"dGJS\""), specs);
        assertTrue(specs.contains("\"GJS_A\" : 0.3"), specs);
        assertTrue(specs.contains("\"img_size\" : [ 3, 64, 64 ]"), specs);
        assertTrue(specs.contains("\"model_type\" : \"Burgess\""), specs);
    }

    // ---- bad input: exit 2, one line naming the file and the problem, nothing written ----

    private void refused(Path from, String... expected) {
        refused(new String[] {"--from", from.toString()}, from, expected);
    }

    private void refused(String[] args, Path named, String... expected) {
        Path out = dir.resolve("out.zip");
        String[] all = new String[args.length + 3];
        all[0] = "import";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--out";
        all[args.length + 2] = out.toString();
        Cli r = Cli.run(all);
        assertEquals(2, r.exitCode(), r.err() + r.out());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.startsWith("error: "), err);
        assertTrue(err.contains(named.getFileName().toString()), "names the file: " + err);
        for (String e : expected) {
            assertTrue(err.contains(e), "'" + e + "' in: " + err);
        }
        assertFalse(Files.exists(out), "no output file");
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("out.zip")), "no temporary left behind");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void truncatedCheckpointsInBothFormats() throws IOException {
        byte[] zip = CheckpointBuilder.fixture("b32_zip_half.pt");
        refused(write("zip-half.pt", Arrays.copyOf(zip, zip.length / 2)), "truncated or corrupt");
        refused(write("zip-short.pt", Arrays.copyOf(zip, zip.length - 30)), "truncated or corrupt");
        byte[] legacy = CheckpointBuilder.fixture("b32_legacy.pt");
        for (int cut : new int[] {20, 1000, legacy.length / 2, legacy.length - 1}) {
            refused(write("legacy-" + cut + ".pt", Arrays.copyOf(legacy, cut)), "truncated");
        }
    }

    @Test
    void corruptCheckpointsInBothFormats() throws IOException {
        Map<String, byte[]> entries = CheckpointBuilder.entries(resource("b32_zip_half.pt"));
        byte[] pkl = entries.get("b32_zip_half/data.pkl");
        byte[] garbled = pkl.clone();
        Arrays.fill(garbled, 2, 40, (byte) 0xfe);
        entries.put("b32_zip_half/data.pkl", garbled);
        refused(write("zip-garbled.pt", CheckpointBuilder.zipOf(entries)), "refused pickle opcode 0xfe");
        byte[] zip = CheckpointBuilder.fixture("b32_zip_half.pt");
        zip[zip.length / 2] ^= 0x01; // one bit inside a stored tensor
        refused(write("zip-bitflip.pt", zip), "fails its CRC-32 check");
        byte[] legacy = CheckpointBuilder.fixture("b32_legacy.pt");
        byte[] bad = legacy.clone();
        bad[6] ^= 0x55; // inside the magic number
        refused(write("legacy-magic.pt", bad), "magic number");
        refused(write("notes.pt", "hello".getBytes(StandardCharsets.US_ASCII)), "not a PyTorch checkpoint");
    }

    @Test
    void aForbiddenGlobalIsRefusedInBothFormats() throws IOException {
        Map<String, byte[]> entries = CheckpointBuilder.entries(resource("b32_zip_half.pt"));
        entries.put("b32_zip_half/data.pkl", CheckpointBuilder.replace(entries.get("b32_zip_half/data.pkl"),
                "torch._utils\n_rebuild_tensor_v2\n", "posix\nsystem\n"));
        refused(write("zip-evil.pt", CheckpointBuilder.zipOf(entries)), "refused global posix.system");
        byte[] legacy = CheckpointBuilder.replace(CheckpointBuilder.fixture("b32_legacy.pt"),
                "collections\nOrderedDict\n", "builtins\neval\n");
        refused(write("legacy-evil.pt", legacy), "refused global builtins.eval");
    }

    @Test
    void bigEndianStoragesAreRefusedInBothFormats() throws IOException {
        byte[] legacy = CheckpointBuilder.replace(CheckpointBuilder.fixture("b32_legacy.pt"), "little_endianq\u0002\u0088",
                "little_endianq\u0002\u0089");
        refused(write("legacy-be.pt", legacy), "big-endian");
        Map<String, byte[]> entries = CheckpointBuilder.entries(resource("b32_zip_half.pt"));
        entries.put("b32_zip_half/byteorder", "big".getBytes(StandardCharsets.US_ASCII));
        refused(write("zip-be.pt", CheckpointBuilder.zipOf(entries)), "big-endian");
    }

    @Test
    void missingExtraAndMisshapenKeysAreNamedWithBothShapes() throws IOException {
        Map<String, long[]> missing = CheckpointBuilder.burgessShapes(32, 4, 1);
        missing.remove("decoder.convT3.bias");
        refused(write("missing.pt", CheckpointBuilder.zip(missing)), "missing key decoder.convT3.bias", "[1]");
        Map<String, long[]> extra = CheckpointBuilder.burgessShapes(64, 4, 1);
        extra.put("decoder.convT4.weight", new long[] {32, 1, 4, 4});
        refused(write("extra.pt", CheckpointBuilder.zip(extra)), "unexpected key decoder.convT4.weight", "[32, 1, 4, 4]");
        Map<String, long[]> shape = CheckpointBuilder.burgessShapes(32, 4, 1);
        shape.put("decoder.lin2.weight", new long[] {256, 255});
        refused(write("shape.pt", CheckpointBuilder.zip(shape)), "key decoder.lin2.weight has shape [256, 255], expected [256, 256]");
    }

    @Test
    void specsThatDisagreeWithTheShapesAreRefused() throws IOException {
        Path run = runFolder("b32_legacy");
        String specs = Files.readString(run.resolve("specs.json")).replace("\"latent_dim\": 4", "\"latent_dim\": 5");
        Files.writeString(run.resolve("specs.json"), specs);
        refused(new String[] {"--from", run.toString()}, run.resolve("specs.json"), "disagrees", "latent_dim 5", "latent_dim 4");
        Path other = Files.writeString(dir.resolve("other-specs.json"), specs.replace("\"latent_dim\": 5", "\"latent_dim\": 4")
                .replace("32,\n        32", "64,\n        64"));
        refused(new String[] {"--from", run.toString(), "--specs", other.toString()}, other, "disagrees", "1x64x64");
    }

    @Test
    void anArchitectureThatIsNotBurgessIsRefused() throws IOException {
        Map<String, long[]> mlp = new LinkedHashMap<>();
        mlp.put("encoder.fc1.weight", new long[] {400, 784});
        mlp.put("encoder.fc1.bias", new long[] {400});
        refused(write("mlp.pt", CheckpointBuilder.zip(mlp)), "not a Burgess");
        Path run = runFolder("b32_legacy");
        Files.writeString(run.resolve("specs.json"), Files.readString(run.resolve("specs.json"))
                .replace("\"model_type\": \"Burgess\"", "\"model_type\": \"Higgins\""));
        refused(new String[] {"--from", run.toString()}, run.resolve("specs.json"), "model_type is 'Higgins'");
    }

    private static byte[] uint8(Path npy, long[] shapeOut) throws IOException {
        try (InputStream in = Files.newInputStream(npy)) {
            Npy.Header h = Npy.readHeader(in);
            System.arraycopy(h.shape(), 0, shapeOut, 0, h.shape().length);
            return in.readNBytes((int) h.elements());
        }
    }
}
