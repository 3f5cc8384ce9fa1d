package org.latentexplorer.model;

import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link FastDecoder} against the oracle it replaces: the SameDiff {@link VaeGraph.Mode#DECODE} graph
 * built from the same weights, for random weights (scaled so that the images span most of [0,1] and
 * every layer matters) and random z.
 */
class FastDecoderTest {
    private static final double TOLERANCE = 1e-5;

    /** Random weights with He-like scale ×1.5 and biases in ±0.3: sigmoid outputs spread over [0,1]. */
    static VaeWeights randomWeights(Architecture arch, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Architecture.Parameter p : arch.parameters()) {
            float[] v = new float[(int) p.length()];
            double scale = p.bias() ? 0.3 : 1.5 * Math.sqrt(2.0 / p.fanIn());
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (p.bias() ? scale * (2 * r.nextDouble() - 1) : scale * r.nextGaussian());
            }
            values.put(p.name(), v);
        }
        return VaeWeights.of(arch, values);
    }

    static float[] randomZ(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] z = new float[n * d];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (2 * r.nextGaussian());
        }
        return z;
    }

    static float[] oracle(VaeGraph graph, float[] z, int n, int d) {
        INDArray out = graph.sameDiff().outputSingle(Map.of(VaeGraph.Z, Nd4j.create(z, new long[] {n, d}, 'c')), VaeGraph.RECON);
        return out.dup('c').data().asFloat();
    }

    @ParameterizedTest(name = "{0}x{0}, {1} channel(s), D={2}")
    @CsvSource({"32, 1, 10", "32, 3, 10", "64, 1, 10", "64, 3, 6"})
    void equalsTheSameDiffDecoder(int size, int channels, int d) {
        Architecture arch = new Architecture(size, d, channels);
        VaeWeights w = randomWeights(arch, 11L * size + channels);
        VaeGraph graph = VaeGraph.build(w, VaeGraph.Mode.DECODE, null);
        try (FastDecoder fast = new FastDecoder(w)) {
            for (int n : new int[] {1, 7, 100}) {
                float[] z = randomZ(n, d, 100 + n);
                float[] expected = oracle(graph, z, n, d);
                float[] actual = fast.decode(z, n);
                assertEquals(n * channels * size * size, actual.length, "n=" + n);
                assertEquals(expected.length, actual.length, "n=" + n);
                double maxDiff = 0;
                float lo = 1;
                float hi = 0;
                for (int i = 0; i < expected.length; i++) {
                    maxDiff = Math.max(maxDiff, Math.abs(expected[i] - actual[i]));
                    lo = Math.min(lo, expected[i]);
                    hi = Math.max(hi, expected[i]);
                }
                assertTrue(maxDiff <= TOLERANCE, "n=" + n + ": max |fast − SameDiff| = " + maxDiff);
                if (n == 100) {
                    // the comparison means something only if the images are not flat
                    assertTrue(lo < 0.2 && hi > 0.8, "outputs span [" + lo + ", " + hi + "]");
                }
            }
        }
    }

    @Test
    void reusedBuffersGiveTheSameResultsAsFreshDecoders() {
        Architecture arch = new Architecture(64, 10, 1);
        VaeWeights w = randomWeights(arch, 5);
        int[] sizes = {1, 7, 100, 1, 7, 3, 128, 2, 100, 1, 7};
        try (FastDecoder reused = new FastDecoder(w)) {
            for (int k = 0; k < sizes.length; k++) {
                int n = sizes[k];
                float[] z = randomZ(n, 10, 1000 + k);
                float[] again = reused.decode(z, n);
                try (FastDecoder fresh = new FastDecoder(w)) {
                    assertArrayEquals(fresh.decode(z, n), again, "call " + k + " (n=" + n + ")");
                }
                assertTrue(reused.cachedSizes().size() <= FastDecoder.CACHED_SIZES, "cache bounded: " + reused.cachedSizes());
                assertEquals(n, reused.cachedSizes().get(reused.cachedSizes().size() - 1), "most recent size last");
            }
            // least recently used first; 3 and 128 were evicted when 1 and 7 came back
            assertEquals(List.of(2, 100, 1, 7), reused.cachedSizes());
        }
    }

    @Test
    void aSmallerBatchAfterALargerOneDoesNotReturnStaleImages() {
        Architecture arch = new Architecture(32, 4, 3);
        VaeWeights w = randomWeights(arch, 9);
        try (FastDecoder fast = new FastDecoder(w)) {
            float[] a = randomZ(2, 4, 1);
            float[] b = randomZ(2, 4, 2);
            float[] first = fast.decode(a, 2);
            float[] second = fast.decode(b, 2);
            assertFalse(java.util.Arrays.equals(first, second), "different z, same buffers, different images");
            assertArrayEquals(first, fast.decode(a, 2));
        }
    }

    @Test
    void rejectsTheWrongNumberOfLatentValues() {
        try (FastDecoder fast = new FastDecoder(VaeWeights.initialise(new Architecture(32, 3), 1))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fast.decode(new float[7], 2));
            assertTrue(e.getMessage().contains("expected 2×3"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> fast.decode(new float[0], 0));
        }
    }
}
