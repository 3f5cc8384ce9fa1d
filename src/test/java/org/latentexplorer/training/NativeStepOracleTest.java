package org.latentexplorer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.model.Architecture;
import org.latentexplorer.model.Reconstruction;
import org.latentexplorer.model.VaeGraph;
import org.latentexplorer.model.VaeWeights;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The native step against its oracle, the SameDiff graph ({@link TrainingStep}): on random weights and
 * a random batch, with the same ε and prior samples, the loss components and every parameter gradient
 * agree. Criterion: each scalar within 1e-4 relative (plus 1e-6 absolute, for values near zero); each
 * gradient tensor g within 1e-4 of the graph's in norm, ‖g_native − g_graph‖₂ ≤ 1e-4·‖g_graph‖₂ (an
 * element-wise relative test would fail on elements that are zero up to float rounding).
 */
class NativeStepOracleTest {
    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> s = Stream.builder();
        for (DivergenceKind k : DivergenceKind.values()) {
            s.add(Arguments.of(32, DivergenceSpec.of(k, 0.3), Reconstruction.MSE));
        }
        s.add(Arguments.of(32, DivergenceSpec.of(DivergenceKind.KL_QP), Reconstruction.BERNOULLI));
        s.add(Arguments.of(32, DivergenceSpec.of(DivergenceKind.JSG_DUAL, 0.7), Reconstruction.BERNOULLI));
        s.add(Arguments.of(64, DivergenceSpec.of(DivergenceKind.KL_QP), Reconstruction.MSE));
        s.add(Arguments.of(64, DivergenceSpec.of(DivergenceKind.JSG_DUAL, 0.5), Reconstruction.MSE));
        s.add(Arguments.of(64, DivergenceSpec.of(DivergenceKind.MMD), Reconstruction.MSE));
        return s.build();
    }

    record Captured(TrainingStep.Result result, Map<String, float[]> gradients) {
    }

    @ParameterizedTest(name = "{0}x{0} {1} {2}")
    @MethodSource("cases")
    void lossAndEveryGradientEqualTheGraphs(int size, DivergenceSpec divergence, Reconstruction reconstruction) {
        Architecture arch = new Architecture(size, 5);
        VaeWeights weights = VaeWeights.initialise(arch, 31);
        int n = size == 32 ? 12 : 5;
        SplittableRandom random = new SplittableRandom(size + divergence.kind().ordinal());
        float[] pixels = new float[n * size * size];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextDouble() < 0.3 ? (float) random.nextDouble() : 0f;
        }
        VaeGraph.LossSpec loss = new VaeGraph.LossSpec(divergence, divergence.kind().defaultLambda(), reconstruction);
        Captured graph;
        try (TrainingStep step = new TrainingStep(weights, loss, 1e-3, null)) {
            graph = capture(step, pixels, n);
        }
        Captured fast;
        try (NativeStep step = new NativeStep(weights, loss, 1e-3, null)) {
            fast = capture(step, pixels, n);
        }
        TrainingStep.Result g = graph.result();
        TrainingStep.Result f = fast.result();
        close("loss", g.loss(), f.loss());
        close("recLoss", g.recLoss(), f.recLoss());
        close("divergence", g.divergence(), f.divergence());
        if (divergence.kind().isSkewJs()) {
            close("kl1", g.kl1(), f.kl1());
            close("kl2", g.kl2(), f.kl2());
        } else {
            assertTrue(Double.isNaN(f.kl1()) && Double.isNaN(f.kl2()));
        }
        assertEquals(g.perDimension().length, f.perDimension().length);
        for (int k = 0; k < g.perDimension().length; k++) {
            close("divergence of dimension " + k, g.perDimension()[k], f.perDimension()[k]);
        }
        assertEquals(graph.gradients().keySet(), fast.gradients().keySet());
        for (String name : graph.gradients().keySet()) {
            float[] a = graph.gradients().get(name);
            float[] b = fast.gradients().get(name);
            double diff = 0;
            double norm = 0;
            for (int i = 0; i < a.length; i++) {
                diff += ((double) a[i] - b[i]) * ((double) a[i] - b[i]);
                norm += (double) a[i] * a[i];
            }
            assertTrue(norm > 0, "the graph's gradient of " + name + " is zero: the case tests nothing");
            assertTrue(Math.sqrt(diff) <= 1e-4 * Math.sqrt(norm),
                    "gradient of " + name + ": relative difference " + Math.sqrt(diff / norm));
        }
    }

    /** Adam's state and the weights after a step, per parameter, as the graph's step leaves them (the native step keeps them in one vector). */
    @org.junit.jupiter.api.Test
    void adamStateAndWeightsAfterAStepAreTheGraphs() {
        Architecture arch = new Architecture(32, 3);
        VaeWeights weights = VaeWeights.initialise(arch, 5);
        float[] pixels = Benchmark.images(32, 6);
        VaeGraph.LossSpec loss = new VaeGraph.LossSpec(DivergenceSpec.of(DivergenceKind.KL_QP), 1, Reconstruction.MSE);
        org.latentexplorer.model.AdamState ga;
        VaeWeights gw;
        try (TrainingStep step = new TrainingStep(weights, loss, 1e-3, null)) {
            capture(step, pixels, 6);
            ga = step.optimizerState();
            gw = step.snapshot();
        }
        org.latentexplorer.model.AdamState na;
        VaeWeights nw;
        try (NativeStep step = new NativeStep(weights, loss, 1e-3, ga)) {
            // resumed from the graph's state: the state read back is the one given
            assertEquals(ga.step(), step.optimizerState().step());
            for (String name : ga.m().keySet()) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(ga.m().get(name), step.optimizerState().m().get(name), name);
                org.junit.jupiter.api.Assertions.assertArrayEquals(ga.v().get(name), step.optimizerState().v().get(name), name);
            }
        }
        try (NativeStep step = new NativeStep(weights, loss, 1e-3, null)) {
            capture(step, pixels, 6);
            na = step.optimizerState();
            nw = step.snapshot();
        }
        assertEquals(1, na.step());
        for (Architecture.Parameter p : arch.parameters()) {
            String name = p.name();
            near("m of " + name, ga.m().get(name), na.m().get(name));
            near("v of " + name, ga.v().get(name), na.v().get(name));
            near("weights of " + name, gw.get(name), nw.get(name));
        }
    }

    private static void near(String what, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what);
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            diff += ((double) expected[i] - actual[i]) * ((double) expected[i] - actual[i]);
            norm += (double) expected[i] * expected[i];
        }
        assertTrue(norm > 0 && Math.sqrt(diff) <= 1e-4 * Math.sqrt(norm), what + ": relative difference " + Math.sqrt(diff / norm));
    }

    private static void close(String what, double expected, double actual) {
        assertTrue(Math.abs(expected - actual) <= 1e-4 * Math.abs(expected) + 1e-6,
                what + ": graph " + expected + ", native " + actual);
    }

    static Captured capture(Step step, float[] pixels, int n) {
        Map<String, float[]> gradients = new LinkedHashMap<>();
        TrainingStep.Result r = step.run(pixels, n, new SplittableRandom(77), (res, g) -> {
            for (Map.Entry<String, INDArray> e : g.entrySet()) {
                gradients.put(e.getKey(), e.getValue().dup('c').data().asFloat());
            }
        });
        return new Captured(r, gradients);
    }
}
