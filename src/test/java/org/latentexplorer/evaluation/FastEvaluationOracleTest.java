package org.latentexplorer.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentexplorer.data.Batches;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.model.Architecture;
import org.latentexplorer.model.ModelManifest;
import org.latentexplorer.model.Provenance;
import org.latentexplorer.model.Reconstruction;
import org.latentexplorer.model.VaeModel;
import org.latentexplorer.model.VaeWeights;
import org.latentexplorer.testing.ArrayDataset;
import org.latentexplorer.training.Cancellation;
import org.latentexplorer.training.Trainer;
import org.latentexplorer.training.TrainingConfig;
import org.latentexplorer.training.TrainingListener;

/**
 * The fast evaluation ({@link ReconstructionError}) against its oracle, the SameDiff graph's evaluation
 * ({@link GraphReconstructionError}): for every divergence, at 32×32 and 64×64, on random weights and on a
 * model trained for a few steps, with MSE (and Bernoulli for a few divergences), on data whose last batch is
 * partial. Criterion: every output (recLoss, loss, divergence, kl1, kl2, each per-dimension divergence)
 * within 1e-5 relative of the graph's, |fast − graph| ≤ 1e-5·|graph| (plus 1e-9 absolute, for a value that
 * is exactly zero in one of them); the batch and example counts equal. One exception, MMD's divergence: the
 * graph sums its three kernel means (each of up to 40,000 float values in (0, 1]) in float and the statistic
 * is their small difference (~0.01–0.02 here), so the graph's own rounding is ~1e-6 absolute; the fast path
 * sums in double. For it the criterion is |fast − graph| ≤ 1e-5·|graph| + 5e-6 (the loss, which contains it,
 * still meets 1e-5 relative).
 */
class FastEvaluationOracleTest {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (int size : new int[] {32, 64}) {
            for (DivergenceKind kind : DivergenceKind.values()) {
                out.add(Arguments.of(kind, size, Reconstruction.MSE));
            }
            for (DivergenceKind kind : List.of(DivergenceKind.KL_QP, DivergenceKind.JSG_DUAL, DivergenceKind.MMD)) {
                out.add(Arguments.of(kind, size, Reconstruction.BERNOULLI));
            }
        }
        return out.stream();
    }

    /** Images in [0,1] with many exact zeros (as dSprites has) and a partial last batch. */
    private static ArrayDataset data(int n, int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] px = new float[n * size * size];
        for (int i = 0; i < px.length; i++) {
            px[i] = r.nextDouble() < 0.3 ? (float) r.nextDouble() : 0f;
        }
        return new ArrayDataset(px, n, size);
    }

    private static VaeModel randomModel(DivergenceKind kind, int size, Reconstruction recon) {
        Architecture arch = new Architecture(size, 6);
        ModelManifest m = new ModelManifest(ModelManifest.FORMAT, ModelManifest.FORMAT_VERSION, "test", "1.0.0-M2.1",
                "2026-01-01T00:00:00Z", arch, DivergenceSpec.of(kind), 1.0, recon,
                new Provenance("test", 0, 0, 64, 1e-4, 1), 0, 0, List.of());
        return new VaeModel(m, VaeWeights.initialise(arch, 11 + kind.ordinal()));
    }

    @ParameterizedTest(name = "{0} {1}x{1} {2}")
    @MethodSource("cases")
    void theFastEvaluationEqualsTheGraphsOnRandomAndTrainedWeights(DivergenceKind kind, int size, Reconstruction recon) {
        ArrayDataset data = data(size == 32 ? 300 : 150, size, 5 + kind.ordinal());
        compare(randomModel(kind, size, recon), data, "random weights");
        TrainingConfig config = new TrainingConfig("test", 0, DivergenceSpec.of(kind), 1, recon, 6, 1, 16, 1e-3, 7, 0);
        VaeModel trained = Trainer.fresh(config, data(48, size, 99)).run(dir.resolve("m.zip"), new TrainingListener() { },
                new Cancellation());
        compare(trained, data, "trained");
    }

    private static void compare(VaeModel model, ArrayDataset data, String what) {
        long seed = 42;
        ReconstructionError.Result graph = GraphReconstructionError.evaluate(model, data, Batches.EVAL_BATCH_SIZE, seed,
                p -> { }, () -> false);
        ReconstructionError.Result fast = ReconstructionError.evaluate(model, data, Batches.EVAL_BATCH_SIZE, seed,
                p -> { }, () -> false);
        assertEquals(graph.batches(), fast.batches(), what + ": batches");
        assertEquals(graph.examples(), fast.examples(), what + ": examples");
        close(graph.recLoss(), fast.recLoss(), what + ": recLoss");
        close(graph.loss(), fast.loss(), what + ": loss");
        boolean mmd = model.manifest().divergence().kind() == DivergenceKind.MMD;
        close(graph.divergence(), fast.divergence(), mmd ? 5e-6 : 1e-9, what + ": divergence");
        close(graph.kl1(), fast.kl1(), what + ": kl1");
        close(graph.kl2(), fast.kl2(), what + ": kl2");
        assertEquals(graph.divergencePerDimension().length, fast.divergencePerDimension().length, what + ": dimensions");
        for (int k = 0; k < graph.divergencePerDimension().length; k++) {
            close(graph.divergencePerDimension()[k], fast.divergencePerDimension()[k], what + ": divergence of dimension " + k);
        }
    }

    private static void close(double expected, double actual, String what) {
        close(expected, actual, 1e-9, what);
    }

    private static void close(double expected, double actual, double absolute, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NaN, got " + actual);
            return;
        }
        assertTrue(Math.abs(actual - expected) <= 1e-5 * Math.abs(expected) + absolute,
                what + ": graph " + expected + ", fast " + actual + ", relative difference "
                        + Math.abs(actual - expected) / Math.abs(expected));
    }
}
