package org.latentexplorer.render.traversal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.UserInputException;

class TraversalSpecTest {

    @Test
    void paperPresetIsSectionF() {
        TraversalSpec s = TraversalSpec.paper();
        TraversalRange.PriorQuantile q = assertInstanceOf(TraversalRange.PriorQuantile.class, s.range());
        assertEquals(0.475, q.q(), 0.0);
        assertEquals(1.959963985, q.halfWidth(), 1e-9);
        assertEquals(10, s.steps());
        assertEquals(TraversalDirection.DESCENDING, s.direction());
        assertTrue(s.dimensions().isEmpty());
        assertInstanceOf(TraversalAnchor.PriorMean.class, s.anchor());
        assertEquals(RowOrder.INDEX, s.rowOrder());
        assertEquals(LabelPosition.NONE, s.labels());
        assertEquals(2, s.padding());
        assertEquals(1.0f, s.padValue(), 0f);
        assertEquals(0.0f, s.withBackground(1).padValue(), 0f);
    }

    @Test
    void otherPresets() {
        TraversalSpec dv = TraversalSpec.preset("disentangling-vae");
        assertEquals(2.0, assertInstanceOf(TraversalRange.Absolute.class, dv.range()).halfWidth(), 0.0);
        assertEquals(7, dv.steps());
        assertEquals(RowOrder.SCORE_DESCENDING, dv.rowOrder());
        assertEquals(LabelPosition.RIGHT, dv.labels());
        TraversalSpec bv = TraversalSpec.preset("beta-vae");
        assertEquals(3.0, assertInstanceOf(TraversalRange.Absolute.class, bv.range()).halfWidth(), 0.0);
        assertEquals(10, bv.steps());
        assertEquals(TraversalDirection.ASCENDING, bv.direction());
        TraversalSpec dl = TraversalSpec.preset("dlib");
        assertEquals(1.0, assertInstanceOf(TraversalRange.Absolute.class, dl.range()).halfWidth(), 0.0);
        assertEquals(11, dl.steps());
        UserInputException e = assertThrows(UserInputException.class, () -> TraversalSpec.preset("pape"));
        assertTrue(e.getMessage().contains("pape") && e.getMessage().contains("disentangling-vae"), e.getMessage());
    }

    @Test
    void compactConstructorRejectsBadSpecs() {
        TraversalSpec p = TraversalSpec.paper();
        assertThrows(IllegalArgumentException.class, () -> p.withSteps(1));
        assertThrows(IllegalArgumentException.class, () -> p.withDimensions(List.of(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> p.withDimensions(List.of(-1)));
        assertThrows(IllegalArgumentException.class, () -> p.withBackground(1.5));
        assertThrows(IllegalArgumentException.class, () -> p.withPadding(-1));
        assertThrows(IllegalArgumentException.class, () -> p.withInactiveThreshold(Double.NaN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.withRange(new TraversalRange.Posterior(2)));
        assertTrue(e.getMessage().contains("data anchor"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TraversalRange.PriorQuantile(0.5));
        assertThrows(IllegalArgumentException.class, () -> new TraversalRange.Absolute(0));
        assertThrows(IllegalArgumentException.class, () -> new TraversalAnchor.DataIndex(-3));
        // a posterior range with a data anchor is fine
        p.withAnchor(new TraversalAnchor.DataIndex(4)).withRange(new TraversalRange.Posterior(2));
    }
}
