package org.latentexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.render.traversal.LabelPosition;
import org.latentexplorer.render.traversal.RowOrder;
import org.latentexplorer.render.traversal.TraversalAnchor;
import org.latentexplorer.render.traversal.TraversalDirection;
import org.latentexplorer.render.traversal.TraversalRange;
import org.latentexplorer.render.traversal.TraversalSpec;

/** How traverse's options override a preset. */
class TraversalOptionsTest {
    private static TraversalOptions.Resolved resolve(String preset, String mode, Double range, Integer steps, String dims,
                                                     String anchor, String order) {
        return TraversalOptions.resolve(preset, mode, range, steps, dims, anchor, order, null, null, 0.0);
    }

    @Test
    void thePaperPresetUntouchedIsThePapersSpec() {
        TraversalOptions.Resolved r = resolve("paper", null, null, null, null, null, null);
        assertEquals(TraversalSpec.paper(), r.spec());
        assertEquals(TraversalOptions.Score.NONE, r.score());
        assertTrue(!r.needsData());
    }

    @Test
    void eachOptionOverridesOnlyItsPart() {
        TraversalSpec s = resolve("paper", "prior-quantile", 0.5, 4, "3,1", "random:9", "listed").spec();
        assertEquals(new TraversalRange.PriorQuantile(0.25), s.range(), "--range is the central mass, q = half of it");
        assertEquals(4, s.steps());
        assertEquals(List.of(3, 1), s.dimensions());
        assertEquals(new TraversalAnchor.RandomPrior(9), s.anchor());
        assertEquals(RowOrder.AS_LISTED, s.rowOrder());
        assertEquals(TraversalDirection.DESCENDING, s.direction(), "the preset's direction is kept");
        assertEquals(new TraversalRange.Absolute(2.0), resolve("paper", "absolute", null, null, null, null, null).spec().range(),
                "a mode the preset does not use starts from its default");
        assertEquals(new TraversalRange.Absolute(1.0), resolve("dlib", null, null, null, null, null, null).spec().range());
        assertEquals(new TraversalRange.Absolute(2.5), resolve("dlib", null, 2.5, null, null, null, null).spec().range(),
                "--range without --mode changes the preset's own range");
        assertEquals(TraversalDirection.ASCENDING, TraversalOptions.resolve("paper", null, null, null, null, null, null,
                "ascending", null, 1.0).spec().direction());
        assertEquals(1.0, TraversalOptions.resolve("paper", null, null, null, null, null, null, null, null, 1.0).spec().background());
    }

    @Test
    void scoreOrdersNeedDataAndGetLabels() {
        TraversalOptions.Resolved kl = resolve("paper", null, null, null, null, null, "kl");
        assertEquals(RowOrder.SCORE_DESCENDING, kl.spec().rowOrder());
        assertEquals(LabelPosition.RIGHT, kl.spec().labels());
        assertEquals(TraversalOptions.Score.KL, kl.score());
        assertTrue(kl.needsData());
        TraversalOptions.Resolved dvae = resolve("disentangling-vae", null, null, null, null, null, null);
        assertEquals(TraversalOptions.Score.KL, dvae.score(), "the disentangling-vae preset sorts by KL");
        assertEquals(TraversalOptions.Score.DIVERGENCE, resolve("paper", null, null, null, null, null, "divergence").score());
        TraversalOptions.Resolved posterior = resolve("paper", "posterior", 3.0, null, null, "index:4", null);
        assertEquals(new TraversalRange.Posterior(3.0), posterior.spec().range());
        assertInstanceOf(TraversalAnchor.DataIndex.class, posterior.spec().anchor());
        assertTrue(posterior.needsData());
        assertTrue(posterior.whyDataIsNeeded().contains("index:4"), posterior.whyDataIsNeeded());
        assertTrue(resolve("paper", "data-range", null, null, null, null, null).needsData());
    }

    @Test
    void badValuesAreUserErrors() {
        assertThrows(UserInputException.class, () -> resolve("paper", null, null, 1, null, null, null));
        assertThrows(UserInputException.class, () -> resolve("paper", null, null, null, "", null, null));
        assertThrows(UserInputException.class, () -> resolve("paper", null, null, null, "2,2", null, null));
        assertThrows(UserInputException.class, () -> resolve("paper", "data-range", 1.0, null, null, null, null));
        assertThrows(UserInputException.class, () -> resolve("paper", "absolute", 0.0, null, null, null, null));
        assertThrows(UserInputException.class, () -> resolve("paper", "posterior", -1.0, null, null, "index:0", null));
        assertThrows(UserInputException.class, () -> resolve("paper", null, null, null, null, "random:x", null));
        assertThrows(UserInputException.class, () -> resolve("paper", null, null, null, null, null, "size"));
        assertThrows(UserInputException.class, () -> TraversalOptions.resolve("paper", null, null, null, null, null, null,
                "up", null, 0.0));
        assertThrows(UserInputException.class, () -> TraversalOptions.resolve("paper", null, null, null, null, null, null,
                null, "top", 0.0));
    }
}
