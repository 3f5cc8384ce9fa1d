package org.latentexplorer.training;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.model.ModelFile;
import org.latentexplorer.model.Reconstruction;
import org.latentexplorer.testing.ArrayDataset;

class OneImageBatchTest {
    @TempDir
    Path dir;

    @Test
    void aLastBatchOfOneImageTrains() {
        ArrayDataset data = ArrayDataset.squares(5, 32);
        var config = new TrainingConfig("test", 0, DivergenceSpec.of(DivergenceKind.JSG_DUAL, 0.5), 1, Reconstruction.MSE, 4, 1,
                4, 1e-3, 7, 0);
        Path out = dir.resolve("one.zip");
        Trainer.fresh(config, data).run(out, new TrainingListener() { }, new Cancellation());
        assertEquals(2, ModelFile.read(out).optimizer().step());
    }
}
