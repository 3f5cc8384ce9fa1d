package org.latentexplorer.training;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.model.Reconstruction;
import org.latentexplorer.testing.ArrayDataset;

/** The state after an update is checked: an update that ruins the weights never reaches the checkpoint. */
class DivergenceAfterUpdateTest {
    @TempDir
    Path dir;

    private static TrainingConfig config(double lr, int epochs) {
        return new TrainingConfig("test", 0, DivergenceSpec.of(DivergenceKind.KL_QP), 1, Reconstruction.MSE, 4, epochs, 4, lr, 7, 0);
    }

    @Test
    void anEnormousLearningRateStopsTrainingAndLeavesTheFileByteIdentical() throws Exception {
        ArrayDataset data = ArrayDataset.squares(4, 32);
        Path out = dir.resolve("m.zip");
        Trainer.fresh(config(1e-3, 1), data).run(out, new TrainingListener() { }, new Cancellation());
        byte[] good = Files.readAllBytes(out);
        // one step per epoch: the update of step 1 is the one that would be saved
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> Trainer.fresh(config(1e30, 2), data).run(out, new TrainingListener() { }, new Cancellation()));
        assertTrue(e.getMessage().contains("epoch 1, step 1") && e.getMessage().contains("after the update"), e.getMessage());
        assertArrayEquals(good, Files.readAllBytes(out), "the good file is untouched");
    }
}
