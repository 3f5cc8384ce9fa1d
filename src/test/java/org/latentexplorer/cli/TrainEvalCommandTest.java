package org.latentexplorer.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.model.VaeModel;

/**
 * The engine's commands end to end, in-process: train on procedural dSprites, evaluate, resume,
 * reload; and the one-line errors with exit code 2 for the bad inputs the brief names. One model is
 * trained once for the class; every test runs alone, in any order, and writes only into its own directory
 * (a test that changes the model works on a copy).
 */
class TrainEvalCommandTest {
    @TempDir
    static Path shared;
    private static Path trained;
    private static Cli training;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainOnce() {
        trained = shared.resolve("m.zip");
        training = Cli.run("train", "--dataset", "dsprites", "--divergence", "jsg-dual", "--alpha", "0.5", "--limit", "128",
                "--epochs", "1", "--batch", "64", "--latents", "4", "--out", trained.toString());
    }

    /** The model trained for the class (read-only: copy it before changing it). */
    static Path model() {
        assertEquals(0, training.exitCode(), training.err());
        return trained;
    }

    @Test
    void trainsPrintsAnEpochLineAndWritesALoadableModel() {
        Cli r = training;
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("epoch 1/1") && l.contains("kl1") && l.contains("kl2")), r.out());
        VaeModel m = VaeModel.load(model());
        assertEquals(64, m.architecture().imageSize());
        assertEquals(4, m.latentSize());
        assertEquals(1, m.manifest().epochsCompleted());
        assertEquals(0.5, m.manifest().divergence().alpha());
        // provenance: what exactly the data were, and the software and machine that trained it
        assertEquals(org.latentexplorer.data.DatasetIdentity.DSPRITES_GENERATOR, m.manifest().provenance().datasetIdentity());
        assertTrue(m.manifest().environment().java().startsWith(System.getProperty("java.version")),
                m.manifest().environment().toString());
        assertTrue(m.manifest().environment().backend().startsWith("CpuBackend"), m.manifest().environment().toString());
        assertTrue(m.manifest().environment().os().startsWith(System.getProperty("os.name")), m.manifest().environment().toString());
    }

    @Test
    void evalPrintsTheErrorAloneOnTheLastLine() {
        Cli r = Cli.run("eval", "--model", model().toString(), "--limit", "128");
        assertEquals(0, r.exitCode(), r.err());
        double v = Double.parseDouble(r.lastLine());
        assertTrue(v > 0 && Double.isFinite(v), r.out());
    }

    @Test
    void resumeContinuesToTheNewTotal() throws IOException {
        Path m = Files.copy(model(), dir.resolve("resumed.zip"));
        Cli r = Cli.run("train", "--resume", m.toString(), "--epochs", "2", "--out", m.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("epoch 2/2")), r.out());
        assertEquals(2, VaeModel.load(m).manifest().history().size());
        assertEquals(1, VaeModel.load(model()).manifest().history().size(), "the class's model is unchanged");
    }

    @Test
    void resumeKeepsCopiesWhenAskedAndRefusesSettingsItWouldIgnore() throws IOException {
        Path m = Files.copy(model(), dir.resolve("kept.zip"));
        Cli r = Cli.run("train", "--resume", m.toString(), "--epochs", "3", "--keep-every", "2", "--out", m.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.exists(dir.resolve("kept-epoch2.zip")), "--keep-every is honoured on resume");
        assertFalse(Files.exists(dir.resolve("kept-epoch3.zip")));
        assertEquals(2, VaeModel.load(dir.resolve("kept-epoch2.zip")).manifest().epochsCompleted());
        assertEquals(3, VaeModel.load(m).manifest().epochsCompleted());

        // a setting beside --resume used to be ignored without a word; now it is refused and the file is untouched
        byte[] before = Files.readAllBytes(m);
        Cli lambda = Cli.run("train", "--resume", m.toString(), "--epochs", "4", "--lambda", "4", "--out", m.toString());
        assertUserError(lambda, "--lambda", "--resume", "kept.zip", "lambda 1.0", "seed 1234");
        Cli several = Cli.run("train", "--resume", m.toString(), "--epochs", "4", "--lr", "1e-3", "--limit", "64",
                "--out", m.toString());
        assertUserError(several, "--lr, --limit");
        assertArrayEquals(before, Files.readAllBytes(m));
    }

    @Test
    void aModelAndADataSetOfDifferentImageSizesAreRejected() throws IOException {
        Path mnist = mnistDir(dir.resolve("mnist"));
        Cli r = Cli.run("eval", "--model", model().toString(), "--dataset", "mnist:" + mnist);
        assertUserError(r, "m.zip", "64×64", "32×32");
    }

    @Test
    void aSpreadSubsetIsRecordedAndUsedAgainOnResume() {
        Path f = dir.resolve("spread.zip");
        Cli r = Cli.run("train", "--dataset", "dsprites", "--divergence", "kl-qp", "--limit", "64", "--subset", "spread",
                "--epochs", "1", "--batch", "64", "--latents", "2", "--out", f.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("spread evenly"), r.out());
        assertEquals("spread", VaeModel.load(f).manifest().provenance().subset());
        Cli resumed = Cli.run("train", "--resume", f.toString(), "--epochs", "2", "--out", f.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("spread evenly"), resumed.out());
        assertEquals("spread", VaeModel.load(f).manifest().provenance().subset());
        Cli eval = Cli.run("eval", "--model", f.toString(), "--limit", "64");
        assertTrue(eval.out().contains("spread evenly"), "eval uses the model's own subset: " + eval.out());
        assertUserError(Cli.run("train", "--divergence", "kl-qp", "--limit", "64", "--subset", "middle", "--out",
                dir.resolve("never2.zip").toString()), "middle");
    }

    @Test
    void corruptTruncatedAndMissingModelFiles() throws IOException {
        Path garbage = dir.resolve("garbage.zip");
        Files.write(garbage, "not a zip at all".getBytes());
        assertUserError(Cli.run("eval", "--model", garbage.toString()), garbage.toString());
        assertUserError(Cli.run("eval", "--model", dir.resolve("absent.zip").toString()), "absent.zip");
    }

    @Test
    void aTruncatedModelFileIsRejected() throws IOException {
        byte[] full = Files.readAllBytes(model());
        Path cut = dir.resolve("cut.zip");
        Files.write(cut, Arrays.copyOf(full, full.length / 2));
        assertUserError(Cli.run("eval", "--model", cut.toString()), cut.toString());
    }

    @Test
    void badValuesAreNamed() {
        String out = dir.resolve("never.zip").toString();
        assertUserError(Cli.run("train", "--divergence", "jsg", "--alpha", "1.5", "--out", out), "1.5");
        assertUserError(Cli.run("train", "--divergence", "jsg", "--alpha", "NaN", "--out", out), "NaN");
        assertUserError(Cli.run("train", "--divergence", "kl-sideways", "--out", out), "kl-sideways");
        assertUserError(Cli.run("train", "--divergence", "beta", "--beta", "-1", "--out", out), "-1");
        assertUserError(Cli.run("train", "--dataset", "mnist:" + dir.resolve("nowhere"), "--divergence", "kl-qp", "--out", out),
                "nowhere");
        assertUserError(Cli.run("train", "--dataset", "imagenet", "--divergence", "kl-qp", "--out", out), "imagenet");
        assertFalse(Files.exists(Path.of(out)));
    }

    @Test
    void datasetExportWritesOnePngPerIndex() throws IOException {
        Path png = dir.resolve("png");
        Cli r = Cli.run("dataset", "export", "--dataset", "dsprites", "--indices", "0,737279", "--out", png.toString());
        assertEquals(0, r.exitCode(), r.err());
        for (String name : List.of("0.png", "737279.png")) {
            var img = javax.imageio.ImageIO.read(png.resolve(name).toFile());
            assertEquals(64, img.getWidth());
            assertEquals(64, img.getHeight());
            assertEquals(java.awt.image.BufferedImage.TYPE_BYTE_GRAY, img.getType());
            var text = org.latentexplorer.render.export.PngExport.readText(png.resolve(name));
            assertTrue(text.get(org.latentexplorer.render.export.PngExport.SETTINGS).contains("dataset-identity="
                    + org.latentexplorer.data.DatasetIdentity.DSPRITES_GENERATOR), text.toString());
            assertTrue(text.get(org.latentexplorer.render.export.ExportMetadata.ENVIRONMENT).contains("backend=not used"),
                    text.toString());
        }
        try (var files = Files.list(png)) {
            assertEquals(2, files.count(), "no temporary files left");
        }
        assertUserError(Cli.run("dataset", "export", "--dataset", "dsprites", "--indices", "3,737280", "--out", png.toString()),
                "737280");
        assertFalse(Files.exists(png.resolve("3.png")), "nothing is written when an index is out of range");
    }

    @Test
    void downloadRejectsWhatItCannotFetch() {
        assertUserError(Cli.run("dataset", "download", "--dataset", "dsprites"), "dsprites");
        // a mirror on a closed local port: a network failure names the URL
        assertUserError(Cli.run("dataset", "download", "--dataset", "mnist:" + dir.resolve("dl"), "--mirror",
                "http://127.0.0.1:9/mnist/"), "127.0.0.1:9");
    }

    static void assertUserError(Cli r, String... mentioned) {
        assertEquals(2, r.exitCode(), "exit code; out=" + r.out() + " err=" + r.err());
        String err = r.err().strip();
        assertTrue(err.startsWith("error: "), err);
        for (String m : mentioned) {
            assertTrue(err.contains(m), "'" + m + "' not in: " + err);
        }
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
    }

    /** A tiny MNIST directory: 3 train and 2 test 28×28 images with labels, plain IDX. */
    static Path mnistDir(Path d) throws IOException {
        Files.createDirectories(d);
        Files.write(d.resolve("train-images-idx3-ubyte"), images(3));
        Files.write(d.resolve("train-labels-idx1-ubyte"), labels(3));
        Files.write(d.resolve("t10k-images-idx3-ubyte"), images(2));
        Files.write(d.resolve("t10k-labels-idx1-ubyte"), labels(2));
        return d;
    }

    static byte[] images(int n) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * 784);
        b.putInt(0x803).putInt(n).putInt(28).putInt(28);
        for (int i = 0; i < n * 784; i++) {
            b.put((byte) (i * 7));
        }
        return b.array();
    }

    static byte[] labels(int n) {
        ByteBuffer b = ByteBuffer.allocate(8 + n);
        b.putInt(0x801).putInt(n);
        for (int i = 0; i < n; i++) {
            b.put((byte) i);
        }
        return b.array();
    }
}
