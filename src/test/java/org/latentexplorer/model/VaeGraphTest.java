package org.latentexplorer.model;

import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.divergence.Divergences;
import org.latentexplorer.divergence.Mmd;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Table 3 graphs against independent computations: parameter counts of docs/method.md §3, the loss
 * recomputed in Java from separately built encoder and decoder graphs (which also checks that
 * inference graphs agree with the training graph), and MMD against its double implementation.
 */
class VaeGraphTest {
    static VaeModel model(Architecture arch, long seed) {
        ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT, ModelManifest.FORMAT_VERSION, "test", "test", "",
                arch, DivergenceSpec.of(DivergenceKind.KL_QP), 1, Reconstruction.MSE,
                new Provenance("test", 0, 1, 1, 1e-4, seed), 0, 0, List.of());
        return new VaeModel(manifest, VaeWeights.initialise(arch, seed));
    }

    static float[] images(int n, int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * size * size];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble() < 0.3 ? (float) r.nextDouble() : 0f;
        }
        return x;
    }

    @Test
    void parameterCountsMatchTheSpec() {
        assertEquals(469_173, new Architecture(32, 10).parameterCount());
        assertEquals(502_005, new Architecture(64, 10).parameterCount());
        assertEquals(518_945, new Architecture(64, 32).parameterCount());
    }

    @Test
    void initialisationBoundsFollowPyTorch() {
        Architecture arch = new Architecture(32, 10);
        VaeWeights w = VaeWeights.initialise(arch, 5);
        // convT3 has fan_in = out_ch·16 = 16 (§3): weights within sqrt(6/16), and they fill that range
        float[] convT3 = w.get("dec.convT3.W");
        double bound = Math.sqrt(6.0 / 16);
        double max = 0;
        for (float f : convT3) {
            assertTrue(Math.abs(f) <= bound);
            max = Math.max(max, Math.abs(f));
        }
        assertTrue(max > 0.9 * bound, "range is used: " + max);
        float[] lin1b = w.get("enc.lin1.b");
        for (float f : lin1b) {
            assertTrue(Math.abs(f) <= 1 / Math.sqrt(512));
        }
        assertArrayEquals(w.get("enc.head.W"), VaeWeights.initialise(arch, 5).get("enc.head.W"), "seeded");
    }

    @Test
    void decoderProducesImagesInUnitInterval() {
        VaeModel m = model(new Architecture(64, 10), 1);
        float[] z = new float[3 * 10];
        z[5] = 1.5f;
        float[] img = m.decode(z, 3);
        assertEquals(3 * 64 * 64, img.length);
        for (float v : img) {
            assertTrue(v > 0 && v < 1);
        }
    }

    @Test
    void evaluationLossEqualsJavaRecomputationFromInferenceGraphs() {
        for (int size : new int[] {32, 64}) {
            for (DivergenceSpec spec : List.of(DivergenceSpec.of(DivergenceKind.JSG_DUAL, 0.3),
                    DivergenceSpec.of(DivergenceKind.JSG, 0.7), new DivergenceSpec(DivergenceKind.BETA, 0.5, 4.0))) {
                checkEvaluationLoss(size, spec, Reconstruction.MSE);
            }
        }
        checkEvaluationLoss(32, DivergenceSpec.of(DivergenceKind.KL_PQ), Reconstruction.BERNOULLI);
    }

    private void checkEvaluationLoss(int size, DivergenceSpec spec, Reconstruction recon) {
        Architecture arch = new Architecture(size, 10);
        VaeModel m = model(arch, 11);
        int n = 5;
        float[] x = images(n, size, 3);
        double lambda = 1.5;
        VaeGraph eval = VaeGraph.build(m.weights(), VaeGraph.Mode.EVALUATE, new VaeGraph.LossSpec(spec, lambda, recon));
        Map<String, INDArray> out = eval.sameDiff().output(Map.of(VaeGraph.X, Nd4j.create(x, new long[] {n, 1, size, size}, 'c')),
                eval.scalarOutputs());
        // independent: encoder graph → μ, decoder graph on z = μ → x̂, loss in double
        float[] enc = m.encode(x, n);
        float[] mu = new float[n * 10];
        float[] logvar = new float[n * 10];
        for (int i = 0; i < n; i++) {
            System.arraycopy(enc, i * 20, mu, i * 10, 10);
            System.arraycopy(enc, i * 20 + 10, logvar, i * 10, 10);
        }
        float[] xhat = m.decode(mu, n);
        double rec = 0;
        for (int i = 0; i < x.length; i++) {
            double p = xhat[i];
            rec += recon == Reconstruction.MSE ? (p - x[i]) * (p - x[i])
                    : -(x[i] * Math.max(Math.log(p), -100) + (1 - x[i]) * Math.max(Math.log(1 - p), -100));
        }
        rec /= n;
        double div = Divergences.perDimension(spec, mu, logvar, n, 10).total();
        String what = size + " " + spec.describe() + " " + recon;
        assertEquals(rec, out.get(VaeGraph.REC_LOSS).getDouble(0), 2e-4 * Math.abs(rec), "rec " + what);
        assertEquals(div, out.get(VaeGraph.DIV).getDouble(0), 1e-4 * Math.abs(div) + 1e-5, "div " + what);
        assertEquals(rec + lambda * div, out.get(VaeGraph.LOSS).getDouble(0), 2e-4 * Math.abs(rec + lambda * div), "loss " + what);
    }

    @Test
    void trainingGraphWithZeroNoiseEqualsEvaluationGraph() {
        Architecture arch = new Architecture(32, 10);
        VaeWeights w = VaeWeights.initialise(arch, 2);
        VaeGraph.LossSpec loss = new VaeGraph.LossSpec(DivergenceSpec.of(DivergenceKind.JSG_DUAL, 0.5), 1, Reconstruction.MSE);
        int n = 4;
        INDArray x = Nd4j.create(images(n, 32, 9), new long[] {n, 1, 32, 32}, 'c');
        VaeGraph train = VaeGraph.build(w, VaeGraph.Mode.TRAIN, loss);
        VaeGraph eval = VaeGraph.build(w, VaeGraph.Mode.EVALUATE, loss);
        double a = train.sameDiff().output(Map.of(VaeGraph.X, x, VaeGraph.EPS, Nd4j.zeros(n, 10).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT)),
                VaeGraph.LOSS).get(VaeGraph.LOSS).getDouble(0);
        double b = eval.sameDiff().output(Map.of(VaeGraph.X, x), VaeGraph.LOSS).get(VaeGraph.LOSS).getDouble(0);
        assertEquals(b, a, 1e-5 * Math.abs(b));
        // and ε matters in training mode
        INDArray eps = Nd4j.ones(n, 10).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        double c = train.sameDiff().output(Map.of(VaeGraph.X, x, VaeGraph.EPS, eps), VaeGraph.LOSS).get(VaeGraph.LOSS).getDouble(0);
        assertNotEquals(a, c, 1e-6 * Math.abs(a));
    }

    @Test
    void mmdInTheGraphEqualsTheDoubleImplementation() {
        Architecture arch = new Architecture(32, 4);
        VaeModel m = model(arch, 4);
        int n = 6;
        float[] x = images(n, 32, 1);
        float[] prior = new float[Mmd.PRIOR_SAMPLES * 8];
        SplittableRandom r = new SplittableRandom(8);
        for (int i = 0; i < prior.length; i++) {
            prior[i] = (float) r.nextGaussian();
        }
        VaeGraph eval = VaeGraph.build(m.weights(), VaeGraph.Mode.EVALUATE,
                new VaeGraph.LossSpec(DivergenceSpec.of(DivergenceKind.MMD), 500, Reconstruction.MSE));
        Map<String, INDArray> feed = new LinkedHashMap<>();
        feed.put(VaeGraph.X, Nd4j.create(x, new long[] {n, 1, 32, 32}, 'c'));
        feed.put(VaeGraph.PRIOR, Nd4j.create(prior, new long[] {Mmd.PRIOR_SAMPLES, 8}, 'c'));
        double graph = eval.sameDiff().output(feed, VaeGraph.DIV).get(VaeGraph.DIV).getDouble(0);
        float[] z = m.encode(x, n); // rows of μ then log σ²: exactly concat(μ, logvar)
        double expected = Mmd.value(z, n, prior, Mmd.PRIOR_SAMPLES, 8);
        assertEquals(expected, graph, 1e-4 * Math.abs(expected) + 1e-6);
        assertTrue(expected > 0);
    }
}
