package org.latentexplorer.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.UserInputException;

/** {@link Subset}: the first N examples versus N spread evenly over the set. */
class SubsetTest {
    private final DSprites dsprites = new DSprites();

    /** Distinct (shape, scale, orientation) triples among the examples of a view. */
    private static Set<String> triples(Dataset view) {
        FactorLabels f = view.factors().orElseThrow();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < view.size(); i++) {
            int[] c = f.classes(i);
            seen.add(c[1] + "/" + c[2] + "/" + c[3]);
        }
        return seen;
    }

    @Test
    void theFirstExamplesOfDSpritesAreSmallSquaresButASpreadSubsetVariesEveryFactor() {
        Dataset first = Subset.FIRST.apply(dsprites, 16384);
        Dataset spread = Subset.SPREAD.apply(dsprites, 16384);
        assertEquals(16384, first.size());
        assertEquals(16384, spread.size());
        Set<String> firstTriples = triples(first);
        assertTrue(firstTriples.stream().allMatch(t -> t.startsWith("0/0/")), "first N: one shape, one scale");
        Set<Integer> shapes = new HashSet<>();
        Set<Integer> scales = new HashSet<>();
        Set<Integer> orientations = new HashSet<>();
        Set<Integer> posX = new HashSet<>();
        Set<Integer> posY = new HashSet<>();
        FactorLabels f = spread.factors().orElseThrow();
        for (int i = 0; i < spread.size(); i++) {
            int[] c = f.classes(i);
            shapes.add(c[1]);
            scales.add(c[2]);
            orientations.add(c[3]);
            posX.add(c[4]);
            posY.add(c[5]);
        }
        assertEquals(3, shapes.size());
        assertEquals(6, scales.size());
        assertEquals(40, orientations.size());
        assertEquals(32, posX.size());
        assertEquals(32, posY.size());
    }

    @Test
    void spreadExampleIIsSourceExampleFloorOfIOverNTimesSizeAndItsPixelsAndFactorsAgree() {
        Dataset spread = Datasets.spread(dsprites, 1000);
        float[] a = new float[64 * 64];
        float[] b = new float[64 * 64];
        Set<Integer> sources = new HashSet<>();
        for (int i : new int[] {0, 1, 499, 999}) {
            int source = (int) ((long) i * DSprites.COUNT / 1000);
            sources.add(source);
            spread.read(i, a, 0);
            dsprites.read(source, b, 0);
            assertArrayEquals(b, a, "example " + i);
            assertArrayEquals(dsprites.factors().orElseThrow().classes(source), spread.factors().orElseThrow().classes(i));
        }
        assertEquals(4, sources.size());
        assertThrows(IndexOutOfBoundsException.class, () -> spread.read(1000, a, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> spread.factors().orElseThrow().classes(-1));
    }

    @Test
    void limitsOutsideTheSetAreNamedAndZeroMeansAll() {
        assertSame(dsprites, Subset.SPREAD.apply(dsprites, 0));
        UserInputException e = assertThrows(UserInputException.class, () -> Subset.SPREAD.apply(dsprites, 737_281));
        assertTrue(e.getMessage().contains("737281"), e.getMessage());
        assertThrows(UserInputException.class, () -> Subset.fromCliName("middle"));
        assertEquals(Subset.SPREAD, Subset.fromCliName("spread"));
    }
}
