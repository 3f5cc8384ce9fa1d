package org.latentexplorer.model;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link FastEncoder} against the SameDiff {@link VaeGraph.Mode#ENCODE} graph built from the same random weights. */
class FastEncoderTest {
    static float[] randomImages(int n, int c, int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * c * size * size];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        return x;
    }

    /** The oracle's output in VaeModel's layout: per image D means then D log-variances. */
    static float[] oracle(VaeGraph graph, float[] images, int n, Architecture arch) {
        int size = arch.imageSize();
        int d = arch.latents();
        Map<String, INDArray> out = graph.sameDiff().output(
                Map.of(VaeGraph.X, Nd4j.create(images, new long[] {n, arch.channels(), size, size}, 'c')), VaeGraph.MU, VaeGraph.LOGVAR);
        float[] mu = out.get(VaeGraph.MU).dup('c').data().asFloat();
        float[] logvar = out.get(VaeGraph.LOGVAR).dup('c').data().asFloat();
        float[] result = new float[n * 2 * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(mu, i * d, result, i * 2 * d, d);
            System.arraycopy(logvar, i * d, result, i * 2 * d + d, d);
        }
        return result;
    }

    @ParameterizedTest(name = "{0}x{0}, {1} channel(s), D={2}")
    @CsvSource({"32, 1, 10", "32, 3, 10", "64, 1, 10", "64, 3, 6"})
    void equalsTheSameDiffEncoder(int size, int channels, int d) {
        Architecture arch = new Architecture(size, d, channels);
        VaeWeights w = FastDecoderTest.randomWeights(arch, 3L * size + channels);
        VaeGraph graph = VaeGraph.build(w, VaeGraph.Mode.ENCODE, null);
        try (FastEncoder fast = new FastEncoder(w)) {
            for (int n : new int[] {1, 7, 100, 7}) {
                float[] x = randomImages(n, channels, size, 50 + n);
                float[] expected = oracle(graph, x, n, arch);
                float[] actual = fast.encode(x, n);
                assertEquals(expected.length, actual.length, "n=" + n);
                double spread = 0;
                for (int i = 0; i < expected.length; i++) {
                    double tol = 1e-5 + 1e-4 * Math.abs(expected[i]);
                    assertEquals(expected[i], actual[i], tol, "n=" + n + ", value " + i);
                    spread = Math.max(spread, Math.abs(expected[i]));
                }
                assertTrue(spread > 0.1, "outputs not all near 0: " + spread);
            }
        }
    }

    @Test
    void rejectsTheWrongNumberOfPixels() {
        try (FastEncoder fast = new FastEncoder(VaeWeights.initialise(new Architecture(32, 3), 1))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fast.encode(new float[100], 1));
            assertTrue(e.getMessage().contains("1 images of 1×32×32"), e.getMessage());
        }
    }
}
