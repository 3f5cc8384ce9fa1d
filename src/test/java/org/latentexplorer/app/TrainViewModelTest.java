package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.data.DatasetSpec;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.model.EpochRecord;
import org.latentexplorer.training.TrainingConfig;
import org.latentexplorer.training.TrainingEvents;
import org.latentexplorer.training.TrainingJob;

/** The Train view model without a toolkit: the form's validation and the trainer events → chart path. */
class TrainViewModelTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultFormIsValidAndBuildsTheConfig() {
        TrainViewModel vm = new TrainViewModel(TaskRunner.sameThread(), dir);
        assertEquals("", vm.errorProperty().get());
        TrainingConfig c = vm.config();
        assertEquals("dsprites", c.dataset());
        assertEquals(DivergenceKind.JSG_DUAL, c.divergence().kind());
        assertEquals(0.5, c.divergence().alpha());
        assertEquals(4096, c.limit());
    }

    @Test
    void badFieldsAreNamedInTheErrorAndClearedWhenFixed() {
        TrainViewModel vm = new TrainViewModel(TaskRunner.sameThread(), dir);
        vm.epochs.set("three");
        assertTrue(vm.errorProperty().get().contains("Epochs"), vm.errorProperty().get());
        assertThrows(UserInputException.class, vm::prepare);
        vm.epochs.set("3");
        vm.batch.set("0");
        assertTrue(vm.errorProperty().get().toLowerCase(java.util.Locale.ROOT).contains("batch size"), vm.errorProperty().get());
        vm.batch.set("32");
        vm.datasetKind.set(DatasetSpec.Kind.MNIST);
        vm.datasetPath.set("");
        assertTrue(vm.errorProperty().get().contains("Path: choose the data set's folder"), vm.errorProperty().get());
        vm.datasetKind.set(DatasetSpec.Kind.DSPRITES);
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void everyBadFieldIsKnownAtOnceWithItsMessage() {
        TrainViewModel vm = new TrainViewModel(TaskRunner.sameThread(), dir);
        assertTrue(vm.fieldErrors().isEmpty());
        vm.divergence.set(DivergenceKind.BETA);
        vm.datasetKind.set(DatasetSpec.Kind.FOLDER);
        vm.datasetPath.set(" ");
        vm.limit.set("-1");
        vm.beta.set("0");
        vm.lambda.set("-2");
        vm.epochs.set("");
        vm.batch.set("100000");
        vm.learningRate.set("NaN");
        vm.latents.set("2.5");
        vm.seed.set("x");
        java.util.Map<TrainViewModel.Field, String> bad = vm.fieldErrors();
        assertEquals(java.util.EnumSet.allOf(TrainViewModel.Field.class), bad.keySet());
        assertEquals("a whole number 0 or more (0 = the whole set), not -1", bad.get(TrainViewModel.Field.LIMIT));
        assertEquals("a number above 0, e.g. 4, not '0'", bad.get(TrainViewModel.Field.BETA));
        assertEquals("a whole number 1 or more is needed", bad.get(TrainViewModel.Field.EPOCHS));
        assertEquals("a whole number from 1 to 65536, not 100000", bad.get(TrainViewModel.Field.BATCH));
        assertEquals("a number above 0, e.g. 1e-4, not 'NaN'", bad.get(TrainViewModel.Field.LEARNING_RATE));
        assertEquals("a whole number from 1 to 1024, not '2.5'", bad.get(TrainViewModel.Field.LATENTS));
        assertTrue(vm.errorProperty().get().startsWith("9 fields to correct: Path, Limit, β, λ"), vm.errorProperty().get());
        // β only matters for β-VAE
        vm.divergence.set(DivergenceKind.KL_QP);
        assertFalse(vm.fieldErrors().containsKey(TrainViewModel.Field.BETA));
    }

    @Test
    void choosingMmdSetsItsDefaultLambdaUnlessTheUserChangedIt() {
        TrainViewModel vm = new TrainViewModel(TaskRunner.sameThread(), dir);
        vm.divergence.set(DivergenceKind.MMD);
        assertEquals("500", vm.lambda.get());
        vm.lambda.set("250");
        vm.divergence.set(DivergenceKind.KL_QP);
        assertEquals("250", vm.lambda.get());
    }

    @Test
    void drainedStepsBecomeChartPointsAndProgress() {
        TrainViewModel vm = new TrainViewModel(TaskRunner.sameThread(), dir);
        TrainingJob job = vm.prepare();
        assertEquals(TrainViewModel.State.RUNNING, vm.stateProperty().get());
        assertEquals(2, vm.losses().getSeriesCount());
        assertEquals(3, vm.regularisers().getSeriesCount());
        TrainingConfig c = job.config();
        job.offer(new TrainingEvents.Started(c, 1, 4, 256, 1000));
        for (int s = 1; s <= 4; s++) {
            job.offer(new TrainingEvents.Step(1, 3, s, 4, s, 64, 10 - s, 8 - s, 2, 1, 1.5));
        }
        vm.drain();
        assertEquals(4, vm.pointsProperty().get());
        assertEquals(4, vm.losses().getSeries(0).getItemCount());
        assertEquals(6.0, vm.losses().getSeries(0).getY(3).doubleValue());
        assertEquals(1.0, vm.epochProgressProperty().get());
        assertEquals(1.0 / 3, vm.overallProgressProperty().get(), 1e-12);
        assertTrue(vm.etaProperty().get().startsWith("ETA"));
        assertNotNull(vm.progressTextProperty().get());
    }

    @Test
    void anEpochRecordsTheCheckpointAndRequestsAPreview() {
        TrainViewModel vm = new TrainViewModel(TaskRunner.sameThread(), dir);
        TrainingJob job = vm.prepare();
        Path missing = dir.resolve("not-written.zip");
        job.offer(new TrainingEvents.Epoch(new EpochRecord(1, 5, 4, 1, 0.5, 0.5, 1, 256), 3, 100, new double[0], missing, null));
        vm.drain();
        assertEquals(missing, vm.checkpointProperty().get());
        // the preview reads the checkpoint through the runner; a missing file is reported, not thrown
        assertTrue(vm.messageProperty().get().contains("preview failed"), vm.messageProperty().get());
    }

    @Test
    void savingCopiesTheCheckpointAndMarksTheRunSaved() throws Exception {
        TrainViewModel vm = new TrainViewModel(TaskRunner.sameThread(), dir);
        assertTrue(vm.savedProperty().get(), "nothing to lose before a run");
        TrainingJob job = vm.prepare();
        assertFalse(vm.savedProperty().get());
        Path checkpoint = dir.resolve("checkpoint.zip");
        java.nio.file.Files.write(checkpoint, new byte[] {1, 2, 3});
        job.offer(new TrainingEvents.Epoch(new EpochRecord(1, 5, 4, 1, 0.5, 0.5, 1, 256), 1, 100, new double[0], checkpoint, null));
        vm.finished(TrainViewModel.State.FINISHED, "done");
        Path target = dir.resolve("saved/model.zip");
        boolean[] done = new boolean[1];
        vm.save(target, () -> done[0] = true);
        assertTrue(done[0]);
        assertTrue(vm.savedProperty().get());
        assertTrue(java.util.Arrays.equals(new byte[] {1, 2, 3}, java.nio.file.Files.readAllBytes(target)));
    }

    @Test
    void pauseResumeAndCancelDriveTheJob() {
        TrainViewModel vm = new TrainViewModel(TaskRunner.sameThread(), dir);
        TrainingJob job = vm.prepare();
        vm.pause();
        assertTrue(job.isPaused());
        assertEquals(TrainViewModel.State.PAUSED, vm.stateProperty().get());
        vm.resume();
        assertFalse(job.isPaused());
        vm.pause();
        vm.cancel();
        assertTrue(job.isCancelled());
        assertFalse(job.isPaused(), "cancel must release a paused training thread");
    }

    @Test
    void continuingNeedsAFileAndMoreEpochs() {
        TrainViewModel vm = new TrainViewModel(TaskRunner.sameThread(), dir);
        LoadedModel inMemory = ModelLoader.untrained(new org.latentexplorer.model.Architecture(64, 2));
        UserInputException noFile = assertThrows(UserInputException.class, () -> vm.prepareContinue(inMemory));
        assertTrue(noFile.getMessage().contains("no file"), noFile.getMessage());
        LoadedModel onDisk = new LoadedModel(dir.resolve("m.zip"), inMemory.model(), "m.zip", false, null);
        vm.epochs.set("0");
        UserInputException tooFew = assertThrows(UserInputException.class, () -> vm.prepareContinue(onDisk));
        assertTrue(tooFew.getMessage().contains("more than 0"), tooFew.getMessage());
        vm.epochs.set("2");
        TrainingJob job = vm.prepareContinue(onDisk);
        assertEquals(dir.resolve("m.zip"), job.resumeFrom());
        assertEquals(TrainViewModel.State.RUNNING, vm.stateProperty().get());
        assertEquals(5, vm.losses().getSeriesCount() + vm.regularisers().getSeriesCount(), "jsg-dual plots its KL terms");
    }

    @Test
    void longRunsAreAveragedToABoundedNumberOfPoints() {
        TrainViewModel vm = new TrainViewModel(TaskRunner.sameThread(), dir);
        TrainingJob job = vm.prepare();
        int steps = 3000;
        job.offer(new TrainingEvents.Started(job.config(), 1, steps, steps * 64, 1000));
        for (int s = 1; s <= steps; s++) {
            job.offer(new TrainingEvents.Step(1, 1, s, steps, s, 64, 2, 1, 1, 0.5, 0.5));
        }
        vm.drain();
        int n = vm.losses().getSeries(0).getItemCount();
        // the run has 3 epochs of 3000 steps (the config), so one epoch gets a third of the budget
        assertTrue(n <= TrainViewModel.MAX_POINTS / 3 + 1 && n >= TrainViewModel.MAX_POINTS / 4, "points: " + n);
        assertEquals(2.0, vm.losses().getSeries(0).getY(n - 1).doubleValue(), 1e-12);
    }

    @Test
    void theEtaCountsOnlyThisJobsTimeAndEndsWithTheRun() {
        // a continued run starting at 50 %: 25 % more took 10 s, so the last 25 % take 10 s more (not 3 s)
        assertEquals("ETA 0:00:10", TrainViewModel.eta(0.75, 0.5, 10));
        assertEquals("ETA 0:00:30", TrainViewModel.eta(0.25, 0.0, 10));
        assertEquals("", TrainViewModel.eta(0.5, 0.5, 10), "nothing done in this job yet: no estimate");
        TrainViewModel vm = new TrainViewModel(TaskRunner.sameThread(), dir);
        vm.etaProperty().set("ETA 0:01:00");
        vm.finished(TrainViewModel.State.CANCELLED, "cancelled");
        assertEquals("", vm.etaProperty().get(), "a cancelled run has no ETA");
        vm.etaProperty().set("ETA 0:01:00");
        vm.clearProgress();
        assertEquals("", vm.etaProperty().get(), "another model loaded: no ETA");
    }

    @Test
    void theSeriesHaveHumanNames() {
        assertEquals(java.util.List.of("total loss", "reconstruction", "divergence JS⁎ᴳᵅ′", "KL(Gα′‖q) term", "KL(Gα′‖p) term"),
                java.util.List.of(TrainViewModel.seriesNames(DivergenceKind.JSG_DUAL)));
        // the paper's variants use Gα′ ∝ q^α p^(1−α), Nielsen's Gα; the duals measure from the mean
        assertEquals("KL(q‖Gα′) term", TrainViewModel.seriesNames(DivergenceKind.JSG)[3]);
        assertEquals("KL(Gα‖p) term", TrainViewModel.seriesNames(DivergenceKind.JSG_NIELSEN_DUAL)[4]);
        assertEquals("KL(p‖Gα) term", TrainViewModel.seriesNames(DivergenceKind.JSG_NIELSEN)[4]);
        assertEquals(3, TrainViewModel.seriesNames(DivergenceKind.KL_QP).length);
    }

    @Test
    void theSubsetChoiceReachesTheConfig() {
        TrainViewModel vm = new TrainViewModel(TaskRunner.sameThread(), dir);
        assertEquals(org.latentexplorer.data.Subset.SPREAD, vm.config().subset(), "spread by default, as before");
        vm.subset.set(org.latentexplorer.data.Subset.FIRST);
        assertEquals(org.latentexplorer.data.Subset.FIRST, vm.config().subset());
    }
}
