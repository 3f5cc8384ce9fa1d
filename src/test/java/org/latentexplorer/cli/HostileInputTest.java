package org.latentexplorer.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.latentexplorer.cli.TrainEvalCommandTest.assertUserError;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
