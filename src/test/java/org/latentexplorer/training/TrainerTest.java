package org.latentexplorer.training;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.model.ModelFile;
import org.latentexplorer.model.Reconstruction;
import org.latentexplorer.model.VaeModel;
import org.latentexplorer.testing.ArrayDataset;

class TrainerTest {
    @TempDir
    Path dir;

    static TrainingConfig config(DivergenceKind kind, int epochs) {
        return new TrainingConfig("test", 0, DivergenceSpec.of(kind, 0.5), kind.defaultLambda(), Reconstruction.MSE, 4, epochs,
                16, 1e-3, 7, 0);
    }

    @Test
    void lossFallsEventsArriveAndCheckpointsAreWritten() {
        ArrayDataset data = ArrayDataset.squares(48, 32);
        List<TrainingEvents.Step> steps = new ArrayList<>();
        List<TrainingEvents.Epoch> epochs = new ArrayList<>();
        Path out = dir.resolve("m.zip");
        VaeModel model = Trainer.fresh(config(DivergenceKind.JSG_DUAL, 4), data).run(out, new TrainingListener() {
            @Override
            public void step(TrainingEvents.Step e) {
                steps.add(e);
            }

            @Override
            public void epoch(TrainingEvents.Epoch e) {
                epochs.add(e);
                assertTrue(Files.exists(e.checkpoint()), "checkpoint written before the event");
            }
        }, new Cancellation());
        assertEquals(4 * 3, steps.size(), "3 steps per epoch (48 / 16)");
        assertEquals(4, epochs.size());
        for (TrainingEvents.Step s : steps) {
            assertEquals(s.recLoss() + s.divergence(), s.loss(), 1e-3 * s.loss());
            assertEquals(0.5 * s.kl1() + 0.5 * s.kl2(), s.divergence(), 1e-4 + 1e-4 * s.divergence());
        }
        assertTrue(epochs.get(3).record().loss() < epochs.get(0).record().loss(), "loss falls: " + epochs);
        ModelFile.Contents c = ModelFile.read(out);
        assertEquals(4, c.manifest().epochsCompleted());
        assertEquals(4, c.manifest().history().size());
        assertEquals(12, c.optimizer().step());
        assertArrayEquals(model.weights().get("dec.convT3.W"), c.weights().get("dec.convT3.W"));
        assertEquals(4, epochs.get(0).divergencePerDimension().length);
    }

    @Test
    void resumingGivesTheSameModelAsAnUninterruptedRun() {
        ArrayDataset data = ArrayDataset.squares(40, 32);
        Path full = dir.resolve("full.zip");
        Trainer.fresh(config(DivergenceKind.KL_QP, 3), data).run(full, new TrainingListener() { }, new Cancellation());
        Path part = dir.resolve("part.zip");
        Trainer.fresh(config(DivergenceKind.KL_QP, 2), data).run(part, new TrainingListener() { }, new Cancellation());
        Trainer.resume(part, ModelFile.read(part), data, 3).run(part, new TrainingListener() { }, new Cancellation());
        ModelFile.Contents a = ModelFile.read(full);
        ModelFile.Contents b = ModelFile.read(part);
        assertEquals(3, b.manifest().epochsCompleted());
        assertArrayEquals(a.weights().get("enc.conv1.W"), b.weights().get("enc.conv1.W"), 1e-6f);
        assertArrayEquals(a.weights().get("dec.convT3.W"), b.weights().get("dec.convT3.W"), 1e-6f);
        assertEquals(a.manifest().history().get(2).loss(), b.manifest().history().get(2).loss(), 1e-4);
    }

    @Test
    void cancellationStopsBetweenStepsAndKeepsTheLastEpoch() {
        ArrayDataset data = ArrayDataset.squares(32, 32);
        Cancellation cancel = new Cancellation();
        Path out = dir.resolve("c.zip");
        int[] count = {0};
        VaeModel m = Trainer.fresh(config(DivergenceKind.KL_QP, 5), data).run(out, new TrainingListener() {
            @Override
            public void step(TrainingEvents.Step e) {
                if (++count[0] == 3) {
                    cancel.cancel();
                }
            }
        }, cancel);
        assertEquals(3, count[0], "no step after cancellation");
        assertNotNull(m);
        assertEquals(1, ModelFile.read(out).manifest().epochsCompleted());
    }

    @Test
    void nanStopsTrainingAndKeepsTheLastGoodCheckpoint() throws Exception {
        ArrayDataset good = ArrayDataset.squares(32, 32);
        Path out = dir.resolve("n.zip");
        Trainer.fresh(config(DivergenceKind.JSG, 1), good).run(out, new TrainingListener() { }, new Cancellation());
        byte[] before = Files.readAllBytes(out);
        float[] bad = new float[32 * 32 * 32];
        bad[5] = Float.NaN;
        ArrayDataset poisoned = new ArrayDataset(bad, 32, 32);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> Trainer.resume(out, ModelFile.read(out), poisoned, 2).run(out, new TrainingListener() { }, new Cancellation()));
        assertTrue(e.getMessage().contains("epoch 2"), e.getMessage());
        assertTrue(e.getMessage().contains("last good checkpoint (epoch 1)"), e.getMessage());
        assertTrue(e.getMessage().contains(out.toString()), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(out), "checkpoint untouched");
    }

    @Test
    void wrongImageSizeIsRejected() {
        ArrayDataset data = ArrayDataset.squares(8, 32);
        var spec = new TrainingConfig("test", 0, DivergenceSpec.of(DivergenceKind.KL_QP), 1, Reconstruction.MSE, 4, 1, 4, 1e-3, 1, 0);
        Trainer t = Trainer.fresh(spec, data);
        assertEquals(2, t.stepsPerEpoch());
        var c = ModelFile.read(write64());
        var ex = assertThrows(org.latentexplorer.common.UserInputException.class, () -> Trainer.resume(dir.resolve("m64.zip"), c, data, 5));
        assertTrue(ex.getMessage().contains("64×64"), ex.getMessage());
    }

    private Path write64() {
        Path f = dir.resolve("m64.zip");
        Trainer.fresh(new TrainingConfig("test", 0, DivergenceSpec.of(DivergenceKind.KL_QP), 1, Reconstruction.MSE, 4, 1, 8, 1e-3, 1, 0),
                ArrayDataset.squares(8, 64)).run(f, new TrainingListener() { }, new Cancellation());
        return f;
    }
}
