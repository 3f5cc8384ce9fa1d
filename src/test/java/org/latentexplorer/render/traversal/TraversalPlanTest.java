package org.latentexplorer.render.traversal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.Linspace;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.latent.LatentEncoder;
import org.latentexplorer.latent.Posterior;
import org.latentexplorer.latent.PosteriorBatch;

class TraversalPlanTest {

    @Test
    void paperPlanTraversesEachDimensionWithOthersAtZero() {
        TraversalPlan plan = TraversalPlan.of(TraversalSpec.paper(), 4, TraversalInputs.none());
        assertEquals(4, plan.rows());
        assertEquals(10, plan.columns());
        assertEquals(40, plan.count());
        float[] values = Linspace.float32(1.959963984540054, -1.959963984540054, 10);
        float[] z = plan.latents();
        assertEquals(40 * 4, z.length);
        for (int r = 0; r < 4; r++) {
            assertEquals(r, plan.dimension(r));
            assertArrayEquals(values, plan.columnValues(r), 0f);
            for (int j = 0; j < 10; j++) {
                for (int d = 0; d < 4; d++) {
                    float expected = d == r ? values[j] : 0f;
                    assertEquals(expected, z[(r * 10 + j) * 4 + d], 0f, "row " + r + " col " + j + " dim " + d);
                }
            }
        }
        assertEquals(List.of("z0", "z1", "z2", "z3"), plan.labels());
    }

    @Test
    void randomAnchorIsASeededPriorSample() {
        TraversalSpec spec = TraversalSpec.dlib().withAnchor(new TraversalAnchor.RandomPrior(42));
        TraversalPlan plan = TraversalPlan.of(spec, 3, TraversalInputs.none());
        Random r = new Random(42);
        float[] expected = {(float) r.nextGaussian(), (float) r.nextGaussian(), (float) r.nextGaussian()};
        assertArrayEquals(expected, plan.anchor(), 0f);
        float[] z = plan.latents();
        // row 1 (dim 1), column 0 = -1: dims 0 and 2 keep the anchor
        assertEquals(expected[0], z[(11) * 3], 0f);
        assertEquals(-1f, z[(11) * 3 + 1], 0f);
        assertEquals(expected[2], z[(11) * 3 + 2], 0f);
        assertArrayEquals(plan.latents(), TraversalPlan.of(spec, 3, TraversalInputs.none()).latents(), 0f);
    }

    @Test
    void scoreOrderSortsDescendingAndFlagsInactive() {
        double[] kl = {0.5, 0.001, 2.25, 0.5};
        TraversalPlan plan = TraversalPlan.of(TraversalSpec.disentanglingVae(), 4, TraversalInputs.none().withScores(kl, "KL"));
        assertArrayEquals(new int[]{2, 0, 3, 1}, plan.dimensions());
        assertEquals("z2 KL=2.25", plan.labels().get(0));
        assertEquals("z1 KL=0.00 (inactive)", plan.labels().get(3));
        assertTrue(plan.inactive(3));
        assertFalse(plan.inactive(0));
        assertArrayEquals(Linspace.float32(-2, 2, 7), plan.columnValues(0), 0f);
        UserInputException e = assertThrows(UserInputException.class,
                () -> TraversalPlan.of(TraversalSpec.disentanglingVae(), 4, TraversalInputs.none()));
        assertTrue(e.getMessage().contains("score"), e.getMessage());
        assertThrows(UserInputException.class,
                () -> TraversalPlan.of(TraversalSpec.disentanglingVae(), 3, TraversalInputs.none().withScores(kl, "KL")));
    }

    @Test
    void listedDimensionsAndOrders() {
        TraversalSpec spec = TraversalSpec.paper().withDimensions(List.of(3, 1));
        assertArrayEquals(new int[]{1, 3}, TraversalPlan.of(spec, 5, TraversalInputs.none()).dimensions());
        assertArrayEquals(new int[]{3, 1}, TraversalPlan.of(spec.withRowOrder(RowOrder.AS_LISTED), 5, TraversalInputs.none()).dimensions());
        UserInputException e = assertThrows(UserInputException.class, () -> TraversalPlan.of(spec, 3, TraversalInputs.none()));
        assertTrue(e.getMessage().contains("dimension 3"), e.getMessage());
    }

    @Test
    void posteriorRangeIsMeanPlusMinusKSigma() {
        Posterior post = new Posterior(new float[]{0.5f, -1f}, new float[]{(float) Math.log(0.25), 0f});
        TraversalSpec spec = TraversalSpec.paper().withAnchor(new TraversalAnchor.DataIndex(7))
                .withRange(new TraversalRange.Posterior(2)).withSteps(5);
        TraversalPlan plan = TraversalPlan.of(spec, 2, TraversalInputs.none().withAnchorPosterior(post));
        // dim 0: sigma 0.5 -> 0.5 ± 1.0, descending
        assertArrayEquals(Linspace.float32(1.5, -0.5, 5), plan.columnValues(0), 1e-6f);
        assertArrayEquals(Linspace.float32(1.0, -3.0, 5), plan.columnValues(1), 1e-6f);
        assertArrayEquals(new float[]{0.5f, -1f}, plan.anchor(), 0f);
        float[] z = plan.latents();
        assertEquals(-1f, z[1], 0f); // row 0 col 0 keeps dim 1 at the posterior mean
        assertThrows(UserInputException.class, () -> TraversalPlan.of(spec, 2, TraversalInputs.none()));
    }

    @Test
    void dataRangeSpansEncodedMeans() {
        // 3 examples, D = 2: means then logvars per example
        PosteriorBatch sample = new PosteriorBatch(new float[]{
                0.1f, 4f, 0, 0,
                -2f, 1f, 0, 0,
                0.7f, 2f, 0, 0}, 3);
        TraversalSpec spec = TraversalSpec.dlib().withRange(new TraversalRange.DataRange()).withSteps(3);
        TraversalPlan plan = TraversalPlan.of(spec, 2, TraversalInputs.none().withSample(sample));
        assertArrayEquals(new float[]{-2f, -0.65f, 0.7f}, plan.columnValues(0), 1e-6f);
        assertArrayEquals(new float[]{1f, 2.5f, 4f}, plan.columnValues(1), 1e-6f);
        assertThrows(UserInputException.class, () -> TraversalPlan.of(spec, 2, TraversalInputs.none()));
    }

    @Test
    void dataAnchorNeedsItsEncoding() {
        TraversalSpec spec = TraversalSpec.paper().withAnchor(new TraversalAnchor.DataIndex(3));
        UserInputException e = assertThrows(UserInputException.class, () -> TraversalPlan.of(spec, 2, TraversalInputs.none()));
        assertTrue(e.getMessage().contains("3"), e.getMessage());
        Posterior wrongSize = new Posterior(new float[3], new float[3]);
        assertThrows(UserInputException.class,
                () -> TraversalPlan.of(spec, 2, TraversalInputs.none().withAnchorPosterior(wrongSize)));
    }

    @Test
    void posteriorBatchEncodesWithOneCall() {
        int[] calls = {0};
        LatentEncoder enc = (images, n) -> {
            calls[0]++;
            float[] out = new float[n * 4];
            for (int i = 0; i < n; i++) {
                float sum = 0;
                for (int p = 0; p < 4; p++) {
                    sum += images[i * 4 + p];
                }
                out[i * 4] = sum;        // mean 0
                out[i * 4 + 1] = -sum;   // mean 1
                out[i * 4 + 2] = 0.5f;   // logvar 0
                out[i * 4 + 3] = -0.5f;  // logvar 1
            }
            return out;
        };
        PosteriorBatch b = PosteriorBatch.encode(enc, new float[]{1, 1, 0, 0, 0.25f, 0, 0, 0}, 2);
        assertEquals(1, calls[0]);
        assertEquals(2, b.size());
        assertEquals(2, b.latentSize());
        assertEquals(0.25f, b.mean(1, 0), 0f);
        assertEquals(-2f, b.mean(0, 1), 0f);
        assertEquals(-0.5f, b.logVariance(1, 1), 0f);
        assertEquals(0.25f, b.minMean(0), 0f);
        assertEquals(2f, b.maxMean(0), 0f);
        assertEquals(Math.exp(0.25), b.get(0).sigma(0), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> new PosteriorBatch(new float[5], 2));
    }
}
