package org.latentexplorer.training;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.model.Reconstruction;
import org.latentexplorer.testing.ArrayDataset;

/** An output that cannot be written is found before the first step, not after an epoch's work. */
class OutputCheckTest {
    @TempDir
    Path dir;

    @Test
    void anUnwritableOutputStopsTrainingBeforeTheFirstStep() throws Exception {
        var config = new TrainingConfig("test", 0, DivergenceSpec.of(DivergenceKind.KL_QP), 1, Reconstruction.MSE, 2, 1, 4, 1e-3, 7, 0);
        Path file = Files.writeString(dir.resolve("file"), "x");
        for (Path out : new Path[] {dir, file.resolve("m.zip")}) {
            int[] steps = {0};
            UserInputException e = assertThrows(UserInputException.class, () -> Trainer.fresh(config, ArrayDataset.squares(8, 32))
                    .run(out, new TrainingListener() {
                        @Override
                        public void step(TrainingEvents.Step s) {
                            steps[0]++;
                        }
                    }, new Cancellation()));
            assertEquals(0, steps[0], "no step ran");
            assertTrue(e.getMessage().startsWith(out.toString()), e.getMessage());
        }
    }
}
