package org.latentexplorer.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.latentexplorer.cli.TrainEvalCommandTest.assertUserError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.testing.ZipBuilder;

/**
 * Faulty and hostile inputs on the command line: each must end in one line naming the file or
 * value and the problem (exit 2), never a crash, a lost model or a silent wrong result.
 */
class HostileInputTest {
    @TempDir
    Path dir;

    @Test
    void resumingFromANegativeAdamMomentIsRefusedAndTheFileKept() throws Exception {
        Path mnist = CliFixtures.mnistDir(dir.resolve("mnist"), 4);
        Path model = dir.resolve("m.zip");
        Cli trained = Cli.run("train", "--dataset", "mnist:" + mnist, "--divergence", "kl-qp", "--latents", "2", "--batch", "4",
                "--epochs", "1", "--out", model.toString());
        assertEquals(0, trained.exitCode(), trained.err());
        ZipBuilder.copyOf(model, (name, data) -> {
            if (name.equals("optimizer/dec.lin1.b.v.npy")) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(data).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                b.putFloat(data.length - 4, -1f);
            }
            return data;
        }).write(model);
        byte[] before = Files.readAllBytes(model);
        Cli r = Cli.run("train", "--resume", model.toString(), "--epochs", "2", "--out", model.toString());
        assertUserError(r, model.toString(), "optimizer/dec.lin1.b.v.npy", "-1");
        assertArrayEquals(before, Files.readAllBytes(model));
    }

    @Test
    void evalWithALastBatchOfOneImageWorks() {
        Path model = CliFixtures.mnistModel(dir, "mnist:" + CliFixtures.mnistDir(dir.resolve("mnist"), 129));
        Cli r = Cli.run("eval", "--model", model.toString(), "--limit", "129");
        assertEquals(0, r.exitCode(), r.err());
        double v = Double.parseDouble(r.lastLine());
        assertTrue(v > 0 && Double.isFinite(v), r.out());
    }

    @Test
    void aBadOutIsRefusedBeforeTheFirstStep() throws Exception {
        Path mnist = CliFixtures.mnistDir(dir.resolve("mnist"), 4);
        Path file = Files.writeString(dir.resolve("plain.txt"), "a file");
        Path readOnly = Files.createDirectories(dir.resolve("ro"));
        List<String[]> cases = new java.util.ArrayList<>(List.of(
                new String[] {dir.toString(), "is a directory"},
                new String[] {file.resolve("m.zip").toString(), "is a file, not a directory"}));
        if (Files.isDirectory(Path.of("/proc/self"))) {
            cases.add(new String[] {"/proc/latent-explorer-test/m.zip", "cannot be written"}); // a file system nobody can write to
        }
        if (readOnly.toFile().setWritable(false, false) && !Files.isWritable(readOnly)) {
            cases.add(new String[] {readOnly.resolve("m.zip").toString(), "cannot be written"}); // skipped as root
        }
        for (String[] c : cases) {
            Cli r = Cli.run("train", "--dataset", "mnist:" + mnist, "--divergence", "kl-qp", "--latents", "2", "--batch", "4",
                    "--epochs", "1", "--out", c[0]);
            assertUserError(r, c[0], c[1]);
            assertFalse(r.out().contains("epoch 1/1"), "no epoch ran: " + r.out());
        }
        readOnly.toFile().setWritable(true, false);
    }

    @Test
    void aFailingGridGifWarnsAndTrainingGoesOn() throws Exception {
        Path mnist = CliFixtures.mnistDir(dir.resolve("mnist"), 4);
        Path gif = Files.createDirectories(dir.resolve("grid.gif")); // a directory: every GIF write fails
        Path model = dir.resolve("m.zip");
        Cli r = Cli.run("train", "--dataset", "mnist:" + mnist, "--divergence", "kl-qp", "--latents", "2", "--batch", "4",
                "--epochs", "2", "--grid-gif", gif.toString(), "--out", model.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("warning: the grid gif " + gif) && r.err().contains("training goes on"), r.err());
        assertTrue(r.out().contains("epoch 2/2"), r.out());
        assertEquals(2, org.latentexplorer.model.ModelFile.read(model).manifest().epochsCompleted());
    }

    @Test
    void stoppingSaysWhichCheckpointIsTheLastGoodOne() {
        java.io.StringWriter text = new java.io.StringWriter();
        Path out = dir.resolve("m.zip");
        try (StopNotice notice = new StopNotice(new java.io.PrintWriter(text), out, 0)) {
            assertEquals("stopped; no checkpoint was written yet (" + out + " is unchanged)", notice.message());
            notice.saved(out, 3);
            assertEquals("stopped; last checkpoint: epoch 3 in " + out, notice.message());
        }
    }

    @Test
    void anEmptyIndexListIsAnError() {
        Cli r = Cli.run("dataset", "export", "--dataset", "dsprites", "--indices", ",", "--out", dir.resolve("x.png").toString());
        assertUserError(r, "--indices", "at least one index");
    }

    @Test
    void anOverflowingDivergenceIsRefusedWithAReason() {
        Cli r = Cli.run("divergence", "--name", "kl-qp", "--mu", "1e200", "--sigma", "1");
        assertUserError(r, "Infinity", "overflows");
        assertFalse(r.out().contains("Infinity"), r.out());
    }

    @Test
    void aLongBadInputLineIsCutInTheMessage() {
        String line = "jsg 0.5 " + "9,".repeat(1_500_000);
        Cli r = Cli.runWithInput(line + "\n", "divergence", "--batch");
        assertUserError(r, "standard input line 1", "characters in all");
        assertTrue(r.err().length() < 1000, r.err().length() + " characters of error");
    }

    @Test
    void aMissingRecordedDataSetNamesTheModel() {
        Path gone = dir.resolve("gone");
        Path model = CliFixtures.mnistModel(dir, "mnist:" + gone);
        Cli r = Cli.run("eval", "--model", model.toString());
        assertUserError(r, model.toString(), gone.toString(), "--dataset");
    }

    @Test
    void aModelWithAbsurdWeightsIsNotEvaluatedToNaN() throws Exception {
        Path model = CliFixtures.mnistModel(dir, "mnist:" + CliFixtures.mnistDir(dir.resolve("mnist"), 4));
        ZipBuilder.copyOf(model, (name, data) -> {
            if (name.startsWith("weights/") && name.endsWith(".W.npy")) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(data).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                for (int at = data.length - 4; at >= 128; at -= 4) {
                    b.putFloat(at, 1e30f); // finite, as an update with --lr 1e30 leaves them
                }
            }
            return data;
        }).write(model);
        Cli r = Cli.run("eval", "--model", model.toString(), "--limit", "4");
        assertUserError(r, model.toString(), "non-finite");
    }
}
