package org.latentexplorer.evaluation;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.model.Architecture;
import org.latentexplorer.model.ModelManifest;
import org.latentexplorer.model.Provenance;
import org.latentexplorer.model.Reconstruction;
import org.latentexplorer.model.VaeModel;
import org.latentexplorer.model.VaeWeights;
import org.latentexplorer.testing.ArrayDataset;

/**
 * The Table 2 metric against a computation written here from the encoder and decoder alone:
 * z = μ, per-image summed loss, batches of 128 in order, mean of batch means (the partial last
 * batch weighs as much as a full one).
 */
class ReconstructionErrorTest {
    static VaeModel model(Reconstruction recon) {
        Architecture arch = new Architecture(32, 4);
        ModelManifest m = new ModelManifest(ModelManifest.FORMAT, ModelManifest.FORMAT_VERSION, "test", "1.0.0-M2.1",
                "2026-01-01T00:00:00Z", arch, DivergenceSpec.of(DivergenceKind.JSG_DUAL, 0.5), 1.0, recon,
                new Provenance("test", 0, 0, 64, 1e-4, 1), 0, 0, List.of());
        return new VaeModel(m, VaeWeights.initialise(arch, 3));
    }

    static ArrayDataset noise(int n, int size, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        float[] px = new float[n * size * size];
        int hw = size * size;
        for (int i = 0; i < px.length; i++) {
            // the second half of the images are much darker, so batch composition matters
            px[i] = (float) (i / hw < n / 2 ? r.nextDouble() : 0.1 * r.nextDouble());
        }
        return new ArrayDataset(px, n, size);
    }

    /** Per-image loss from z = μ, computed in double from the decoder's output. */
    static double[] perImageLoss(VaeModel model, ArrayDataset data, Reconstruction recon) {
        int n = data.size();
        int hw = data.height() * data.width();
        float[] x = new float[n * hw];
        for (int i = 0; i < n; i++) {
            data.read(i, x, i * hw);
        }
        int d = model.latentSize();
        float[] post = model.encode(x, n);
        float[] mu = new float[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(post, i * 2 * d, mu, i * d, d);
        }
        float[] y = model.decode(mu, n);
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int p = 0; p < hw; p++) {
                double xi = x[i * hw + p];
                double yi = y[i * hw + p];
                if (recon == Reconstruction.MSE) {
                    s += (yi - xi) * (yi - xi);
                } else {
                    double ly = Math.max(Math.log(yi), -100);
                    double l1y = Math.max(Math.log1p(-yi), -100);
                    s -= xi * ly + (1 - xi) * l1y;
                }
            }
            loss[i] = s;
        }
        return loss;
    }

    @ParameterizedTest
    @EnumSource(Reconstruction.class)
    void meanOfBatchMeansWithAPartialLastBatch(Reconstruction recon) {
        VaeModel model = model(recon);
        ArrayDataset data = noise(300, 32, 7); // batches of 128, 128, 44; images 150.. are dark
        double[] l = perImageLoss(model, data, recon);
        double[] batchMeans = new double[3];
        int[] starts = {0, 128, 256, 300};
        for (int b = 0; b < 3; b++) {
            for (int i = starts[b]; i < starts[b + 1]; i++) {
                batchMeans[b] += l[i];
            }
            batchMeans[b] /= starts[b + 1] - starts[b];
        }
        double expected = (batchMeans[0] + batchMeans[1] + batchMeans[2]) / 3;
        double pooled = java.util.Arrays.stream(l).average().orElseThrow();
        assertNotEquals(expected, pooled, 1e-4 * expected, "the data must make the two averages differ for the test to bite");

        ReconstructionError.Result r = ReconstructionError.evaluate(model, data);
        assertEquals(3, r.batches());
        assertEquals(300, r.examples());
        assertEquals(expected, r.recLoss(), 2e-5 * expected);
    }

    @Test
    void rejectsImagesOfTheWrongSize() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> ReconstructionError.evaluate(model(Reconstruction.MSE), noise(4, 64, 1)));
        assertTrue(e.getMessage().contains("32×32"), e.getMessage());
        assertTrue(e.getMessage().contains("64×64"), e.getMessage());
    }
}
